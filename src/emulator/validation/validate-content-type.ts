import { isJsonObject, type Json, type JsonObject } from '../json.js';
import type { FieldError } from '../http/problem.js';
import { BASE_TYPES, baseTypeToWire, type Dialect } from '../dialect/dialect.js';
import type { AccessRightDoc, ContentTypeDoc, EnumValueDoc, ItemDoc, PropertyDoc, ValueDoc } from '../store/documents.js';
import { Checker, compact, KEY_PATTERN, REFERENCE_PATTERN } from './checker.js';

const INDEXING_TYPES = ['disabled', 'queryable', 'searchable'] as const;
const DISPLAY_MODES = ['available', 'hidden'] as const;
const ACCESS_RIGHT_TYPES = ['user', 'role', 'application'] as const;
/** Types an `enum` may be given for [V1 ContentTypeProperty.enum]. */
const ENUM_TYPES = ['string', 'integer', 'float', 'dateTime'] as const;

export type ValidationResult<D> = { ok: true; doc: D } | { ok: false; errors: FieldError[] };

/**
 * Checks a whole content type (after decoding, and after merging for PATCH) against the rules the
 * specifications state, and returns it as the store keeps it. Rules and their sources are listed
 * in FIDELITY.md; every problem is reported, not just the first.
 */
export function validateContentType(
  value: JsonObject,
  dialect: Dialect,
  reported: ReadonlySet<string> = new Set(),
): ValidationResult<ContentTypeDoc> {
  const check = new Checker(dialect, reported);
  const key = check.string(value, 'key', 'key', {
    required: true,
    minLength: 2,
    maxLength: 255,
    pattern: KEY_PATTERN,
    patternText: '^[A-Za-z][_0-9A-Za-z]+$',
  });
  const displayName = readDisplayName(check, value, dialect);
  const isContract = check.boolean(value, 'isContract', 'isContract');
  const baseType = isContract === true ? undefined : readBaseType(check, value, dialect);
  const compositionBehaviors = check.stringList(value, 'compositionBehaviors', 'compositionBehaviors', {
    oneOf: dialect.compositionBehaviors,
  });
  if (compositionBehaviors !== undefined && baseType !== undefined)
    checkCompositionBehaviors(check, dialect, baseType, compositionBehaviors);

  const doc: ContentTypeDoc = compact({
    key: key ?? '',
    displayName: displayName ?? key ?? '',
    description: check.string(value, 'description', 'description', { maxLength: 255 }),
    baseType,
    isContract,
    sortOrder: check.int32(value, 'sortOrder', 'sortOrder'),
    mayContainTypes: check.stringList(value, 'mayContainTypes', 'mayContainTypes', {
      pattern: /^(\*|[_A-Za-z][:_0-9A-Za-z]+)$/,
      patternText: '^[_A-Za-z][:_0-9A-Za-z]+$',
      maxLength: 255,
    }),
    mediaFileExtensions: check.stringList(value, 'mediaFileExtensions', 'mediaFileExtensions'),
    compositionBehaviors,
    contracts: check.stringList(value, 'contracts', 'contracts'),
    accessRights: readAccessRights(check, value),
    properties: readProperties(check, value, dialect),
  });
  return check.errors.length === 0 ? { ok: true, doc } : { ok: false, errors: check.errors };
}

/** Required in v1 [V1]; optional in preview2/3, where the key stands in for it [P2][P3][INF]. */
function readDisplayName(check: Checker, value: JsonObject, dialect: Dialect): string | undefined {
  return check.string(value, 'displayName', 'displayName', { required: dialect.id === 'v1', maxLength: 255 });
}

