import { TrafficOptionError } from './traffic-option-error.js';

export type Latency = number | { min: number; max: number };

const LATENCY_TEXT = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/;

/** Parses `--latency`: milliseconds, either fixed ('50') or a uniform range, inclusive ('20-80'). */
export function parseLatency(text: string): Latency {
  const match = LATENCY_TEXT.exec(text);
  if (!match) {
    throw new TrafficOptionError(
      '--latency',
      text,
      'expected whole milliseconds, fixed or as a range MIN-MAX, for example "50" or "20-80".',
    );
  }
  const min = Number(match[1]);
  if (match[2] === undefined) return min;
  const max = Number(match[2]);
  if (min > max) {
    throw new TrafficOptionError('--latency', text, `the range is reversed; write "${max}-${min}".`);
  }
  return { min, max };
}

/** The option as given in-process, checked. */
export function resolveLatency(option: Latency): Latency {
  const valid = typeof option === 'number' ? isMillis(option) : isMillis(option.min) && isMillis(option.max) && option.min <= option.max;
  if (!valid) {
    throw new TrafficOptionError(
      'latencyMs',
      option,
      'expected non-negative milliseconds, fixed or as { min, max } with min <= max, for example 50 or { min: 20, max: 80 }.',
    );
  }
  return option;
}

/** The delay for one request; a range draws a whole number of milliseconds uniformly. */
export function pickLatency(latency: Latency, random: () => number): number {
  if (typeof latency === 'number') return latency;
  const span = latency.max - latency.min + 1;
  return latency.min + Math.min(span - 1, Math.floor(random() * span));
}

function isMillis(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}
