import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * The identity of a normalized definition: `sha256:` + hex of its canonical JSON.
 * Two definitions are the same if and only if their digests are equal.
 */
export function digest(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/**
 * `digest`, remembered per object for the life of the returned function: for one planning pass,
 * whose inputs nobody changes while it runs, so each definition is hashed once however often it
 * is compared.
 */
export function memoizedDigest(): (value: object) => string {
  const known = new WeakMap<object, string>();
  return (value) => {
    let found = known.get(value);
    if (found === undefined) known.set(value, (found = digest(value)));
    return found;
  };
}
