import { setEntry } from '../../core/set-entry.js';
import {
  BASE_TYPES,
  COMPOSITION_BEHAVIORS,
  DISPLAY_MODES,
  INDEXING_TYPES,
  PROPERTY_TYPES,
  type AccessRight,
  type BaseType,
  type ContentTypeDef,
  type DisplaySetting,
  type DisplayTemplateDef,
  type EnumValue,
  type ImageDescriptor,
  type ItemDef,
  type ItemType,
  type PropertyDef,
  type PropertyGroupDef,
  type PropertyType,
  type ValueConstraints,
} from '../../core/model.js';
import { normalizeContentType, normalizeDisplayTemplate, normalizePropertyGroup } from '../../core/normalize.js';
import { OPTIMIZELY_DEFAULTS } from './profile.js';
import { WireReader, wireProtocolError } from './wire-reader.js';

const ITEM_TYPES = PROPERTY_TYPES.filter((type): type is ItemType => type !== 'array');
const ACCESS_RIGHT_TYPES = ['user', 'role', 'application'] as const;

/**
 * Reads a content type as any Optimizely API version spells it (v1 `isRequired`/`isLocalized`,
 * preview2/3 `required`/`localized`, base types with or without the underscore (also where a
 * reference names one), `enum` as a list
 * or as `{values}`) into the canonical model, normalized. Server-managed members (`created`,
 * `createdBy`, `lastModified`, `lastModifiedBy`, `source`, `usage`, `features`) and members
 * catalyst does not model are left out; a known member of the wrong shape is a `protocol` error.
 */
export function contentTypeFromWire(json: unknown): ContentTypeDef {
  const probe = WireReader.of('a content type', json);
  const key = probe.string('key');
  if (key === undefined) throw wireProtocolError('a content type', 'key', probe.object['key'], 'a string');
  const wire = new WireReader(`content type '${key}'`, probe.object);
  const isContract = wire.boolean('isContract') ?? isContractByBaseType(wire);
  const def: ContentTypeDef = {
    key,
    baseType: isContract ? null : baseTypeFromWire(wire),
    isContract: isContract || undefined,
    displayName: wire.string('displayName') ?? '',
    description: wire.string('description'),
    sortOrder: wire.number('sortOrder'),
    mayContainTypes: typeReferencesFromWire(wire, 'mayContainTypes'),
    mediaFileExtensions: wire.stringList('mediaFileExtensions'),
    compositionBehaviors: wire.listOf('compositionBehaviors', COMPOSITION_BEHAVIORS),
    contracts: wire.stringList('contracts'),
    accessRights: accessRightsFromWire(wire),
    properties: propertiesFromWire(wire),
  };
  return normalizeContentType(def, OPTIMIZELY_DEFAULTS);
}

export function propertyGroupFromWire(json: unknown): PropertyGroupDef {
  const probe = WireReader.of('a property group', json);
  const key = probe.string('key');
  if (key === undefined) throw wireProtocolError('a property group', 'key', probe.object['key'], 'a string');
  const wire = new WireReader(`property group '${key}'`, probe.object);
  return normalizePropertyGroup(
    { key, displayName: wire.string('displayName') ?? '', sortOrder: wire.number('sortOrder') },
    OPTIMIZELY_DEFAULTS,
  );
}

