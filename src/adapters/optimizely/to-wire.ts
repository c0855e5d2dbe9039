import type { ContentTypeDef, ItemDef, PropertyDef, PropertyGroupDef, ValueConstraints } from '../../core/model.js';
import { AdapterError, type FieldError } from '../errors.js';
import type { ApiVersion } from './endpoints.js';

export type WireJson = { [member: string]: unknown };

/**
 * How to treat a member the API version cannot express. `strict` (what we are about to send):
 * a validation error naming every such member, because dropping one silently would leave the
 * live type different from the plan. `lenient` (the state we diff against): left out, since the
 * platform cannot have shown it to us in that version anyway.
 */
export type UnsupportedMembers = 'strict' | 'lenient';

/** Members of the canonical model a version's wire format has no field for. */
const UNSUPPORTED: Record<ApiVersion, { type: readonly string[]; property: readonly string[]; item: readonly string[] }> = {
  v1: { type: [], property: ['imageDescriptor'], item: [] },
  preview3: {
    type: ['isContract', 'contracts', 'accessRights'],
    property: ['displayMode', 'editorSettings'],
    item: ['editorSettings'],
  },
};

/**
 * A canonical content type as the request JSON of `version`: v1 spells the flags
 * `isRequired`/`isLocalized`, preview3 `required`/`localized`. Members at their default are
 * absent in canonical form and stay absent here.
 */
export function contentTypeToWire(def: ContentTypeDef, version: ApiVersion, unsupported: UnsupportedMembers = 'strict'): WireJson {
  const unsupportedFound: FieldError[] = [];
  const keep = (path: string, member: string, list: readonly string[], value: unknown): boolean => {
    if (value === undefined || !list.includes(member)) return value !== undefined;
    unsupportedFound.push({ field: path, detail: `${version} has no '${member}'` });
    return false;
  };
  const rules = UNSUPPORTED[version];
  const wire: WireJson = {};
  const typeMembers: Array<[string, unknown]> = [
    ['key', def.key],
    ['baseType', def.baseType ?? undefined],
    ['isContract', def.isContract],
    ['displayName', def.displayName],
    ['description', def.description],
    ['sortOrder', def.sortOrder],
    ['mayContainTypes', def.mayContainTypes],
    ['mediaFileExtensions', def.mediaFileExtensions],
    ['compositionBehaviors', def.compositionBehaviors],
    ['contracts', def.contracts],
    ['accessRights', def.accessRights],
  ];
  for (const [member, value] of typeMembers) {
    if (keep(member, member, rules.type, value)) wire[member] = value;
  }
  const properties: WireJson = {};
  for (const [name, property] of Object.entries(def.properties)) {
    properties[name] = propertyToWire(property, version, `properties.${name}`, keep);
  }
  wire['properties'] = properties;
  if (unsupported === 'strict' && unsupportedFound.length > 0) {
    throw new AdapterError({
      kind: 'validation',
      message: `Content type '${def.key}' uses ${unsupportedFound.map((error) => `'${error.field}'`).join(', ')}, which the Optimizely ${version} API cannot store. Remove ${unsupportedFound.length === 1 ? 'it' : 'them'} from the definition or target API version v1.`,
      fieldErrors: unsupportedFound,
    });
  }
  return wire;
}

export function propertyGroupToWire(def: PropertyGroupDef): WireJson {
  const wire: WireJson = { key: def.key, displayName: def.displayName };
  if (def.sortOrder !== undefined) wire['sortOrder'] = def.sortOrder;
  return wire;
}

type Keep = (path: string, member: string, unsupported: readonly string[], value: unknown) => boolean;

function propertyToWire(property: PropertyDef, version: ApiVersion, path: string, keep: Keep): WireJson {
  const rules = UNSUPPORTED[version];
  const flags = version === 'v1' ? { required: 'isRequired', localized: 'isLocalized' } : { required: 'required', localized: 'localized' };
  const members: Array<[string, string, unknown]> = [
    ['type', 'type', property.type],
    ...constraintMembers(property),
    ['displayName', 'displayName', property.displayName],
    ['description', 'description', property.description],
    ['required', flags.required, property.required],
    ['localized', flags.localized, property.localized],
    ['group', 'group', property.group],
    ['sortOrder', 'sortOrder', property.sortOrder],
    ['indexingType', 'indexingType', property.indexingType],
    ['displayMode', 'displayMode', property.displayMode],
    ['minItems', 'minItems', property.minItems],
    ['maxItems', 'maxItems', property.maxItems],
    ['imageDescriptor', 'imageDescriptor', property.imageDescriptor],
  ];
  const wire: WireJson = {};
  for (const [member, wireName, value] of members) {
    if (keep(`${path}.${member}`, member, rules.property, value)) wire[wireName] = value;
  }
  if (property.items !== undefined) wire['items'] = itemToWire(property.items, version, `${path}.items`, keep);
  return wire;
}

function itemToWire(item: ItemDef, version: ApiVersion, path: string, keep: Keep): WireJson {
  const wire: WireJson = {};
  for (const [member, wireName, value] of [['type', 'type', item.type] as [string, string, unknown], ...constraintMembers(item)]) {
    if (keep(`${path}.${member}`, member, UNSUPPORTED[version].item, value)) wire[wireName] = value;
  }
  return wire;
}

function constraintMembers(value: ValueConstraints): Array<[string, string, unknown]> {
  return [
    ['format', 'format', value.format],
    ['contentType', 'contentType', value.contentType],
    ['minimum', 'minimum', value.minimum],
    ['maximum', 'maximum', value.maximum],
    ['enum', 'enum', value.enum],
    ['minLength', 'minLength', value.minLength],
    ['maxLength', 'maxLength', value.maxLength],
    ['pattern', 'pattern', value.pattern],
    ['allowedTypes', 'allowedTypes', value.allowedTypes],
    ['restrictedTypes', 'restrictedTypes', value.restrictedTypes],
    ['editorSettings', 'editorSettings', value.editorSettings],
  ];
}
