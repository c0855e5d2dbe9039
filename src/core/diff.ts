import { deepEqual } from './deep-equal.js';
import { asStringList, isPlainObject, memberOrder, shapeAt, type Definition, type MemberShape } from './definition-shape.js';
import type { DefinitionChange } from './generated/plan.js';

/**
 * The members that differ between two canonical definitions of the same resource, in a
 * deterministic order: type-level members sorted by name, then properties sorted by key, each
 * property's members sorted by name (`items.*` in place of `items`).
 *
 * Granularity: a property added or removed is one change (`properties.title`); a property present
 * on both sides is compared member by member, its `items` too. Set-like lists are one change each
 * with the entries `added` and `removed`; every other member is compared as one value.
 * Both inputs must be normalized: the diff of two spellings of the same thing is not empty
 * otherwise.
 */
export function diffDefinitions(before: Definition, after: Definition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  walk([], before, after, changes);
  return changes;
}

function walk(path: string[], before: unknown, after: unknown, changes: DefinitionChange[]): void {
  if (deepEqual(before, after)) return;
  const shape = shapeAt(path);
  if ((shape === 'object' || shape === 'record') && isPlainObject(before) && isPlainObject(after)) {
    for (const member of memberOrder(path, before, after)) walk([...path, member], before[member], after[member], changes);
    return;
  }
  changes.push(changeAt(path, shape, before, after));
}

function changeAt(path: string[], shape: MemberShape, before: unknown, after: unknown): DefinitionChange {
  const change: DefinitionChange = {
    op: before === undefined ? 'add' : after === undefined ? 'remove' : 'change',
    path: path.join('.'),
  };
  if (path[0] === 'properties' && path.length >= 2) {
    change.property = path[1];
    if (path.length > 2) change.member = path.slice(2).join('.');
  } else {
    change.member = path.join('.');
  }
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  if (shape === 'set') {
    const was = asStringList(before);
    const is = asStringList(after);
    change.added = is.filter((entry) => !was.includes(entry));
    change.removed = was.filter((entry) => !is.includes(entry));
  }
  return change;
}
