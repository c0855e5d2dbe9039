import { InternalError } from './internal-error.js';

/** The end of an exhaustive switch: does not compile while a case is missing, throws if reached anyway. */
export function assertNever(value: never, what = 'value'): never {
  const shown: unknown = value;
  throw new InternalError(`unknown ${what} ${typeof shown === 'string' ? shown : JSON.stringify(shown)}`);
}
