import { InternalError } from './internal-error.js';

/** The end of an exhaustive switch: does not compile while a case is missing, throws if reached anyway. */
export function assertNever(value: never, what = 'value'): never {
  throw new InternalError(`unknown ${what} ${JSON.stringify(value)}`);
}
