import type { ErrorShape } from '../http/problem.js';

/**
 * One version of the API. The store keeps a single model in v1 spelling; a dialect says how that
 * model is spelled, shaped and answered on one family of routes.
 */
export interface Dialect {
  id: DialectId;
  /** `isRequired`/`isLocalized` in v1, `required`/`localized` in preview2/3 [V1][P3][P2]. */
  flagNames: { required: string; localized: string };
  /** Paging envelope member for the total [V1: totalCount; P3/P2: totalItemCount]. */
  totalField: 'totalCount' | 'totalItemCount';
  /** preview2 spells base types without the underscore [P2 ContentBaseType]. */
  bareBaseTypes: boolean;
  /** preview2 wraps enumerations as `{values: [...]}` [P2 *EnumerationSettings]. */
  enumWrapped: boolean;
  errorShape: ErrorShape;
  /** POST answers 201 in v1/preview3, 200 in preview2 [P2]. */
  createStatus: 201 | 200;
  /** v1 honours `Prefer: return=representation` and otherwise answers 204 on PATCH/DELETE [V1]. */
  honoursPrefer: boolean;
  /** preview2 has PUT create-or-replace [P2]. */
  supportsPut: boolean;
  /** preview2 takes the data-loss override as `?ignoreDataLossWarnings=true`; v1/preview3 as a header. */
  dataLossOverride: 'header' | 'query';
  /** Path of the content API under the prefix. */
  contentPath: string;
  /** `GET/POST /manifest` exist in v1 only [V1]. */
  hasManifest: boolean;
  /** Value of `apiVersion` in `GET /info`. */
  apiVersion: string;
  /** Property data types a request may use. */
  propertyTypes: readonly string[];
  compositionBehaviors: readonly string[];
  /** Request members this dialect knows, in store (v1) spelling; others are ignored [DOC]. */
  contentTypeFields: readonly string[];
  propertyFields: readonly string[];
  itemFields: readonly string[];
}

export const DIALECT_IDS = ['v1', 'preview3', 'preview2'] as const;
export type DialectId = (typeof DIALECT_IDS)[number];

const V1_PROPERTY_TYPES = [
  'string',
  'url',
  'boolean',
  'integer',
  'float',
  'dateTime',
  'contentReference',
  'content',
  'link',
  'richText',
  'json',
  'array',
  'component',
] as const;

const SHARED_CONTENT_TYPE_FIELDS = [
  'key',
  'displayName',
  'description',
  'baseType',
  'sortOrder',
  'mayContainTypes',
  'mediaFileExtensions',
  'compositionBehaviors',
  'properties',
] as const;

const SHARED_PROPERTY_FIELDS = [
  'type',
  'format',
  'contentType',
  'displayName',
  'description',
  'isLocalized',
  'isRequired',
  'group',
  'sortOrder',
  'indexingType',
  'minimum',
  'maximum',
  'enum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'allowedTypes',
  'restrictedTypes',
  'items',
] as const;

const SHARED_ITEM_FIELDS = [
  'type',
  'format',
  'contentType',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'enum',
  'allowedTypes',
  'restrictedTypes',
] as const;

export const V1: Dialect = {
  id: 'v1',
  flagNames: { required: 'isRequired', localized: 'isLocalized' },
  totalField: 'totalCount',
  bareBaseTypes: false,
  enumWrapped: false,
  errorShape: 'list',
  createStatus: 201,
  honoursPrefer: true,
  supportsPut: false,
  dataLossOverride: 'header',
  contentPath: '/content',
  hasManifest: true,
  apiVersion: 'v1',
  propertyTypes: V1_PROPERTY_TYPES,
  compositionBehaviors: ['sectionEnabled', 'elementEnabled', 'formsElementEnabled'],
  contentTypeFields: [...SHARED_CONTENT_TYPE_FIELDS, 'isContract', 'contracts', 'accessRights'],
  propertyFields: [...SHARED_PROPERTY_FIELDS, 'displayMode', 'editorSettings'],
  itemFields: [...SHARED_ITEM_FIELDS, 'editorSettings'],
};

