import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * The identity of a normalized definition: `sha256:` + hex of its canonical JSON.
 * Two definitions are the same if and only if their digests are equal.
 */
export function digest(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}
