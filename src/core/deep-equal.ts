import { canonicalJson } from './canonical-json.js';

/** Structural equality of two JSON values: member order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
