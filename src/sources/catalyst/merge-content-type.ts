import { canonicalJson } from '../../core/canonical-json.js';
import type { ContentTypeDef, PropertyDef } from '../../core/model.js';
import { normalizeContentType } from '../../core/normalize.js';

/** One member both sides changed, to different values. `undefined` means absent (removed). */
export interface MergeConflict {
  /** Dotted path inside the type: `displayName`, `properties.title`, `properties.title.maxLength`. */
  path: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

/** How to settle overlapping edits: `undefined` reports them; otherwise that side's value is taken. */
export type ConflictPreference = 'ours' | 'theirs' | undefined;

/**
 * Three-way merge of one content type: base (what was last imported), ours (the YAML now),
 * theirs (the source now). A member changed on one side only takes that side's value; changed
 * on both sides to the same value is no conflict; changed on both sides differently is a
 * conflict, reported per member (`properties.<key>.<member>` inside properties, so edits to
 * different members of one property merge). With no base, everything both sides hold is compared
 * as if both had added it. The merged value keeps ours where a conflict was left unsettled.
 * Pure; inputs are canonical (normalized) definitions and so is the result.
 */
export function mergeContentType(
  base: ContentTypeDef | undefined,
  ours: ContentTypeDef,
  theirs: ContentTypeDef,
  prefer: ConflictPreference = undefined,
): { merged: ContentTypeDef; conflicts: MergeConflict[] } {
  const conflicts: MergeConflict[] = [];
  const merged = mergeRecords(
    withoutProperties(base),
    withoutProperties(ours) as object,
    withoutProperties(theirs) as object,
    '',
    prefer,
    conflicts,
  ) as Omit<ContentTypeDef, 'properties'>;

  const properties: Record<string, PropertyDef> = {};
  const keys = union(base?.properties, ours.properties, theirs.properties);
  for (const key of keys) {
    const b = base?.properties[key];
    const o = ours.properties[key];
    const t = theirs.properties[key];
    const path = `properties.${key}`;
    let value: PropertyDef | undefined;
    if (same(o, t)) value = o;
    else if (same(b, o)) value = t;
    else if (same(b, t)) value = o;
    else if (o && t) value = mergeRecords(b, o, t, `${path}.`, prefer, conflicts) as unknown as PropertyDef;
    else value = settle({ path, base: b, ours: o, theirs: t }, prefer, conflicts) as PropertyDef | undefined;
    if (value) properties[key] = value;
  }
  return { merged: normalizeContentType({ ...merged, properties } as ContentTypeDef), conflicts };
}

function mergeRecords(
  base: object | undefined,
  ours: object,
  theirs: object,
  prefix: string,
  prefer: ConflictPreference,
  conflicts: MergeConflict[],
): Record<string, unknown> {
  const b = (base ?? {}) as Record<string, unknown>;
  const o = ours as Record<string, unknown>;
  const t = theirs as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const member of union(b, o, t)) {
    let value: unknown;
    if (same(o[member], t[member])) value = o[member];
    else if (same(b[member], o[member])) value = t[member];
    else if (same(b[member], t[member])) value = o[member];
    else value = settle({ path: `${prefix}${member}`, base: b[member], ours: o[member], theirs: t[member] }, prefer, conflicts);
    if (value !== undefined) result[member] = value;
  }
  return result;
}

function settle(conflict: MergeConflict, prefer: ConflictPreference, conflicts: MergeConflict[]): unknown {
  if (prefer === 'theirs') return conflict.theirs;
  if (prefer === undefined) conflicts.push(conflict);
  return conflict.ours;
}

function withoutProperties(def: ContentTypeDef | undefined): Omit<ContentTypeDef, 'properties'> | undefined {
  if (!def) return undefined;
  const { properties: _properties, ...rest } = def;
  return rest;
}

function union(...records: Array<object | undefined>): string[] {
  return [...new Set(records.flatMap((record) => Object.keys(record ?? {})))].sort();
}

function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}