/** A display template as the API returns it, normalized; audit members are left out. */
export function displayTemplateFromWire(json: unknown): DisplayTemplateDef {
  const probe = WireReader.of('a display template', json);
  const key = probe.string('key');
  if (key === undefined) throw wireProtocolError('a display template', 'key', probe.object['key'], 'a string');
  const wire = new WireReader(`display template '${key}'`, probe.object);
  const settings: Record<string, DisplaySetting> = {};
  const settingsWire = wire.child('settings');
  for (const name of Object.keys(settingsWire?.object ?? {})) {
    const setting = settingsWire?.child(name);
    if (setting === undefined) continue;
    const choices: NonNullable<DisplaySetting['choices']> = {};
    const choicesWire = setting.child('choices');
    for (const choiceKey of Object.keys(choicesWire?.object ?? {})) {
      const choice = choicesWire?.child(choiceKey);
      if (choice !== undefined)
        choices[choiceKey] = { displayName: choice.string('displayName') ?? '', sortOrder: choice.number('sortOrder') };
    }
    settings[name] = {
      displayName: setting.string('displayName') ?? '',
      editor: setting.string('editor'),
      sortOrder: setting.number('sortOrder'),
      choices,
    };
  }
  return normalizeDisplayTemplate({
    key,
    displayName: wire.string('displayName') ?? '',
    nodeType: wire.string('nodeType'),
    baseType: wire.has('baseType') && wire.object['baseType'] !== null ? baseTypeFromWire(wire) : undefined,
    contentType: wire.string('contentType'),
    isDefault: wire.boolean('isDefault'),
    settings,
  });
}

/** The platform's source marker: non-empty for system (read-only) resources. */
export function sourceFromWire(json: unknown): string | undefined {
  const source = WireReader.of('a resource', json).string('source');
  return source === undefined || source === '' ? undefined : source;
}

/**
 * preview3 has no `isContract` member, and its specification says `baseType` is "ignored for
 * contracts; required for all other content types": without the member, a type with no base type
 * is a contract.
 */
function isContractByBaseType(wire: WireReader): boolean {
  const baseType = wire.object['baseType'];
  return baseType === undefined || baseType === null;
}

function baseTypeFromWire(wire: WireReader): BaseType {
  const raw = wire.string('baseType');
  if (raw === undefined) throw wire.unexpected('baseType', wire.object['baseType'], 'a base type (only contracts have none)');
  const spelled = `_${raw.replace(/^_/, '').toLowerCase()}`;
  const known = BASE_TYPES.find((baseType) => baseType === spelled);
  if (known === undefined) throw wire.unexpected('baseType', raw, `one of ${BASE_TYPES.join(', ')} (with or without the underscore)`);
  return known;
}

/**
 * Type references: content type keys, or base types. preview2 names base types without the
 * underscore and in any case (`Image`, `component`), and types made through it keep that
 * spelling (the corpus's preview2 projects); the canonical spelling is v1's (`_image`).
 */
function typeReferencesFromWire(wire: WireReader, member: string): string[] | undefined {
  return wire.stringList(member)?.map((reference) => {
    if (reference.startsWith('_')) return reference;
    const spelled = `_${reference.toLowerCase()}`;
    return BASE_TYPES.find((baseType) => baseType === spelled) ?? reference;
  });
}

function accessRightsFromWire(wire: WireReader): AccessRight[] | undefined {
  const list = wire.list('accessRights');
  if (list === undefined) return undefined;
  return list.map((entry, index) => {
    const right = new WireReader(wire.what, expectEntry(wire, 'accessRights', index, entry), `accessRights[${index}]`);
    const name = right.string('name');
    if (name === undefined) throw right.unexpected('name', entry, 'a name');
    return { name, type: right.oneOf('type', ACCESS_RIGHT_TYPES) ?? OPTIMIZELY_DEFAULTS.accessRightType };
  });
}

function propertiesFromWire(wire: WireReader): Record<string, PropertyDef> {
  const properties = wire.child('properties');
  if (properties === undefined) return {};
  const result: Record<string, PropertyDef> = {};
  for (const name of Object.keys(properties.object)) {
    const property = properties.child(name);
    if (property !== undefined) setEntry(result, name, propertyFromWire(property));
  }
  return result;
}

function propertyFromWire(wire: WireReader): PropertyDef {
  const items = wire.child('items');
  return {
    ...valueFromWire(wire, PROPERTY_TYPES),
    displayName: wire.string('displayName'),
    description: wire.string('description'),
    required: wire.has('isRequired') ? wire.boolean('isRequired') : wire.boolean('required'),
    localized: wire.has('isLocalized') ? wire.boolean('isLocalized') : wire.boolean('localized'),
    group: wire.string('group'),
    sortOrder: wire.number('sortOrder'),
    indexingType: wire.oneOf('indexingType', INDEXING_TYPES),
    displayMode: wire.oneOf('displayMode', DISPLAY_MODES),
    items: items === undefined ? undefined : itemFromWire(items),
    minItems: wire.number('minItems'),
    maxItems: wire.number('maxItems'),
    imageDescriptor: imageDescriptorFromWire(wire),
  };
}

