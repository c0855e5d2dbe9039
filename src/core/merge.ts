import { deepEqual } from './deep-equal.js';
import { sortKeys } from './canonical-json.js';
import { compareCodeUnits } from './compare-code-units.js';
import { asStringList, isPlainObject, memberOrder, shapeAt, type Definition } from './definition-shape.js';

/** A member changed on both sides since the base, to different values. Absent members are `undefined`. */
export interface MergeConflict {
  /** Dotted path, e.g. "properties.title.maxLength"; "properties.title" when one side removed the property. */
  path: string;
  base: unknown;
  desired: unknown;
  live: unknown;
}

export interface MergeResult<T> {
  /** The merge, canonical. A conflicting member takes the value of the preferred side. */
  merged: T;
  conflicts: MergeConflict[];
}

/**
 * Three-way merge of canonical definitions, member by member (the granularity of `diffDefinitions`):
 * a member changed on one side only takes that side's value; changed on both sides to the same
 * value is no conflict; changed on both sides to different values is a conflict. Set-like lists
 * merge entry by entry (an entry added or removed on either side is added or removed), so they
 * never conflict. A property removed on one side and changed on the other is one conflict at the
 * property's path. Without a base (`undefined`), every member on which the two sides differ
 * conflicts. Deterministic; inputs must be normalized.
 */
export function mergeDefinitions<T extends Definition>(
  base: T | undefined,
  desired: T,
  live: T,
  prefer: 'desired' | 'live',
  options: MergeOptions = {},
): MergeResult<T> {
  const conflicts: MergeConflict[] = [];
  const merged = mergeAt([], base === undefined ? NO_BASE : base, desired, live, { prefer, sets: options.sets ?? 'merge' }, conflicts);
  return { merged: sortKeys(merged) as T, conflicts };
}

export interface MergeOptions {
  /**
   * Set-like lists changed on both sides: `merge` (default) takes every entry added and drops
   * every entry removed on either side; `conflict` makes the list one conflict, for a person to
   * decide (the `manual` strategy).
   */
  sets?: 'merge' | 'conflict';
}

/** "There is no base at all", which differs from "the base lacks this member": nothing is known to be unchanged. */
const NO_BASE = Symbol('no base');

function mergeAt(
  path: string[],
  base: unknown,
  desired: unknown,
  live: unknown,
  how: { prefer: 'desired' | 'live'; sets: 'merge' | 'conflict' },
  conflicts: MergeConflict[],
): unknown {
  if (deepEqual(desired, live)) return desired;
  if (base !== NO_BASE && deepEqual(base, desired)) return live;
  if (base !== NO_BASE && deepEqual(base, live)) return desired;
  const shape = shapeAt(path);
  if (shape === 'set' && base !== NO_BASE && how.sets === 'merge') return mergeSet(base, desired, live);
  if (path[path.length - 1] === 'enum' && path[0] === 'properties' && base !== NO_BASE && how.sets === 'merge') {
    const merged = mergeEnum(base, desired, live);
    if (merged !== CONFLICT) return merged;
  }
  if ((shape === 'object' || shape === 'record') && isPlainObject(desired) && isPlainObject(live)) {
    const baseObject = isPlainObject(base) ? base : undefined;
    const result: Record<string, unknown> = {};
    for (const member of memberOrder(path, baseObject, desired, live)) {
      const memberBase = base === NO_BASE ? NO_BASE : baseObject?.[member];
      const value = mergeAt([...path, member], memberBase, desired[member], live[member], how, conflicts);
      if (value !== undefined) result[member] = value;
    }
    return result;
  }
  conflicts.push({ path: path.join('.'), base: base === NO_BASE ? undefined : base, desired, live });
  return how.prefer === 'desired' ? desired : live;
}

function mergeSet(base: unknown, desired: unknown, live: unknown): string[] | undefined {
  const [b, d, l] = [asStringList(base), asStringList(desired), asStringList(live)];
  const entries = [...new Set([...b, ...d, ...l])].sort(compareCodeUnits);
  const merged = entries.filter((entry) => {
    const inDesired = d.includes(entry);
    const inLive = l.includes(entry);
    if (inDesired === inLive) return inDesired;
    return inDesired === b.includes(entry) ? inLive : inDesired;
  });
  return merged.length > 0 ? merged : undefined;
}

const CONFLICT = Symbol('conflict');

interface EnumEntry {
  value: unknown;
  displayName?: unknown;
}

/**
 * Enum values merge by value, as set-like lists do, keeping their order (the editor's): values
 * added on either side are all kept (the base's order, then the YAML's additions, then the CMS's),
 * a value removed on one side and untouched on the other goes, and a display name changed on one
 * side takes that change. The same value edited differently on both sides, or edited on one and
 * removed on the other, leaves the whole list a conflict.
 */
function mergeEnum(base: unknown, desired: unknown, live: unknown): EnumEntry[] | undefined | typeof CONFLICT {
  const entries = (value: unknown): EnumEntry[] => (Array.isArray(value) ? (value as EnumEntry[]) : []);
  const [b, d, l] = [entries(base), entries(desired), entries(live)];
  const key = (entry: EnumEntry) => JSON.stringify(entry.value);
  const find = (list: EnumEntry[], id: string) => list.find((entry) => key(entry) === id);
  const order = [...new Set([...b, ...d, ...l].map(key))];
  const merged: EnumEntry[] = [];
  for (const id of order) {
    const [was, ours, theirs] = [find(b, id), find(d, id), find(l, id)];
    if (ours && theirs) {
      if (deepEqual(ours, theirs)) merged.push(ours);
      else if (was && deepEqual(was, ours)) merged.push(theirs);
      else if (was && deepEqual(was, theirs)) merged.push(ours);
      else return CONFLICT;
    } else if (ours || theirs) {
      const kept = (ours ?? theirs)!;
      if (!was) merged.push(kept);
      else if (!deepEqual(was, kept)) return CONFLICT;
    }
  }
  return merged.length > 0 ? merged : undefined;
}