export const PREVIEW3: Dialect = {
  id: 'preview3',
  flagNames: { required: 'required', localized: 'localized' },
  totalField: 'totalItemCount',
  bareBaseTypes: false,
  enumWrapped: false,
  errorShape: 'list',
  createStatus: 201,
  honoursPrefer: false,
  supportsPut: false,
  dataLossOverride: 'header',
  contentPath: '/experimental/content',
  hasManifest: false,
  apiVersion: 'preview3-1.0.0',
  propertyTypes: [...V1_PROPERTY_TYPES, 'binary'],
  compositionBehaviors: ['sectionEnabled', 'elementEnabled', 'formsElementEnabled'],
  contentTypeFields: SHARED_CONTENT_TYPE_FIELDS,
  propertyFields: [...SHARED_PROPERTY_FIELDS, 'imageDescriptor'],
  itemFields: SHARED_ITEM_FIELDS,
};

/**
 * preview2 has no `richText` or `link` type [P2]. The emulator still accepts and returns them on
 * preview2 routes, so a type made through v1 survives a preview2 read-modify-write (FIDELITY.md).
 */
export const PREVIEW2: Dialect = {
  id: 'preview2',
  flagNames: { required: 'required', localized: 'localized' },
  totalField: 'totalItemCount',
  bareBaseTypes: true,
  enumWrapped: true,
  errorShape: 'map',
  createStatus: 200,
  honoursPrefer: false,
  supportsPut: true,
  dataLossOverride: 'query',
  contentPath: '/content',
  hasManifest: false,
  apiVersion: 'preview2-1.0.0',
  propertyTypes: [...V1_PROPERTY_TYPES, 'binary'],
  compositionBehaviors: ['sectionEnabled', 'elementEnabled'],
  contentTypeFields: SHARED_CONTENT_TYPE_FIELDS,
  propertyFields: [...SHARED_PROPERTY_FIELDS, 'imageDescriptor', 'editor', 'editorSettings'],
  itemFields: [...SHARED_ITEM_FIELDS, 'editorSettings'],
};

/** Where each dialect is mounted. `/_cms/v1` is what the official CLI uses for non-gateway hosts [CLI]. */
export const MOUNTS: ReadonlyArray<{ prefix: string; dialect: Dialect }> = [
  { prefix: '/v1', dialect: V1 },
  { prefix: '/_cms/v1', dialect: V1 },
  { prefix: '/preview3', dialect: PREVIEW3 },
  { prefix: '/_cms/preview2', dialect: PREVIEW2 },
];

/** Base types in store (v1) spelling [V1 ContentSource.baseType]. */
export const BASE_TYPES = ['_page', '_component', '_media', '_image', '_video', '_folder', '_experience', '_section', '_element'] as const;

/** Renames one member from store (v1) spelling to the dialect's. */
export function wireName(dialect: Dialect, storeName: string): string {
  if (storeName === 'isRequired') return dialect.flagNames.required;
  if (storeName === 'isLocalized') return dialect.flagNames.localized;
  return storeName;
}

/** Renames one member from the dialect's spelling to store (v1) spelling. */
export function storeName(dialect: Dialect, wire: string): string {
  if (wire === dialect.flagNames.required) return 'isRequired';
  if (wire === dialect.flagNames.localized) return 'isLocalized';
  return wire;
}

/** A field path such as `properties.title.isRequired`, spelled for the dialect (only its last segment is a member name that can differ). */
export function wirePath(dialect: Dialect, path: string): string {
  const cut = path.lastIndexOf('.');
  return cut === -1 ? wireName(dialect, path) : `${path.slice(0, cut + 1)}${wireName(dialect, path.slice(cut + 1))}`;
}

export function baseTypeToWire(dialect: Dialect, baseType: string): string {
  return dialect.bareBaseTypes && baseType.startsWith('_') ? baseType.slice(1) : baseType;
}