function itemFromWire(wire: WireReader): ItemDef {
  return valueFromWire(wire, ITEM_TYPES);
}

/**
 * The type and constraints of a property or of array items. preview2 had no `link` type: a link
 * was a `component` of the built-in type `link`, and types made then keep that spelling. v1 and
 * preview3 name it `link` (the corpus's vercel-demo `legalLinks` and `NavigationLinks` read
 * `{type: component, contentType: link}` through preview2 and `{type: link}` when re-pulled from
 * a preview3-era CMS), which is the canonical spelling.
 */
function valueFromWire<T extends PropertyType>(wire: WireReader, allowed: readonly T[]): ValueConstraints & { type: T } {
  const type = requiredType(wire, allowed);
  const constraints = constraintsFromWire(wire);
  if (type === 'component' && constraints.contentType === 'link' && (allowed as readonly string[]).includes('link')) {
    return { ...constraints, contentType: undefined, type: 'link' as T };
  }
  return { ...constraints, type };
}

function constraintsFromWire(wire: WireReader): ValueConstraints {
  return {
    format: wire.string('format'),
    contentType: wire.string('contentType'),
    minimum: wire.numberOrString('minimum'),
    maximum: wire.numberOrString('maximum'),
    enum: enumFromWire(wire),
    minLength: wire.number('minLength'),
    maxLength: wire.number('maxLength'),
    pattern: wire.string('pattern'),
    allowedTypes: typeReferencesFromWire(wire, 'allowedTypes'),
    restrictedTypes: typeReferencesFromWire(wire, 'restrictedTypes'),
    editorSettings: wire.record('editorSettings'),
  };
}

function requiredType<T extends string>(wire: WireReader, allowed: readonly T[]): T {
  const type = wire.oneOf('type', allowed);
  if (type === undefined) throw wire.unexpected('type', wire.object['type'], `one of ${allowed.join(', ')}`);
  return type;
}

/** v1/preview3 send `[{value, displayName}]`; preview2 sends `{values: [...]}`. */
function enumFromWire(wire: WireReader): EnumValue[] | undefined {
  const raw = wire.object['enum'];
  if (raw === undefined || raw === null) return undefined;
  const wrapped = Array.isArray(raw) ? undefined : wire.child('enum');
  const list = wrapped === undefined ? wire.list('enum') : wrapped.list('values');
  const path = wrapped === undefined ? 'enum' : 'enum.values';
  if (list === undefined) throw wire.unexpected('enum', raw, 'a list of {value, displayName} or {values: [...]}');
  return list.map((entry, index) => {
    const option = new WireReader(wire.what, expectEntry(wire, path, index, entry), `${wire.at(path)}[${index}]`);
    const value = option.numberOrString('value');
    if (value === undefined) throw option.unexpected('value', option.object['value'], 'a string or a number');
    return { value, displayName: option.string('displayName') ?? '' };
  });
}

function imageDescriptorFromWire(wire: WireReader): ImageDescriptor | undefined {
  const descriptor = wire.child('imageDescriptor');
  if (descriptor === undefined) return undefined;
  const result: ImageDescriptor = {};
  const width = descriptor.number('width');
  const height = descriptor.number('height');
  const pregenerated = descriptor.boolean('pregenerated');
  if (width !== undefined) result.width = width;
  if (height !== undefined) result.height = height;
  if (pregenerated !== undefined) result.pregenerated = pregenerated;
  return result;
}

function expectEntry(wire: WireReader, member: string, index: number, entry: unknown): Record<string, unknown> {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw wireProtocolError(wire.what, `${wire.at(member)}[${index}]`, entry, 'a JSON object');
  }
  return entry as Record<string, unknown>;
}
