import { TrafficOptionError } from './traffic-option-error.js';
import type { RateLimit } from './types.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  s: 1,
  sec: 1,
  second: 1,
  min: 60,
  minute: 60,
  h: 3600,
  hour: 3600,
};

const RATE_TEXT = /^\s*(\d+)\s*\/\s*([a-z]+)\s*(?:,\s*burst\s*=\s*(\d+)\s*)?$/i;

/**
 * Parses `--rate-limit`: `COUNT/UNIT[,burst=B]` with UNIT one of s, min, h (or sec, second,
 * minute, hour). The bucket refills COUNT per UNIT continuously and holds B tokens (default
 * COUNT), so '100/min' allows a burst of 100 and then one request every 0.6 s, and
 * '100/min,burst=1' allows one request every 0.6 s from the start.
 */
export function parseRateLimit(text: string): RateLimit {
  const match = RATE_TEXT.exec(text);
  const count = match ? Number(match[1]) : Number.NaN;
  const seconds = match ? UNIT_SECONDS[match[2]!.toLowerCase()] : undefined;
  const burst = match?.[3] === undefined ? count : Number(match[3]);
  if (!match || seconds === undefined || !(count > 0) || !(burst > 0)) {
    throw new TrafficOptionError(
      '--rate-limit',
      text,
      'expected COUNT/UNIT[,burst=B] with positive whole COUNT and B and UNIT one of s, min, h, for example "100/min" or "100/min,burst=1".',
    );
  }
  return { capacity: burst, refillPerSecond: count / seconds };
}

/** The option as given in-process: text is parsed, an explicit bucket is checked. */
export function resolveRateLimit(option: string | RateLimit): RateLimit {
  if (typeof option === 'string') return parseRateLimit(option);
  const { capacity, refillPerSecond } = option;
  if (!(Number.isInteger(capacity) && capacity >= 1) || !(Number.isFinite(refillPerSecond) && refillPerSecond > 0)) {
    throw new TrafficOptionError(
      'rateLimit',
      option,
      'expected a whole capacity of at least 1 and a positive refillPerSecond, for example { capacity: 100, refillPerSecond: 100 / 60 }.',
    );
  }
  return { capacity, refillPerSecond };
}

/** Absorbs float error in refills, so that 0.72 s at 5000/h gives back a whole token. */
const EPSILON = 1e-9;

export type TakeResult = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/** A token bucket on an injected clock (milliseconds). Rejected takes consume nothing. */
export class TokenBucket {
  readonly #limit: RateLimit;
  readonly #now: () => number;
  #tokens: number;
  #at: number;

  constructor(limit: RateLimit, now: () => number) {
    this.#limit = limit;
    this.#now = now;
    this.#tokens = limit.capacity;
    this.#at = now();
  }

  take(): TakeResult {
    this.#refill();
    if (this.#tokens >= 1 - EPSILON) {
      this.#tokens = Math.max(0, this.#tokens - 1);
      return { admitted: true };
    }
    const secondsUntilOneToken = (1 - this.#tokens) / this.#limit.refillPerSecond;
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(secondsUntilOneToken)) };
  }

  #refill(): void {
    const now = this.#now();
    const elapsedSeconds = Math.max(0, now - this.#at) / 1000;
    this.#tokens = Math.min(this.#limit.capacity, this.#tokens + elapsedSeconds * this.#limit.refillPerSecond);
    this.#at = now;
  }
}
