/**
 * The canonical model: the one shape that desired state (YAML), base state (lockfile) and live
 * state (a CMS API) are all normalized into before anything is compared.
 *
 * Contract for every producer of these values (YAML loader, platform adapters, the Catalyst
 * source): emit the *normalized* form, i.e. the output of `normalizeContentType` /
 * `normalizePropertyGroup`. Two definitions mean the same thing if and only if their digests are
 * equal. Platform spellings (v1 `isRequired`, preview2 `required`, preview2 base types without the
 * underscore, preview2 `enum: {values}`) never appear here; adapters translate at the boundary.
 *
 * Optional members are absent when they carry the default value; see `defaults.ts`.
 */

/** Property data types of the Optimizely REST API (v1 list plus `binary` from preview2/3). */
export const PROPERTY_TYPES = [
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
  'binary',
] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** Types an array's items may have: any property type but `array`. */
export type ItemType = Exclude<PropertyType, 'array'>;

/** Base types in their v1 spelling. Contracts have no base type. */
export const BASE_TYPES = ['_page', '_component', '_media', '_image', '_video', '_folder', '_experience', '_section', '_element'] as const;
export type BaseType = (typeof BASE_TYPES)[number];

export const COMPOSITION_BEHAVIORS = ['sectionEnabled', 'elementEnabled', 'formsElementEnabled'] as const;
export type CompositionBehavior = (typeof COMPOSITION_BEHAVIORS)[number];

export const INDEXING_TYPES = ['disabled', 'queryable', 'searchable'] as const;
export type IndexingType = (typeof INDEXING_TYPES)[number];

export const DISPLAY_MODES = ['available', 'hidden'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];

/** One allowed value of a property; order in the list is the editor's display order. */
export interface EnumValue {
  value: string | number;
  displayName: string;
}

export interface AccessRight {
  name: string;
  type: 'user' | 'role' | 'application';
}

export interface ImageDescriptor {
  width?: number;
  height?: number;
  pregenerated?: boolean;
}

/** Settings shared by a property and by the items of an array property. */
export interface ValueConstraints {
  format?: string;
  /** Key of the component type held by a `component` property or item. */
  contentType?: string;
  /** Numbers for integer/float, ISO date-time strings for dateTime. */
  minimum?: number | string;
  maximum?: number | string;
  enum?: EnumValue[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** Content type keys or base types; sorted, without duplicates. */
  allowedTypes?: string[];
  restrictedTypes?: string[];
  editorSettings?: Record<string, unknown>;
}

export interface ItemDef extends ValueConstraints {
  type: ItemType;
}

export interface PropertyDef extends ValueConstraints {
  type: PropertyType;
  displayName?: string;
  description?: string;
  /** Absent means false. */
  required?: boolean;
  /** Absent means false. */
  localized?: boolean;
  /** Property group key; absent lets the platform choose. */
  group?: string;
  sortOrder?: number;
  indexingType?: IndexingType;
  /** Absent means `available`. */
  displayMode?: DisplayMode;
  /** Present exactly when `type` is `array`. */
  items?: ItemDef;
  minItems?: number;
  maxItems?: number;
  imageDescriptor?: ImageDescriptor;
}

export interface ContentTypeDef {
  /** Unique, immutable identity on the platform. */
  key: string;
  /** Immutable after creation. `null` exactly when `isContract` is true. */
  baseType: BaseType | null;
  /** Present (true) only for contracts: shared property sets other types implement. */
  isContract?: boolean;
  displayName: string;
  description?: string;
  sortOrder?: number;
  /** Type keys, base types or `*`; sorted, without duplicates. */
  mayContainTypes?: string[];
  /** Lower-case extensions without dot; sorted, without duplicates. */
  mediaFileExtensions?: string[];
  /** Sorted, without duplicates. Only for `_component` types. */
  compositionBehaviors?: CompositionBehavior[];
  /** Keys of the contracts this type implements; sorted, without duplicates. */
  contracts?: string[];
  /**
   * Who may create content of this type. Absent: everyone (the platform's `null`).
   * An empty list means nobody, which is not the same as absent.
   */
  accessRights?: AccessRight[];
  /** Keyed by property key. Always present, possibly empty. */
  properties: Record<string, PropertyDef>;
}

export interface PropertyGroupDef {
  key: string;
  displayName: string;
  sortOrder?: number;
}

/** One choice of a display setting; `sortOrder` orders choices in the editor. */
export interface DisplaySettingChoice {
  displayName: string;
  sortOrder?: number;
}

/** One setting editors pick for a display template (a select or a checkbox). */
export interface DisplaySetting {
  displayName: string;
  /** `select` or `checkbox` in the official SDK; free text on the wire. */
  editor?: string;
  sortOrder?: number;
  /** Keyed by choice key. */
  choices?: Record<string, DisplaySettingChoice>;
}

/**
 * A display template: how editors may render content. It targets at most one of a node type
 * (`row`, `column`), a base type or a content type; none targets everything.
 */
export interface DisplayTemplateDef {
  key: string;
  displayName: string;
  nodeType?: string;
  baseType?: BaseType;
  /** Key of the content type it applies to. */
  contentType?: string;
  /** Absent means false. */
  isDefault?: boolean;
  /** Keyed by setting key. */
  settings?: Record<string, DisplaySetting>;
}

/** The definition type of each resource kind catalyst reconciles. */
export interface ResourceDefs {
  propertyGroup: PropertyGroupDef;
  contentType: ContentTypeDef;
  displayTemplate: DisplayTemplateDef;
}

/** The member of desired, base and live state (and of a lockfile section) that holds each kind. */
export interface KindSections {
  propertyGroup: 'propertyGroups';
  contentType: 'contentTypes';
  displayTemplate: 'displayTemplates';
}

/** The resource kinds catalyst reconciles, in the order they are created (deleted in reverse). */
export const RESOURCE_KINDS = ['propertyGroup', 'contentType', 'displayTemplate'] as const satisfies ReadonlyArray<keyof ResourceDefs>;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** A canonical definition of any resource kind. */
export type Definition = ResourceDefs[ResourceKind];

/**
 * A platform's version of one live resource, used as the precondition of the next write.
 * `etag` is a strong entity tag exactly as the server sent it (quotes included);
 * `lastModified` is the server's timestamp (ISO 8601).
 */
export interface VersionToken {
  etag?: string;
  lastModified?: string;
}

/** A live resource as an adapter returns it. */
export interface LiveResource<T> {
  def: T;
  version: VersionToken;
  /** Platform-owned (system) resources are read-only: reported, never written. */
  readOnly: boolean;
  /** The platform's source marker for system resources (e.g. "system"); absent for user ones. */
  source?: string;
  /** Who last changed it, as the platform reports it (Optimizely's `lastModifiedBy`). */
  modifiedBy?: string;
}

export type LiveContentType = LiveResource<ContentTypeDef>;
export type LivePropertyGroup = LiveResource<PropertyGroupDef>;
export type LiveDisplayTemplate = LiveResource<DisplayTemplateDef>;

/** Where a desired definition was written, for diagnostics and plan output. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}
