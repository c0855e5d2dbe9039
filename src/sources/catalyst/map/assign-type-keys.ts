import type { Diagnostic } from '../../../core/diagnostic.js';
import { CATALYST_CODES, rowDiagnostic, type RowContext } from '../catalyst-diagnostics.js';
import { pascalWords, toTypeKey } from './derive-key.js';
import { compareCodeUnits } from '../../../core/compare-code-units.js';

/**
 * Content type keys for rows, deterministic and collision-free:
 * 1. a row imported before keeps the key recorded in the lockfile (keys are immutable on the CMS);
 * 2. otherwise the key is the PascalCase name ("Team Member" → TeamMember);
 * 3. when several rows of this import would get the same key (e.g. "Blog Post" in two websites),
 *    or the key is recorded for another row, every such row is prefixed with its website's name
 *    in PascalCase (TechVerseBlogBlogPost);
 * 4. if that still collides (the same name twice in one website), a number is appended in
 *    (createdAt, id) order: BlogPost2.
 * Every change from the plain derived key is reported. Nothing is ever silently overwritten.
 */
export function assignTypeKeys(
  rows: readonly RowContext[],
  knownKeys: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[],
  reserved: Iterable<string> = [],
): Map<string, string> {
  const assigned = new Map<string, string>();
  const taken = new Set<string>(reserved);
  for (const [id, key] of knownKeys) {
    taken.add(key);
    if (rows.some((context) => context.row.id === id)) assigned.set(id, key);
  }
  const fresh = rows.filter((context) => !assigned.has(context.row.id));
  const derived = new Map(fresh.map((context) => [context.row.id, derive(context)]));
  const count = new Map<string, number>();
  for (const key of derived.values()) count.set(key, (count.get(key) ?? 0) + 1);

  const ordered = [...fresh].sort(
    (a, b) => compareCodeUnits(a.row.createdAt ?? '', b.row.createdAt ?? '') || compareCodeUnits(a.row.id, b.row.id),
  );
  for (const context of ordered) {
    const plain = derived.get(context.row.id) as string;
    const contested = (count.get(plain) ?? 0) > 1 || taken.has(plain);
    const prefixed = contested ? `${pascalWords(context.website?.name ?? context.row.websiteId)}${plain}` : plain;
    let key = prefixed;
    for (let suffix = 2; taken.has(key); suffix += 1) key = `${prefixed}${suffix}`;
    taken.add(key);
    assigned.set(context.row.id, key);
    if (key !== plain) {
      diagnostics.push(
        rowDiagnostic('warning', CATALYST_CODES.keyCollision, context, {
          summary: `Key ${plain} is used more than once`,
          detail: `the key ${plain} would also belong to another content type of this import or of an earlier one, so this type's key is ${key} (keys are prefixed with the website name, then numbered). Rename one of the types in Catalyst Studio, or import one website at a time with --website, to avoid the prefix.`,
        }),
      );
    }
  }
  return assigned;
}

/** Reserves keys for generated types (nested objects) against every key already assigned. */
export function createKeyReserver(
  assigned: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[],
): (candidate: string, context: RowContext, known?: string) => string {
  const taken = new Set(assigned.values());
  return (candidate, context, known) => {
    if (known !== undefined && !taken.has(known)) {
      taken.add(known);
      return known;
    }
    let key = candidate;
    for (let suffix = 2; taken.has(key); suffix += 1) key = `${candidate}${suffix}`;
    taken.add(key);
    if (key !== candidate) {
      diagnostics.push(
        rowDiagnostic('warning', CATALYST_CODES.keyCollision, context, {
          summary: `Key ${candidate} is used more than once`,
          detail: `the component type generated for an object field would be ${candidate}, which another type already uses, so it is ${key}. Rename the field or the other type in Catalyst Studio to avoid the number.`,
        }),
      );
    }
    return key;
  };
}

function derive(context: RowContext): string {
  return toTypeKey(context.row.name) ?? `Type${pascalWords(context.row.id)}`;
}
