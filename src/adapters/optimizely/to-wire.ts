import type { ContentTypeDef, DisplayTemplateDef, ItemDef, PropertyDef, PropertyGroupDef, ValueConstraints } from '../../core/model.js';
import { deepEqual } from '../../core/deep-equal.js';
import { AdapterError, type FieldError } from '../errors.js';
import type { ApiVersion } from './endpoints.js';

export type WireJson = { [member: string]: unknown };

/**
 * How to treat a member the API version cannot express. `strict` (what we are about to send):
 * a validation error naming every such member, because dropping one silently would leave the
 * live type different from the plan; with `previous` (an update), only for members whose value
 * changes, since a merge patch that leaves a member out keeps what the platform holds. `lenient`
 * (the state we diff against): left out, since the platform cannot have shown it to us in that
 * version anyway.
 */
export type UnsupportedMembers = 'strict' | 'lenient';

/** Members of the canonical model a version's wire format has no field for. */
export const UNSTORABLE_MEMBERS: Record<ApiVersion, { type: readonly string[]; property: readonly string[]; item: readonly string[] }> = {
  v1: { type: [], property: ['imageDescriptor'], item: [] },
  preview3: {
    type: ['isContract', 'contracts', 'accessRights'],
    property: ['displayMode', 'editorSettings'],
    item: ['editorSettings'],
  },
};

/** Where a version's member name differs from the canonical one: v1 spells the flags `isRequired`/`isLocalized`. */
const WIRE_NAMES: Record<ApiVersion, Readonly<Record<string, string>>> = {
  v1: { required: 'isRequired', localized: 'isLocalized' },
  preview3: {},
};

/** The members each level sends, in the order the request JSON lists them. */
const TYPE_MEMBERS = [
  'key',
  'baseType',
  'isContract',
  'displayName',
  'description',
  'sortOrder',
  'mayContainTypes',
  'mediaFileExtensions',
  'compositionBehaviors',
  'contracts',
  'accessRights',
] as const satisfies ReadonlyArray<keyof ContentTypeDef>;
const CONSTRAINT_MEMBERS = [
  'format',
  'contentType',
  'minimum',
  'maximum',
  'enum',
  'minLength',
  'maxLength',
  'pattern',
  'allowedTypes',
  'restrictedTypes',
  'editorSettings',
] as const satisfies ReadonlyArray<keyof ValueConstraints>;
const PROPERTY_MEMBERS = [
  'type',
  ...CONSTRAINT_MEMBERS,
  'displayName',
  'description',
  'required',
  'localized',
  'group',
  'sortOrder',
  'indexingType',
  'displayMode',
  'minItems',
  'maxItems',
  'imageDescriptor',
] as const satisfies ReadonlyArray<keyof PropertyDef>;
const ITEM_MEMBERS = ['type', ...CONSTRAINT_MEMBERS] as const satisfies ReadonlyArray<keyof ItemDef>;

/** Does not compile once the model gains a member these lists do not send (it would be dropped silently). */
type Unlisted<T, Listed extends readonly PropertyKey[], Nested extends keyof T = never> = Exclude<keyof T, Listed[number] | Nested>;
const _EVERY_MEMBER_LISTED: [
  Unlisted<ContentTypeDef, typeof TYPE_MEMBERS, 'properties'>,
  Unlisted<PropertyDef, typeof PROPERTY_MEMBERS, 'items'>,
  Unlisted<ItemDef, typeof ITEM_MEMBERS>,
] extends [never, never, never]
  ? true
  : false = true;

/**
 * A canonical content type as the request JSON of `version`: v1 spells the flags
 * `isRequired`/`isLocalized`, preview3 `required`/`localized`. Members at their default are
 * absent in canonical form and stay absent here.
 */
export function contentTypeToWire(
  def: ContentTypeDef,
  version: ApiVersion,
  unsupported: UnsupportedMembers = 'strict',
  previous?: ContentTypeDef,
): WireJson {
  const rules = UNSTORABLE_MEMBERS[version];
  const refused: FieldError[] = [];
  const wire = pickMembers(def, TYPE_MEMBERS, version, rules.type, '', refused, previous);
  const properties: WireJson = {};
  for (const [name, property] of Object.entries(def.properties)) {
    const path = `properties.${name}`;
    const held = previous?.properties[name];
    const wireProperty = pickMembers(property, PROPERTY_MEMBERS, version, rules.property, path, refused, held);
    if (property.items !== undefined)
      wireProperty['items'] = pickMembers(property.items, ITEM_MEMBERS, version, rules.item, `${path}.items`, refused, held?.items);
    properties[name] = wireProperty;
  }
  wire['properties'] = properties;
  if (unsupported === 'strict' && refused.length > 0) {
    throw new AdapterError({
      kind: 'validation',
      message: `Content type '${def.key}' uses ${refused.map((error) => `'${error.field}'`).join(', ')}, which the Optimizely ${version} API cannot store. Remove ${refused.length === 1 ? 'it' : 'them'} from the definition or target API version v1.`,
      fieldErrors: refused,
    });
  }
  return wire;
}

export function propertyGroupToWire(def: PropertyGroupDef): WireJson {
  const wire: WireJson = { key: def.key, displayName: def.displayName };
  if (def.sortOrder !== undefined) wire['sortOrder'] = def.sortOrder;
  return wire;
}

/** A display template as request JSON; every API version spells it the same way. */
export function displayTemplateToWire(def: DisplayTemplateDef): WireJson {
  const wire: WireJson = { key: def.key, displayName: def.displayName };
  for (const member of ['nodeType', 'baseType', 'contentType', 'isDefault'] as const)
    if (def[member] !== undefined) wire[member] = def[member];
  if (def.settings !== undefined) wire['settings'] = structuredClone(def.settings);
  return wire;
}

/**
 * The listed members of `source` that hold a value, under the version's names. `null` counts as
 * absent (a contract's `baseType`). A member in `unsupported` is left out, and recorded in
 * `refused` with its path unless `previous` holds the same value.
 */
function pickMembers<T extends object>(
  source: T,
  members: ReadonlyArray<keyof T & string>,
  version: ApiVersion,
  unsupported: readonly string[],
  path: string,
  refused: FieldError[],
  previous?: T,
): WireJson {
  const wire: WireJson = {};
  for (const member of members) {
    const value = source[member];
    if (value === undefined || value === null) continue;
    if (unsupported.includes(member)) {
      if (previous !== undefined && deepEqual(previous[member], value)) continue;
      refused.push({ field: path === '' ? member : `${path}.${member}`, detail: `${version} has no '${member}'` });
      continue;
    }
    wire[WIRE_NAMES[version][member] ?? member] = value;
  }
  return wire;
}
