import { describe, expect, it } from 'vitest';
import { RequestPacer } from '../../src/adapters/request-pacer.js';
import { TokenBucket } from '../../src/emulator/traffic/rate-limit.js';

/**
 * Runs `count` successful requests, one at a time, through the pacer against the emulator's own
 * token bucket, on a simulated clock (no real time passes). Returns the simulated seconds, the
 * 429s and the pacer's sleeps.
 */
async function run(count: number, perMinute: number, burst: number, latencyMs = 100) {
  let clock = 0;
  const bucket = new TokenBucket({ capacity: burst, refillPerSecond: perMinute / 60 }, () => clock);
  let sleeps = 0;
  const pacer = new RequestPacer(
    () => clock,
    async (ms) => {
      sleeps += 1;
      clock += ms;
    },
  );
  let done = 0;
  let throttled = 0;
  while (done < count) {
    await pacer.acquire();
    const answer = bucket.take();
    clock += latencyMs;
    if (answer.admitted) {
      done += 1;
      pacer.succeeded();
    } else {
      throttled += 1;
      pacer.throttled(answer.retryAfterSeconds);
      pacer.pause(answer.retryAfterSeconds * 1000);
    }
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

  it('a 429 at the spacing known to be enough (the limit dropped) starts the search again, wider', async () => {
    let clock = 0;
    const pacer = new RequestPacer(
      () => clock,
      async (ms) => void (clock += ms),
    );
    pacer.throttled(1);
    expect(pacer.spacingMs).toBe(500);
    for (let i = 0; i < 4; i++) pacer.succeeded();
    expect(pacer.spacingMs).toBe(250);
    pacer.throttled(1);
    expect(pacer.spacingMs).toBe(500);
    pacer.throttled(1);
    expect(pacer.spacingMs).toBe(750);
  });

  it('a pause holds back a caller that was already waiting for its slot', async () => {
    let clock = 0;
    const pacer = new RequestPacer(
      () => clock,
      async (ms) => void (clock += ms),
    );
    pacer.throttled(1);
    await pacer.acquire();
    const second = pacer.acquire();
    pacer.pause(3_000);
    await second;
    expect(clock).toBe(500 + 3_000);
  });
});
