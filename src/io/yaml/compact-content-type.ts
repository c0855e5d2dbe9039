import { setEntry } from '../../core/set-entry.js';
import type { ServerDefaults } from '../../core/defaults.js';
import type { ContentTypeDef, EnumValue, ItemDef, PropertyDef, PropertyGroupDef, PropertyType } from '../../core/model.js';
import type {
  PropertyShorthand,
  WrittenAccessRightEntry,
  WrittenContentType,
  WrittenEnum,
  WrittenItemEntry,
  WrittenPropertyEntry,
  WrittenPropertyGroupEntry,
  WrittenPropertyGroups,
} from '../generated/content-type-file.js';
import { isNumericType } from './expand-content-type.js';
import { compareCodeUnits } from '../../core/compare-code-units.js';

/** Member order of a written content type: identity first, then presentation, rules, properties. */
const TYPE_MEMBERS = [
  'key',
  'baseType',
  'isContract',
  'displayName',
  'description',
  'sortOrder',
  'contracts',
  'mayContainTypes',
  'compositionBehaviors',
  'mediaFileExtensions',
  'accessRights',
  'properties',
] as const;

/** Member order of a written property: what it is, how editors see it, then constraints. */
const PROPERTY_MEMBERS = [
  'type',
  'items',
  'contentType',
  'format',
  'displayName',
  'description',
  'required',
  'localized',
  'group',
  'sortOrder',
  'indexingType',
  'displayMode',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'allowedTypes',
  'restrictedTypes',
  'editorSettings',
  'imageDescriptor',
] as const;

/**
 * The canonical model → the shortest written form that `expandContentType` turns back into
 * exactly the same definition. Input must be canonical (normalized). Members come in a fixed
 * order, properties by sortOrder then key, so equal definitions give equal text.
 */
export function compactContentType(def: ContentTypeDef, defaults: ServerDefaults): WrittenContentType {
  const properties: Record<string, WrittenPropertyEntry> = {};
  const sortOrder = (property: PropertyDef) => property.sortOrder ?? defaults.propertySortOrder;
  const keys = Object.keys(def.properties).sort(
    (a, b) => sortOrder(def.properties[a]!) - sortOrder(def.properties[b]!) || compareCodeUnits(a, b),
  );
  for (const key of keys) setEntry(properties, key, compactProperty(def.properties[key]!));
  const written: Record<string, unknown> = {
    ...def,
    baseType: def.baseType ?? undefined,
    displayName: def.displayName === def.key ? undefined : def.displayName,
    accessRights: def.accessRights?.map((right): WrittenAccessRightEntry => (right.type === defaults.accessRightType ? right.name : right)),
    properties: keys.length > 0 ? properties : undefined,
  };
  return ordered(written, TYPE_MEMBERS) as unknown as WrittenContentType;
}

export function compactPropertyGroups(groups: readonly PropertyGroupDef[], defaults: ServerDefaults): WrittenPropertyGroups {
  const sortOrder = (group: PropertyGroupDef) => group.sortOrder ?? defaults.propertyGroupSortOrder;
  const sorted = [...groups].sort((a, b) => sortOrder(a) - sortOrder(b) || compareCodeUnits(a.key, b.key));
  return {
    propertyGroups: sorted.map((group): WrittenPropertyGroupEntry => {
      if (group.displayName === group.key && group.sortOrder === undefined) return group.key;
      return ordered(
        { key: group.key, displayName: group.displayName === group.key ? undefined : group.displayName, sortOrder: group.sortOrder },
        ['key', 'displayName', 'sortOrder'],
      ) as unknown as WrittenPropertyGroupEntry;
    }),
  };
}

export function compactProperty(property: PropertyDef): WrittenPropertyEntry {
  const members = Object.keys(property);
  if (property.type !== 'array' && members.length === 1) return property.type as PropertyShorthand;
  if (property.type === 'array' && property.items && members.length === 2 && Object.keys(property.items).length === 1) {
    return `${property.items.type}[]` as PropertyShorthand;
  }
  const written: Record<string, unknown> = {
    ...property,
    items: property.items ? compactItem(property.items) : undefined,
    enum: property.enum ? compactEnum(property.enum, property.type) : undefined,
  };
  return ordered(written, PROPERTY_MEMBERS) as unknown as WrittenPropertyEntry;
}

function compactItem(item: ItemDef): WrittenItemEntry {
  if (Object.keys(item).length === 1) return item.type;
  const written: Record<string, unknown> = { ...item, enum: item.enum ? compactEnum(item.enum, item.type) : undefined };
  return ordered(written, PROPERTY_MEMBERS) as unknown as WrittenItemEntry;
}

/**
 * The shortest enum spelling that reads back the same: a list of values when every display name
 * is its value; a map when the values are distinct texts a mapping keeps in order (not for integer
 * or float properties, whose map keys would read back as numbers); else the full list of
 * `{ value, displayName }`.
 */
export function compactEnum(values: readonly EnumValue[], type: PropertyType): WrittenEnum {
  if (values.every((entry) => entry.displayName === String(entry.value))) return values.map((entry) => entry.value);
  const texts = values.map((entry) => String(entry.value));
  const mappable =
    !isNumericType(type) &&
    new Set(texts).size === texts.length &&
    values.every((entry) => typeof entry.value === 'string' && !/^(0|[1-9][0-9]*)$/.test(entry.value));
  if (mappable) return Object.fromEntries(values.map((entry) => [entry.value, entry.displayName]));
  return values.map((entry) => ({ value: entry.value, displayName: entry.displayName }));
}

/** The members of `value` in the given order, members not listed after them in sorted order; undefined dropped. */
function ordered(value: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const rest = Object.keys(value)
    .filter((key) => !order.includes(key))
    .sort(compareCodeUnits);
  for (const key of [...order, ...rest]) {
    if (value[key] !== undefined) result[key] = value[key];
  }
  return result;
}
