import { setEntry } from './set-entry.js';
/**
 * Canonical JSON: object members sorted by key (code-unit order), no insignificant whitespace,
 * `undefined` members omitted. Equal values give equal text; it is the input of `digest`.
 */
export function canonicalJson(value: unknown): string {
  // sortKeys returns what is already sorted as it is, so a normalized definition costs a walk and
  // the native JSON.stringify, no copy.
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

/**
 * The same value with every object's members in sorted order, `undefined` members removed. A
 * part already in that form is returned as it is, not copied, so sorting what is mostly sorted
 * (a definition whose properties were normalized one by one) costs a walk, not a copy.
 */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const sorted = sortKeys(item);
      if (sorted !== item) copy ??= value.slice(0, index);
      copy?.push(sorted);
    }
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let same = true;
    const members: Array<[string, unknown]> = [];
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      const member = record[key];
      if (index > 0 && keys[index - 1]! > key) same = false;
      if (member === undefined) {
        same = false;
        continue;
      }
      const sorted = sortKeys(member);
      if (sorted !== member) same = false;
      members.push([key, sorted]);
    }
    if (same) return value;
    members.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sorted: Record<string, unknown> = {};
    for (const [key, member] of members) setEntry(sorted, key, member);
    return sorted as T;
  }
  return value;
}
