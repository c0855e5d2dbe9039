import { AdapterError, isAdapterError } from './errors.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The backoff cap of the first retry; it doubles per attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest `Retry-After` catalyst waits for; a server asking for more fails the request at once. */
  maxRetryAfterSeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterSeconds: 120 };

export type RetryReason = 'retry-after' | 'backoff';

export interface RetryNotice {
  error: AdapterError;
  /** The attempt that failed (1-based). */
  attempt: number;
  waitMs: number;
  reason: RetryReason;
}

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1); injected for deterministic tests. */
  random: () => number;
  onRetry?: (notice: RetryNotice) => void;
}

/**
 * Runs `attempt` until it resolves, throws something that is not a retryable `AdapterError`, or
 * `maxAttempts` are used up. The wait before a retry honours `Retry-After` on 429 and 503 and is
 * otherwise exponential backoff with full jitter. When the attempts run out the last error is
 * rethrown with the number of attempts in its message.
 */
export async function withRetry<T>(attempt: (attemptNumber: number) => Promise<T>, policy: RetryPolicy, deps: RetryDeps): Promise<T> {
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (!isAdapterError(error) || !error.retryable) throw error;
      if (attemptNumber >= maxAttempts) throw maxAttempts === 1 ? error : gaveUp(error, maxAttempts);
      const { waitMs, reason } = retryDelay(error, attemptNumber, policy, deps.random);
      if (reason === 'retry-after' && waitMs > policy.maxRetryAfterSeconds * 1000) throw tooLong(error, policy.maxRetryAfterSeconds);
      deps.onRetry?.({ error, attempt: attemptNumber, waitMs, reason });
      await deps.sleep(waitMs);
    }
  }
}

/** How long to wait after failed attempt `attemptNumber` (1-based). */
export function retryDelay(
  error: AdapterError,
  attemptNumber: number,
  policy: RetryPolicy,
  random: () => number,
): { waitMs: number; reason: RetryReason } {
  if ((error.status === 429 || error.status === 503) && error.retryAfterSeconds !== undefined) {
    return { waitMs: error.retryAfterSeconds * 1000, reason: 'retry-after' };
  }
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptNumber - 1));
  return { waitMs: Math.floor(random() * cap), reason: 'backoff' };
}

function tooLong(error: AdapterError, maxSeconds: number): AdapterError {
  return new AdapterError({
    kind: error.kind,
    message: `${error.message} catalyst waits at most ${maxSeconds} s for a Retry-After; run again later.`,
    status: error.status,
    code: error.code,
    fieldErrors: error.fieldErrors,
    retryAfterSeconds: error.retryAfterSeconds,
    operation: error.operation,
    cause: error,
  });
}

function gaveUp(error: AdapterError, attempts: number): AdapterError {
  return new AdapterError({
    kind: error.kind,
    message: `${error.message} Gave up after ${attempts} attempts.`,
    status: error.status,
    code: error.code,
    fieldErrors: error.fieldErrors,
    retryAfterSeconds: error.retryAfterSeconds,
    operation: error.operation,
    cause: error,
  });
}