/** Required for every type but contracts, and ignored for contracts [V1]. */
function readBaseType(check: Checker, value: JsonObject, dialect: Dialect): string | undefined {
  const baseType = check.string(value, 'baseType', 'baseType', { required: true });
  if (baseType === undefined) return undefined;
  if (!(BASE_TYPES as readonly string[]).includes(baseType)) {
    const allowed = BASE_TYPES.map((type) => baseTypeToWire(dialect, type)).join(', ');
    check.fail('baseType', `'${baseTypeToWire(dialect, baseType)}' is not a base type; use one of ${allowed}.`);
    return undefined;
  }
  return baseType;
}

/**
 * Only `_component` types take composition behaviors [V1]. Live `_section` types carry
 * `sectionEnabled` (BlankSection, the Forms container) [CORPUS], so that one pairing is allowed too.
 */
function checkCompositionBehaviors(check: Checker, dialect: Dialect, baseType: string, behaviors: string[]): void {
  if (behaviors.length === 0 || baseType === '_component') return;
  if (baseType === '_section' && behaviors.every((behavior) => behavior === 'sectionEnabled')) return;
  check.fail(
    'compositionBehaviors',
    `Composition behaviors can only be assigned when baseType is '${baseTypeToWire(dialect, '_component')}'.`,
  );
}

function readAccessRights(check: Checker, value: JsonObject): AccessRightDoc[] | undefined {
  const list = check.list(value, 'accessRights', 'accessRights');
  if (list === undefined) return undefined;
  const rights: AccessRightDoc[] = [];
  list.forEach((entry, index) => {
    const path = `accessRights[${index}]`;
    if (!isJsonObject(entry)) return check.mismatch(path);
    const name = check.string(entry, 'name', `${path}.name`, { required: true });
    const type = check.string(entry, 'type', `${path}.type`, { oneOf: ACCESS_RIGHT_TYPES });
    if (name !== undefined) rights.push(compact({ name, type }));
    return undefined;
  });
  return rights;
}

function readProperties(check: Checker, value: JsonObject, dialect: Dialect): Record<string, PropertyDoc> {
  const properties = check.object(value, 'properties', 'properties') ?? {};
  const result: Record<string, PropertyDoc> = {};
  for (const [key, property] of Object.entries(properties)) {
    const path = `properties.${key}`;
    if (!KEY_PATTERN.test(key) || key.length > 255) {
      check.fail(path, `'${key}' is not a valid property key; it must match '^[A-Za-z][_0-9A-Za-z]+$' and have 2 to 255 characters.`);
      continue;
    }
    if (property === null) continue;
    if (!isJsonObject(property)) {
      check.mismatch(path);
      continue;
    }
    const parsed = readProperty(check, property, path, dialect);
    if (parsed !== undefined) result[key] = parsed;
  }
  return result;
}

function readProperty(check: Checker, property: JsonObject, path: string, dialect: Dialect): PropertyDoc | undefined {
  const type = check.string(property, 'type', `${path}.type`, { required: true, oneOf: dialect.propertyTypes });
  const itemsValue = check.object(property, 'items', `${path}.items`);
  let items: ItemDoc | undefined;
  if (itemsValue !== undefined) {
    items = readItem(check, itemsValue, `${path}.items`, dialect);
  } else if (type === 'array') {
    check.required(`${path}.items`);
  }
  const imageDescriptor = check.object(property, 'imageDescriptor', `${path}.imageDescriptor`);
  const doc: PropertyDoc = compact({
    type: type ?? '',
    ...readValue(check, property, path, type),
    displayName: check.string(property, 'displayName', `${path}.displayName`, { maxLength: 255 }),
    description: check.string(property, 'description', `${path}.description`, { maxLength: 2000 }),
    isLocalized: check.boolean(property, 'isLocalized', `${path}.isLocalized`),
    isRequired: check.boolean(property, 'isRequired', `${path}.isRequired`),
    group: check.string(property, 'group', `${path}.group`),
    sortOrder: check.int32(property, 'sortOrder', `${path}.sortOrder`),
    indexingType: check.string(property, 'indexingType', `${path}.indexingType`, { oneOf: INDEXING_TYPES }),
    displayMode: check.string(property, 'displayMode', `${path}.displayMode`, { oneOf: DISPLAY_MODES }),
    minItems: check.int32(property, 'minItems', `${path}.minItems`, 0),
    maxItems: check.int32(property, 'maxItems', `${path}.maxItems`, 0),
    items,
    imageDescriptor: imageDescriptor === undefined ? undefined : readImageDescriptor(check, imageDescriptor, `${path}.imageDescriptor`),
    editor: check.string(property, 'editor', `${path}.editor`),
  });
  return type === undefined ? undefined : doc;
}

