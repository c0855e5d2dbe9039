import { setEntry } from './set-entry.js';
import { sortKeys } from './canonical-json.js';
import type { ServerDefaults } from './defaults.js';
import type {
  AccessRight,
  ContentTypeDef,
  DisplaySetting,
  DisplaySettingChoice,
  DisplayTemplateDef,
  ItemDef,
  PropertyDef,
  PropertyGroupDef,
  ValueConstraints,
} from './model.js';
import { compareCodeUnits } from './compare-code-units.js';
import type { Decided } from './decided.js';

/**
 * Brings a definition to canonical form: members equal to their default removed, empty strings,
 * empty lists and empty objects removed, set-like lists sorted and de-duplicated, object members
 * in sorted order. Idempotent: normalize(normalize(x)) equals normalize(x).
 * It never invents or drops meaningful data; checking that data is valid is `validate`'s job.
 */
export function normalizeContentType(def: ContentTypeDef, defaults: ServerDefaults): ContentTypeDef {
  const properties: Record<string, PropertyDef> = {};
  for (const key of Object.keys(def.properties ?? {}).sort()) {
    const property = def.properties[key];
    if (property) setEntry(properties, key, normalizeProperty(property, defaults));
  }
  const normalized: Decided<ContentTypeDef> = {
    key: def.key,
    baseType: def.isContract ? null : def.baseType,
    isContract: def.isContract === true ? true : undefined,
    displayName: def.displayName,
    description: nonEmpty(def.description),
    sortOrder: notDefault(def.sortOrder, defaults.contentTypeSortOrder),
    mayContainTypes: asSet(def.mayContainTypes),
    mediaFileExtensions: asSet(def.mediaFileExtensions?.map(normalizeExtension)),
    compositionBehaviors: asSet(def.compositionBehaviors),
    contracts: asSet(def.contracts),
    accessRights: normalizeAccessRights(def.accessRights, defaults),
    properties,
  };
  return sortKeys(normalized);
}

export function normalizeProperty(property: PropertyDef, defaults: ServerDefaults): PropertyDef {
  // Written in sorted member order (code-unit order), so sortKeys finds it sorted and does not copy it.
  const members: Decided<PropertyDef> = {
    allowedTypes: asSet(property.allowedTypes),
    contentType: nonEmpty(property.contentType),
    description: nonEmpty(property.description),
    displayMode: notDefault(property.displayMode, defaults.displayMode),
    displayName: nonEmpty(property.displayName),
    editorSettings: nonEmptyObject(property.editorSettings),
    enum:
      property.enum && property.enum.length > 0
        ? property.enum.map((entry) => ({ displayName: entry.displayName, value: entry.value }))
        : undefined,
    format: nonEmpty(property.format),
    group: nonEmpty(property.group),
    imageDescriptor: nonEmptyObject(property.imageDescriptor),
    indexingType: property.indexingType ?? undefined,
    items: property.items ? normalizeItem(property.items) : undefined,
    localized: notDefault(property.localized, defaults.localized),
    maxItems: property.maxItems ?? undefined,
    maxLength: property.maxLength ?? undefined,
    maximum: property.maximum ?? undefined,
    minItems: property.minItems ?? undefined,
    minLength: property.minLength ?? undefined,
    minimum: property.minimum ?? undefined,
    pattern: nonEmpty(property.pattern),
    required: notDefault(property.required, defaults.required),
    restrictedTypes: asSet(property.restrictedTypes),
    sortOrder: notDefault(property.sortOrder, defaults.propertySortOrder),
    type: property.type,
  };
  return sortKeys(definedOnly(members));
}

/** The members whose value is not undefined, in the order given. */
function definedOnly<T extends object>(members: Decided<T>): T {
  const source = members as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key in source) if (source[key] !== undefined) result[key] = source[key];
  return result as T;
}

export function normalizePropertyGroup(group: PropertyGroupDef, defaults: ServerDefaults): PropertyGroupDef {
  const normalized: Decided<PropertyGroupDef> = {
    key: group.key,
    displayName: group.displayName,
    sortOrder: notDefault(group.sortOrder, defaults.propertyGroupSortOrder),
  };
  return sortKeys(normalized);
}

/**
 * A display template in canonical form. Of its optional members only `isDefault: false` has a
 * server default; a setting's or choice's missing sort order stays missing (the platform keeps it so).
 */
export function normalizeDisplayTemplate(template: DisplayTemplateDef): DisplayTemplateDef {
  const settings: Record<string, DisplaySetting> = {};
  for (const [key, setting] of Object.entries(template.settings ?? {})) {
    const choices = Object.entries(setting.choices ?? {}).map(([choice, value]) => {
      const normalized: Decided<DisplaySettingChoice> = { displayName: value.displayName, sortOrder: value.sortOrder ?? undefined };
      return [choice, sortKeys(normalized)] as const;
    });
    const normalized: Decided<DisplaySetting> = {
      displayName: setting.displayName,
      editor: nonEmpty(setting.editor),
      sortOrder: setting.sortOrder ?? undefined,
      choices: choices.length > 0 ? Object.fromEntries(choices) : undefined,
    };
    setEntry(settings, key, sortKeys(normalized));
  }
  const normalized: Decided<DisplayTemplateDef> = {
    key: template.key,
    displayName: template.displayName,
    nodeType: nonEmpty(template.nodeType),
    baseType: template.baseType ?? undefined,
    contentType: nonEmpty(template.contentType),
    isDefault: template.isDefault === true ? true : undefined,
    settings: Object.keys(settings).length > 0 ? settings : undefined,
  };
  return sortKeys(normalized);
}

function normalizeItem(item: ItemDef): ItemDef {
  return sortKeys({ ...normalizeConstraints(item), type: item.type });
}

function normalizeConstraints(value: ValueConstraints): Decided<ValueConstraints> {
  return {
    format: nonEmpty(value.format),
    contentType: nonEmpty(value.contentType),
    minimum: value.minimum ?? undefined,
    maximum: value.maximum ?? undefined,
    enum:
      value.enum && value.enum.length > 0 ? value.enum.map((entry) => ({ value: entry.value, displayName: entry.displayName })) : undefined,
    minLength: value.minLength ?? undefined,
    maxLength: value.maxLength ?? undefined,
    pattern: nonEmpty(value.pattern),
    allowedTypes: asSet(value.allowedTypes),
    restrictedTypes: asSet(value.restrictedTypes),
    editorSettings: nonEmptyObject(value.editorSettings),
  };
}

function normalizeAccessRights(rights: AccessRight[] | null | undefined, defaults: ServerDefaults): AccessRight[] | undefined {
  if (rights === null || rights === undefined) return undefined;
  const withType = rights.map((right) => ({ name: right.name, type: right.type ?? defaults.accessRightType }));
  const unique = new Map(withType.map((right) => [`${right.type}\u0000${right.name}`, right]));
  return [...unique.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([, right]) => right);
}

function normalizeExtension(extension: string): string {
  return extension.trim().replace(/^\./, '').toLowerCase();
}

function asSet<T extends string>(values: readonly T[] | null | undefined): T[] | undefined {
  if (!values || values.length === 0) return undefined;
  return [...new Set(values)].sort(compareCodeUnits);
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

/** An object counts as empty when it has no member other than `undefined` ones (which canonical JSON drops). */
function nonEmptyObject<T extends object>(value: T | null | undefined): T | undefined {
  return value && Object.values(value).some((member) => member !== undefined) ? value : undefined;
}

function notDefault<T>(value: T | null | undefined, fallback: T): T | undefined {
  return value === null || value === undefined || value === fallback ? undefined : value;
}
