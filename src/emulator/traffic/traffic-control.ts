import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { FaultBook, NO_FAULT } from './fault-book.js';
import { pickLatency, resolveLatency, type Latency } from './latency.js';
import { sendInjectedStatus, sendTooManyRequests } from './problem-response.js';
import { resolveRateLimit, TokenBucket } from './rate-limit.js';
import type { RateLimit, TrafficControl, TrafficCounters, TrafficDeps, TrafficOptions } from './types.js';

/** Requests under this prefix (the emulator's own control endpoints) bypass the traffic layer. */
export const EMULATOR_CONTROL_PREFIX = '/_emulator';

interface Setup {
  rate: { limit: RateLimit; bucket: TokenBucket } | undefined;
  latency: Latency | undefined;
  faults: FaultBook;
}

/**
 * The emulator's fault and limit layer. For each request, in arrival order and synchronously, it
 * counts the request, takes a token (when a rate limit is set) and, if admitted, asks the fault
 * rules; then it waits the latency, answers 429 if the bucket was empty, waits any slow faults,
 * and either ends the request with its terminal fault or calls `next`. Deciding at arrival keeps
 * "request number N" and "the Nth request over the limit" independent of random latency.
 *
 * Options are checked here, so a bad in-process option throws TrafficOptionError at once rather
 * than on the first request.
 */
export function createTrafficControl(options: TrafficOptions = {}, deps: TrafficDeps = {}): TrafficControl {
  const now = deps.now ?? (() => performance.now());
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? ((ms: number) => delay(ms).then(() => undefined));

  const build = (next: TrafficOptions): Setup => {
    const limit = next.rateLimit === undefined ? undefined : resolveRateLimit(next.rateLimit);
    return {
      rate: limit === undefined ? undefined : { limit, bucket: new TokenBucket(limit, now) },
      latency: next.latencyMs === undefined ? undefined : resolveLatency(next.latencyMs),
      faults: new FaultBook(next.faults ?? []),
    };
  };

  let current = options;
  let setup = build(options);
  let counters = emptyCounters();

  return {
    async middleware(req: IncomingMessage, res: ServerResponse, next: () => Promise<void>): Promise<void> {
      const path = pathOf(req.url);
      if (path === EMULATOR_CONTROL_PREFIX || path.startsWith(`${EMULATOR_CONTROL_PREFIX}/`)) {
        await next();
        return;
      }
      const method = (req.method ?? 'GET').toUpperCase();
      // In-flight requests keep the counters and setup they arrived under, across reset/configure.
      const tally = counters;
      const { rate, latency, faults } = setup;

      tally.total += 1;
      increment(tally.byRoute, `${method} ${path}`);
      res.once('finish', () => increment(tally.byStatus, String(res.statusCode)));

      const refusal = rate === undefined ? undefined : refusalFrom(rate);
      const decision = refusal === undefined ? faults.decide(method, path, random) : NO_FAULT;

      const latencyMs = latency === undefined ? 0 : pickLatency(latency, random);
      if (latencyMs > 0) await sleep(latencyMs);

      if (refusal !== undefined) {
        tally.rateLimited += 1;
        sendTooManyRequests(res, refusal.retryAfterSeconds, refusal.limit);
        return;
      }
      for (const slow of decision.slow) {
        tally.faults.slow += 1;
        await sleep(slow.delayMs);
      }
      if (decision.terminal === undefined) {
        await next();
        return;
      }
      const { rule: terminal, text } = decision.terminal;
      switch (terminal.kind) {
        case 'status':
          tally.faults.status += 1;
          sendInjectedStatus(res, terminal.status, text);
          return;
        case 'reset':
          tally.faults.reset += 1;
          req.socket.destroy();
          return;
        default: {
          const unknown: never = terminal;
          throw new Error(`Internal error: unhandled fault ${JSON.stringify(unknown)}; this is a bug in catalyst.`);
        }
      }
    },

    counters(): TrafficCounters {
      return structuredClone(counters);
    },

    reset(): void {
      counters = emptyCounters();
      setup = build(current);
    },

    configure(next: TrafficOptions): void {
      setup = build(next);
      current = next;
    },
  };
}

/** Takes a token; when there is none, says what the 429 must carry. */
function refusalFrom(rate: NonNullable<Setup['rate']>): { retryAfterSeconds: number; limit: RateLimit } | undefined {
  const taken = rate.bucket.take();
  return taken.admitted ? undefined : { retryAfterSeconds: taken.retryAfterSeconds, limit: rate.limit };
}

function emptyCounters(): TrafficCounters {
  return { total: 0, byRoute: {}, byStatus: {}, rateLimited: 0, faults: { status: 0, reset: 0, slow: 0 } };
}

function increment(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const query = raw.search(/[?#]/);
  return query === -1 ? raw : raw.slice(0, query);
}