function readItem(check: Checker, item: JsonObject, path: string, dialect: Dialect): ItemDoc | undefined {
  const itemTypes = dialect.propertyTypes.filter((type) => type !== 'array');
  const type = check.string(item, 'type', `${path}.type`, { required: true, oneOf: itemTypes });
  const value = readValue(check, item, path, type);
  return type === undefined ? undefined : compact({ type, ...value });
}

/** Members shared by properties and array items. */
function readValue(check: Checker, value: JsonObject, path: string, type: string | undefined): ValueDoc {
  const contentType = check.string(value, 'contentType', `${path}.contentType`, {
    minLength: 2,
    maxLength: 255,
    pattern: REFERENCE_PATTERN,
  });
  if (type === 'component' && value.contentType === undefined) check.required(`${path}.contentType`);
  return compact({
    format: check.string(value, 'format', `${path}.format`),
    contentType,
    minimum: check.numberOrString(value, 'minimum', `${path}.minimum`),
    maximum: check.numberOrString(value, 'maximum', `${path}.maximum`),
    minLength: check.int32(value, 'minLength', `${path}.minLength`, 0),
    maxLength: check.int32(value, 'maxLength', `${path}.maxLength`, 0),
    pattern: check.string(value, 'pattern', `${path}.pattern`),
    enum: readEnum(check, value, `${path}.enum`, type),
    allowedTypes: check.stringList(value, 'allowedTypes', `${path}.allowedTypes`),
    restrictedTypes: check.stringList(value, 'restrictedTypes', `${path}.restrictedTypes`),
    editorSettings: check.object(value, 'editorSettings', `${path}.editorSettings`),
  });
}

/** `[{value, displayName}]`, values of the property's own type, only for string/integer/float/dateTime [V1]. */
function readEnum(check: Checker, value: JsonObject, path: string, type: string | undefined): EnumValueDoc[] | undefined {
  const list = check.list(value, 'enum', path);
  if (list === undefined) return undefined;
  if (type !== undefined && !(ENUM_TYPES as readonly string[]).includes(type)) {
    check.fail(path, `An enumeration is allowed only for the types ${ENUM_TYPES.join(', ')}, not '${type}'.`);
    return undefined;
  }
  const values: EnumValueDoc[] = [];
  list.forEach((entry: Json, index) => {
    const at = `${path}[${index}]`;
    if (!isJsonObject(entry)) return check.mismatch(at);
    const displayName = check.string(entry, 'displayName', `${at}.displayName`, { required: true });
    const member = entry.value;
    if (member === undefined || member === null) return check.required(`${at}.value`);
    if (!enumValueMatches(member, type)) return check.mismatch(`${at}.value`);
    if (displayName !== undefined) values.push({ value: member as string | number, displayName });
    return undefined;
  });
  return values;
}

function enumValueMatches(value: Json, type: string | undefined): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
      return typeof value === 'number';
    case 'string':
    case 'dateTime':
      return typeof value === 'string';
    default:
      return typeof value === 'string' || typeof value === 'number';
  }
}

function readImageDescriptor(check: Checker, value: JsonObject, path: string): PropertyDoc['imageDescriptor'] {
  return compact({
    width: check.int32(value, 'width', `${path}.width`, 0),
    height: check.int32(value, 'height', `${path}.height`, 0),
    pregenerated: check.boolean(value, 'pregenerated', `${path}.pregenerated`),
  });
}
