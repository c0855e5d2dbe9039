import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A token bucket: it holds at most `capacity` tokens, starts full and refills continuously at
 * `refillPerSecond`. Each admitted request takes one token.
 */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

/** What the emulator's traffic layer does to requests. Every member is optional: `{}` is a no-op. */
export interface TrafficOptions {
  /** '100/min', '10/s', '5000/h' (see parseRateLimit), or an explicit bucket. */
  rateLimit?: string | RateLimit;
  /** Milliseconds added to every request: a fixed value or a uniform range, inclusive. */
  latencyMs?: number | { min: number; max: number };
  /** Scripted faults, in order. See FaultRule and the README for how rules combine. */
  faults?: FaultRule[];
}

export type FaultRule = FaultMatch &
  (
    | { kind: 'status'; status: number } // answer this 5xx with a ProblemDetails body
    | { kind: 'reset' } // destroy the socket without a response
    | { kind: 'slow'; delayMs: number } // delay before the request proceeds
  );

export type FaultKind = FaultRule['kind'];

/**
 * Which requests a rule applies to. A request must match `method` and `path` to be counted by the
 * rule; among those, it fires when its number is listed (if `requestNumbers` is set), a random
 * draw falls under `probability` (if set), and it has fired fewer than `times` times (if set).
 */
export interface FaultMatch {
  /** e.g. 'PATCH'; absent = any method. Compared case-insensitively. */
  method?: string;
  /**
   * A path prefix that ends on a segment boundary ('/v1/contenttypes' matches
   * '/v1/contenttypes/Article' but not '/v1/contenttypesX'), or, when it contains '*', a glob over
   * the whole path: '*' matches within one segment, '**' across segments. Absent = any path.
   */
  path?: string;
  /** 0..1, drawn independently for each matching request. */
  probability?: number;
  /** 1-based, counted over the requests this rule matches. */
  requestNumbers?: number[];
  /** Fire at most this many times. */
  times?: number;
}

export interface TrafficCounters {
  /** Requests received, excluding /_emulator/*. */
  total: number;
  /** Keyed by method and path without query, e.g. 'GET /v1/contenttypes'. */
  byRoute: Record<string, number>;
  /** Final status codes sent, keyed by the code as text. Reset connections have none. */
  byStatus: Record<string, number>;
  /** 429s sent by the rate limit. */
  rateLimited: number;
  /** Faults fired, by kind. */
  faults: { status: number; reset: number; slow: number };
}

export interface TrafficControl {
  /** Runs before the router; calls `next` unless the request was rate limited or faulted. */
  middleware(req: IncomingMessage, res: ServerResponse, next: () => Promise<void>): Promise<void>;
  /** A snapshot; later requests do not change it. */
  counters(): TrafficCounters;
  /** Counters to zero, bucket full, rule counts reset. */
  reset(): void;
  /** Replace the options at run time: the bucket starts full, rules count from zero, counters stay. */
  configure(options: TrafficOptions): void;
}

/** Injected so that tests are deterministic. `now` is in milliseconds. */
export interface TrafficDeps {
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}
