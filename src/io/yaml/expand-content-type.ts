import { setEntry } from '../../core/set-entry.js';
import type { ServerDefaults } from '../../core/defaults.js';
import type {
  AccessRight,
  BaseType,
  ContentTypeDef,
  EnumValue,
  ItemDef,
  ItemType,
  PropertyDef,
  PropertyGroupDef,
  PropertyType,
} from '../../core/model.js';
import { normalizeContentType, normalizePropertyGroup } from '../../core/normalize.js';
import type {
  WrittenAccessRightEntry,
  WrittenContentType,
  WrittenEnum,
  WrittenItemEntry,
  WrittenPropertyEntry,
  WrittenPropertyGroups,
} from '../generated/content-type-file.js';

/**
 * What people write → the canonical model. The input must be valid against
 * `schemas/content-type.schema.json` (`#/definitions/contentType`); the output is normalized.
 *
 * Shorthands: a missing `displayName` is the key; `page` is `_page`; a property written as a type
 * name is `{ type }`, as `X[]` is `{ type: array, items: { type: X } }`; `items: X` is
 * `items: { type: X }`; an enum list of values has each value as its display name; an enum map
 * is value → display name, its keys read as numbers for integer and float properties; a bare
 * access right is a role.
 */
export function expandContentType(written: WrittenContentType, defaults: ServerDefaults): ContentTypeDef {
  const properties: Record<string, PropertyDef> = {};
  for (const [key, entry] of Object.entries(written.properties ?? {})) {
    if (entry !== undefined) setEntry(properties, key, expandProperty(entry));
  }
  return normalizeContentType(
    {
      key: written.key,
      baseType: written.isContract === true ? null : expandBaseType(written.baseType),
      isContract: written.isContract,
      displayName: written.displayName ?? written.key,
      description: written.description,
      sortOrder: written.sortOrder,
      mayContainTypes: written.mayContainTypes,
      mediaFileExtensions: written.mediaFileExtensions,
      compositionBehaviors: written.compositionBehaviors,
      contracts: written.contracts,
      accessRights: written.accessRights?.map((entry) => expandAccessRight(entry, defaults)),
      properties,
    },
    defaults,
  );
}

export function expandPropertyGroups(written: WrittenPropertyGroups, defaults: ServerDefaults): PropertyGroupDef[] {
  return written.propertyGroups.map((entry) =>
    typeof entry === 'string'
      ? normalizePropertyGroup({ key: entry, displayName: entry }, defaults)
      : normalizePropertyGroup({ key: entry.key, displayName: entry.displayName ?? entry.key, sortOrder: entry.sortOrder }, defaults),
  );
}

export function expandProperty(entry: WrittenPropertyEntry): PropertyDef {
  if (typeof entry === 'string') {
    return entry.endsWith('[]')
      ? { type: 'array', items: { type: entry.slice(0, -2) as ItemType } }
      : { type: entry as Exclude<PropertyType, 'array'> };
  }
  const { items, enum: values, renamedFrom: _renamedFrom, ...rest } = entry;
  const property: PropertyDef = { ...rest };
  if (items !== undefined) property.items = expandItem(items);
  if (values !== undefined) property.enum = expandEnum(values, entry.type);
  return property;
}

function expandItem(entry: WrittenItemEntry): ItemDef {
  if (typeof entry === 'string') return { type: entry };
  const { enum: values, ...rest } = entry;
  const item: ItemDef = { ...rest };
  if (values !== undefined) item.enum = expandEnum(values, entry.type);
  return item;
}

/** An enum in any written form → the canonical list, in display order. */
export function expandEnum(spec: WrittenEnum, type: PropertyType): EnumValue[] {
  if (!Array.isArray(spec)) {
    return enumFromMap(
      Object.entries(spec).flatMap(([value, displayName]) => (displayName === undefined ? [] : [[value, displayName] as [string, string]])),
      type,
    );
  }
  return spec.map((entry) =>
    typeof entry === 'object' ? { value: entry.value, displayName: entry.displayName } : { value: entry, displayName: String(entry) },
  );
}

/**
 * Enum map entries (value written as a mapping key → display name) → canonical values. Mapping
 * keys are text; for integer and float properties a key that is a number means that number.
 */
export function enumFromMap(entries: ReadonlyArray<readonly [string, string]>, type: PropertyType): EnumValue[] {
  const numeric = isNumericType(type);
  return entries.map(([value, displayName]) => ({ value: numeric && isNumberText(value) ? Number(value) : value, displayName }));
}

export function isNumericType(type: PropertyType): boolean {
  return type === 'integer' || type === 'float';
}

function isNumberText(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

function expandBaseType(written: WrittenContentType['baseType']): BaseType | null {
  if (written === undefined) return null;
  return (written.startsWith('_') ? written : `_${written}`) as BaseType;
}

function expandAccessRight(entry: WrittenAccessRightEntry, defaults: ServerDefaults): AccessRight {
  return typeof entry === 'string'
    ? { name: entry, type: defaults.accessRightType }
    : { name: entry.name, type: entry.type ?? defaults.accessRightType };
}

/** The declared renames of a content type file: new property key → old key (`renamedFrom`). */
export function declaredRenames(written: WrittenContentType): Record<string, string> {
  const renames: Record<string, string> = {};
  for (const [key, entry] of Object.entries(written.properties ?? {})) {
    if (typeof entry === 'object' && typeof entry.renamedFrom === 'string') renames[key] = entry.renamedFrom;
  }
  return renames;
}
