import { describe, expect, it } from 'vitest';
import { AdapterError, type AdapterErrorKind } from '../../src/adapters/errors.js';
import { retryDelay, withRetry, type RetryNotice, type RetryPolicy } from '../../src/adapters/retry.js';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterSeconds: 60 };

function failure(kind: AdapterErrorKind, status?: number, retryAfterSeconds?: number): AdapterError {
  return new AdapterError({ kind, message: `failed with ${kind}.`, status, retryAfterSeconds });
}

function harness(random = 0.5) {
  const waits: number[] = [];
  const notices: RetryNotice[] = [];
  return {
    waits,
    notices,
    deps: {
      sleep: async (ms: number) => void waits.push(ms),
      random: () => random,
      onRetry: (notice: RetryNotice) => void notices.push(notice),
    },
  };
}

describe('withRetry', () => {
  it('retries retryable failures until the call succeeds', async () => {
    const { deps, waits, notices } = harness();
    const outcomes = [failure('server', 503), failure('network'), failure('timeout')];
    const attempts: number[] = [];
    const result = await withRetry(
      async (attempt) => {
        attempts.push(attempt);
        const next = outcomes.shift();
        if (next) throw next;
        return 'done';
      },
      policy,
      deps,
    );
    expect(result).toBe('done');
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(waits).toEqual([50, 100, 200]);
    expect(notices.map((notice) => [notice.attempt, notice.error.kind, notice.reason])).toEqual([
      [1, 'server', 'backoff'],
      [2, 'network', 'backoff'],
      [3, 'timeout', 'backoff'],
    ]);
  });

  const terminal: AdapterErrorKind[] = ['validation', 'auth', 'forbidden', 'not_found', 'conflict', 'stale', 'data_loss', 'protocol'];
  it.each(terminal)('does not retry %s', async (kind) => {
    const { deps, waits } = harness();
    let attempts = 0;
    await expect(
      withRetry(
        async () => {
          attempts += 1;
          throw failure(kind);
        },
        policy,
        deps,
      ),
    ).rejects.toMatchObject({ kind });
    expect(attempts).toBe(1);
    expect(waits).toEqual([]);
  });

  it('does not retry errors that are not AdapterErrors (bugs surface at once)', async () => {
    const { deps } = harness();
    let attempts = 0;
    await expect(
      withRetry(
        async () => {
          attempts += 1;
          throw new TypeError('boom');
        },
        policy,
        deps,
      ),
    ).rejects.toThrow(TypeError);
    expect(attempts).toBe(1);
  });

  it('a Retry-After longer than the cap fails at once, saying how long catalyst waits', async () => {
    const { deps, waits } = harness();
    const error = await withRetry(
      async () => {
        throw failure('rate_limited', 429, 86_400);
      },
      policy,
      deps,
    ).catch((caught: unknown) => caught as AdapterError);
    expect(waits).toEqual([]);
    expect(error.message).toBe('failed with rate_limited. catalyst waits at most 60 s for a Retry-After; run again later.');
  });

  it('gives up after maxAttempts with the last error kind and says so', async () => {
    const { deps, waits } = harness();
    let attempts = 0;
    const error = await withRetry(
      async () => {
        attempts += 1;
        throw failure('rate_limited', 429, 2);
      },
      policy,
      deps,
    ).catch((caught: unknown) => caught);
    expect(attempts).toBe(4);
    expect(waits).toEqual([2000, 2000, 2000]);
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).kind).toBe('rate_limited');
    expect((error as AdapterError).message).toMatch(/Gave up after 4 attempts\.$/);
  });
});

describe('retryDelay', () => {
  const cases: Array<{ name: string; error: AdapterError; attempt: number; random: number; waitMs: number; reason: string }> = [
    {
      name: '429 honours Retry-After',
      error: failure('rate_limited', 429, 7),
      attempt: 1,
      random: 0.9,
      waitMs: 7000,
      reason: 'retry-after',
    },
    { name: '503 honours Retry-After', error: failure('server', 503, 3), attempt: 2, random: 0.9, waitMs: 3000, reason: 'retry-after' },
    {
      name: 'Retry-After beyond maxDelayMs is still honoured',
      error: failure('rate_limited', 429, 60),
      attempt: 1,
      random: 0,
      waitMs: 60_000,
      reason: 'retry-after',
    },
    { name: '500 ignores Retry-After', error: failure('server', 500, 3), attempt: 1, random: 0.5, waitMs: 50, reason: 'backoff' },
    {
      name: '429 without Retry-After backs off',
      error: failure('rate_limited', 429),
      attempt: 3,
      random: 0.5,
      waitMs: 200,
      reason: 'backoff',
    },
    { name: 'full jitter can wait nothing', error: failure('network'), attempt: 2, random: 0, waitMs: 0, reason: 'backoff' },
    { name: 'the cap doubles per attempt', error: failure('network'), attempt: 4, random: 0.999, waitMs: 799, reason: 'backoff' },
    { name: 'the cap stops at maxDelayMs', error: failure('network'), attempt: 10, random: 0.999, waitMs: 999, reason: 'backoff' },
  ];
  it.each(cases)('$name', ({ error, attempt, random, waitMs, reason }) => {
    expect(retryDelay(error, attempt, policy, () => random)).toEqual({ waitMs, reason });
  });
});
