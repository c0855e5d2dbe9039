import { describe, expect, it } from 'vitest';
import { RequestPacer } from '../../src/adapters/request-pacer.js';
import { TokenBucket } from '../../src/emulator/traffic/rate-limit.js';

/**
 * Runs `count` successful requests through the pacer against the emulator's own token bucket, from
 * `workers` concurrent callers (the apply runs several steps at once), on a simulated clock: every
 * sleep is a timer the loop below fires in time order, so no real time passes. Returns the simulated
 * seconds, the 429s, the pacer's sleeps and the spacing it settled on.
 */
async function run(count: number, perMinute: number, burst: number, { latencyMs = 100, workers = 1, jitterMs = 0 } = {}) {
  let clock = 0;
  const timers: Array<{ at: number; fire: () => void }> = [];
  const wait = (ms: number) => new Promise<void>((fire) => timers.push({ at: clock + ms, fire }));
  const bucket = new TokenBucket({ capacity: burst, refillPerSecond: perMinute / 60 }, () => clock);
  let sleeps = 0;
  const pacer = new RequestPacer(
    () => clock,
    (ms) => {
      sleeps += 1;
      return wait(ms);
    },
  );
  let started = 0;
  let throttled = 0;
  const worker = async () => {
    while (started < count) {
      started += 1;
      for (;;) {
        const ticket = await pacer.acquire();
        // The request reaches the server a little early or late (deterministic, so runs repeat).
        const skew = jitterMs * Math.sin(started * 12.9898 + throttled);
        if (skew > 0) await wait(skew);
        const answer = bucket.take();
        await wait(latencyMs);
        if (answer.admitted) {
          pacer.succeeded(ticket);
          break;
        }
        throttled += 1;
        pacer.throttled(answer.retryAfterSeconds, ticket);
        pacer.pause(answer.retryAfterSeconds * 1000);
      }
    }
  };
  let finished = false;
  void Promise.all(Array.from({ length: workers }, worker)).then(() => (finished = true));
  while (!finished) {
    await new Promise((resolve) => setImmediate(resolve));
    timers.sort((a, b) => a.at - b.at);
    const next = timers.shift();
    if (!next) continue;
    clock = Math.max(clock, next.at);
    next.fire();
  }
  return { seconds: clock / 1000, throttled, sleeps, spacing: pacer.spacingMs };
}

describe('RequestPacer against a token bucket (simulated time)', () => {
  it('with a limiter that allows no burst, 103 requests take within 1.1× of the floor (requests ÷ rate), with few 429s', async () => {
    const result = await run(103, 100, 1);
    const floor = 102 * 0.6;
    expect(result.seconds / floor).toBeLessThan(1.1);
    expect(result.throttled).toBeLessThanOrEqual(6);
    expect(result.spacing).toBeGreaterThanOrEqual(600);
    expect(result.spacing).toBeLessThan(600 * 1.03);
  });

  it('four requests at a time: the 429s of requests sent together count once, so the spacing still settles at the rate', async () => {
    const result = await run(103, 100, 1, { workers: 4 });
    expect(result.seconds / (102 * 0.6)).toBeLessThan(1.1);
    expect(result.spacing).toBeGreaterThanOrEqual(600);
    expect(result.spacing).toBeLessThan(600 * 1.03);
    expect(result.throttled).toBeLessThanOrEqual(8);
  });

  it('with network jitter of ±10 ms a 429 at the spacing found does not throw the run far off the floor', async () => {
    const result = await run(300, 100, 1, { workers: 4, jitterMs: 10 });
    // Widening by half after such a 429, as for a first one, costs about 1.07× here.
    expect(result.seconds / (299 * 0.6)).toBeLessThan(1.06);
    expect(result.spacing).toBeLessThan(600 * 1.06);
  });

  it('after a burst of 100 it settles at the refill rate', async () => {
    const result = await run(300, 100, 100);
    expect(result.seconds / ((300 - 100) * 0.6)).toBeLessThan(1.02);
  });

  it('unpaced until the first 429: a run within the burst is not slowed', async () => {
    const result = await run(50, 100, 100);
    expect(result.seconds).toBeCloseTo(5, 5);
    expect(result.sleeps).toBe(0);
  });

  it('waits on timers: one sleep per paced request at most, no busy loop', async () => {
    const result = await run(103, 100, 1);
    expect(result.sleeps).toBeLessThanOrEqual(103 + result.throttled);
  });

  it('a 429 at the spacing known to be enough (jitter, or the limit dropped) searches again from 5% above, then widens by half', async () => {
    let clock = 0;
    const pacer = new RequestPacer(
      () => clock,
      async (ms) => void (clock += ms),
    );
    // Each step's requests start under the spacing in force then (a ticket from acquire).
    const now = () => pacer.acquire();
    pacer.throttled(1, await now());
    expect(pacer.spacingMs).toBe(500);
    const atFiveHundred = await Promise.all([now(), now(), now(), now()]);
    for (const ticket of atFiveHundred) pacer.succeeded(ticket);
    expect(pacer.spacingMs).toBe(250);
    pacer.throttled(1, await now());
    expect(pacer.spacingMs).toBe(500);
    pacer.throttled(1, await now());
    expect(pacer.spacingMs).toBe(525);
    pacer.throttled(1, await now());
    expect(pacer.spacingMs).toBeCloseTo(787.5, 6);
  });

  it('a request started under an earlier setting of the spacing says nothing about the current one, even at the same value', async () => {
    let clock = 0;
    const pacer = new RequestPacer(
      () => clock,
      async (ms) => void (clock += ms),
    );
    pacer.throttled(1, await pacer.acquire());
    const early = await pacer.acquire();
    const atFiveHundred = await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    for (const ticket of atFiveHundred) pacer.succeeded(ticket);
    expect(pacer.spacingMs).toBe(250);
    pacer.throttled(1, await pacer.acquire());
    // 500 again, as when `early` started: its late 429 must not count against this new setting.
    expect(pacer.spacingMs).toBe(500);
    pacer.throttled(1, early);
    expect(pacer.spacingMs).toBe(500);
  });

  it('a pause holds back a caller that was already waiting for its slot', async () => {
    let clock = 0;
    const pacer = new RequestPacer(
      () => clock,
      async (ms) => void (clock += ms),
    );
    pacer.throttled(1, await pacer.acquire());
    await pacer.acquire();
    const second = pacer.acquire();
    pacer.pause(3_000);
    await second;
    expect(clock).toBe(500 + 3_000);
  });
});
