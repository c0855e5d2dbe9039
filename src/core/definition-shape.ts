import { compareCodeUnits } from './compare-code-units.js';

export type { Definition } from './model.js';

/**
 * How a member of a canonical definition is compared, by its position:
 * - `object`: compared member by member (the definition, a property, an array's items);
 * - `record`: a map compared entry by entry (`properties`);
 * - `set`: a sorted list of names compared entry by entry (`mayContainTypes`, `allowedTypes`, …);
 * - `atomic`: one value (strings, numbers, `enum` whose order is meaningful, `editorSettings`, …).
 */
export type MemberShape = 'object' | 'record' | 'set' | 'atomic';

const SET_MEMBERS: ReadonlySet<string> = new Set([
  'mayContainTypes',
  'mediaFileExtensions',
  'compositionBehaviors',
  'contracts',
  'allowedTypes',
  'restrictedTypes',
]);

export function shapeAt(path: readonly string[]): MemberShape {
  return path[0] === 'settings' ? settingShapeAt(path) : contentShapeAt(path);
}

/** A content type's members: `properties` is a record of objects, each with `items`. */
function contentShapeAt(path: readonly string[]): MemberShape {
  const last = path[path.length - 1] ?? '';
  switch (path.length) {
    case 0:
      return 'object';
    case 1:
      return last === 'properties' ? 'record' : SET_MEMBERS.has(last) ? 'set' : 'atomic';
    case 2:
      return path[0] === 'properties' ? 'object' : 'atomic';
    case 3:
      if (path[0] !== 'properties') return 'atomic';
      return last === 'items' ? 'object' : SET_MEMBERS.has(last) ? 'set' : 'atomic';
    case 4:
      return path[0] === 'properties' && path[2] === 'items' && SET_MEMBERS.has(last) ? 'set' : 'atomic';
    default:
      return 'atomic';
  }
}

/** A display template's `settings`: a record of settings, each with a record of `choices`. */
function settingShapeAt(path: readonly string[]): MemberShape {
  switch (path.length) {
    case 1:
      return 'record';
    case 2:
      return 'object';
    case 3:
      return path[2] === 'choices' ? 'record' : 'atomic';
    case 4:
      return 'object';
    default:
      return 'atomic';
  }
}

/** Members in the order changes are reported: sorted, with a definition's `properties` last. */
export function memberOrder(path: readonly string[], ...objects: Array<Record<string, unknown> | undefined>): string[] {
  const members = [...new Set(objects.flatMap((value) => (value ? Object.keys(value) : [])))].sort(compareCodeUnits);
  if (path.length === 0 && members.includes('properties')) {
    return [...members.filter((member) => member !== 'properties'), 'properties'];
  }
  return members;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
