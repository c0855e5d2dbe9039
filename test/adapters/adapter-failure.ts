import { expect } from 'vitest';
import { AdapterError } from '../../src/adapters/errors.js';

/**
 * The `AdapterError` that `outcome` rejects with (a promise) or throws (a function). The test
 * fails when the call succeeds or fails with anything else.
 */
export async function adapterFailure(outcome: Promise<unknown> | (() => unknown)): Promise<AdapterError> {
  const run = typeof outcome === 'function' ? outcome : () => outcome;
  const caught = await Promise.resolve()
    .then(run)
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  expect(caught).toBeInstanceOf(AdapterError);
  return caught as AdapterError;
}
