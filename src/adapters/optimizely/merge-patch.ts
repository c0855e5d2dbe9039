import { deepEqual } from '../../core/deep-equal.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [member: string]: JsonValue };
export type MergePatch = { [member: string]: JsonValue };

/**
 * The RFC 7396 JSON merge patch that turns `before` into `after`: changed and added members
 * carry their new value, removed members are `null`, objects are patched member by member and
 * arrays are replaced whole. `undefined` when nothing changed.
 *
 * `after` must not contain `null` members: a merge patch cannot say "set to null" (it means
 * "remove"), and canonical definitions never hold nulls.
 */
export function createMergePatch(before: { [member: string]: unknown }, after: { [member: string]: unknown }): MergePatch | undefined {
  const patch: MergePatch = {};
  for (const member of Object.keys(before)) {
    if (before[member] !== undefined && after[member] === undefined) patch[member] = null;
  }
  for (const member of Object.keys(after)) {
    const next = after[member];
    if (next === undefined) continue;
    if (next === null)
      throw new TypeError(`createMergePatch: '${member}' is null in the target document; a merge patch cannot express a null value`);
    const previous = before[member];
    if (isPlainObject(previous) && isPlainObject(next)) {
      const nested = createMergePatch(previous, next);
      if (nested !== undefined) patch[member] = nested;
    } else if (!deepEqual(previous, next)) {
      patch[member] = withoutUndefined(next);
    }
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

function isPlainObject(value: unknown): value is { [member: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function withoutUndefined(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
