/* Generated from schemas/content-type.schema.json by scripts/gen-types.ts. Do not edit: edit the schema and run `npm run gen:types`. */

/**
 * One YAML document per file under the content types directory: one content type (it has a `key`), a list of property groups (`propertyGroups`) or a list of display templates (`displayTemplates`). Editors pick this schema up from the first line: `# yaml-language-server: $schema=<relative path>/schemas/content-type.schema.json`. The schema checks structure (members, types, allowed values, key syntax); semantic rules (lengths, references, which attributes fit which type) are checked by `catalyst validate`.
 */
export type ContentTypeFile = WrittenContentType | WrittenPropertyGroups | WrittenDisplayTemplates;
/**
 * A content type key: a letter, then letters, digits or `_` (2 to 255 characters). It is the type's unique, immutable identity on the platform: changing it deletes the type and creates a new one.
 */
export type TypeKey = string;
/**
 * A content type key: a letter, then letters, digits or `_` (2 to 255 characters). It is the type's unique, immutable identity on the platform: changing it deletes the type and creates a new one.
 */
export type TypeKey1 = string;
export type WrittenAccessRightEntry = string | WrittenAccessRight;
export type WrittenPropertyEntry = PropertyShorthand | WrittenProperty;
/**
 * A property with nothing but a type: a type name (`richText`), or an array of an item type (`string[]`, `content[]`).
 */
export type PropertyShorthand =
  | 'string'
  | 'url'
  | 'boolean'
  | 'integer'
  | 'float'
  | 'dateTime'
  | 'contentReference'
  | 'content'
  | 'link'
  | 'richText'
  | 'json'
  | 'component'
  | 'binary'
  | 'string[]'
  | 'url[]'
  | 'boolean[]'
  | 'integer[]'
  | 'float[]'
  | 'dateTime[]'
  | 'contentReference[]'
  | 'content[]'
  | 'link[]'
  | 'richText[]'
  | 'json[]'
  | 'component[]'
  | 'binary[]';
/**
 * The data type. `array` needs `items`; `component` needs `contentType`.
 */
export type WrittenPropertyType =
  | 'string'
  | 'url'
  | 'boolean'
  | 'integer'
  | 'float'
  | 'dateTime'
  | 'contentReference'
  | 'content'
  | 'link'
  | 'richText'
  | 'json'
  | 'array'
  | 'component'
  | 'binary';
/**
 * A property key: a letter, then letters, digits or `_`; 2 to 255 characters, as the platform requires.
 */
export type WrittenPropertyKey = string;
/**
 * For `array` properties: the item type (`string`) or a definition of the items (`{ type: content, allowedTypes: [Teaser] }`).
 */
export type WrittenItemEntry = WrittenItemType | WrittenItem;
/**
 * The data type of each item of an array: any property type but `array`.
 */
export type WrittenItemType =
  | 'string'
  | 'url'
  | 'boolean'
  | 'integer'
  | 'float'
  | 'dateTime'
  | 'contentReference'
  | 'content'
  | 'link'
  | 'richText'
  | 'json'
  | 'component'
  | 'binary';
/**
 * A property format key (`shortString`, `selectOne`, `selectMany`, `LinkCollection`, …): refines how the type is stored and edited.
 */
export type Format = string;
/**
 * For `component` properties and items: the key of the component type held.
 */
export type ComponentContentType = string;
/**
 * A number for `integer` and `float`, an ISO 8601 date-time for `dateTime`.
 */
export type WrittenBound = number | string;
/**
 * The allowed values, in display order: a list of values (`[news, blog]`: each value is its own display name), a map of value to display name (`{ s: Small, m: Medium }`), or a list of `{ value, displayName }`.
 */
export type WrittenEnum = WrittenEnumMap | WrittenEnumEntry[];
export type WrittenEnumEntry = WrittenEnumValue | (string | number);
/**
 * For `content` and `contentReference`: content type keys or base types (`_image`).
 */
export type TypeList = string[];
/**
 * A group key (its display name is the key) or a full group definition.
 */
export type WrittenPropertyGroupEntry = TypeKey | WrittenPropertyGroup;

/**
 * A content type as people write it. Shorthands (bare type names, `string[]`, enum value lists and maps, role names in accessRights, `page` for `_page`) convert losslessly to the canonical model.
 */
export interface WrittenContentType {
  key: TypeKey;
  /**
   * What kind of content this type describes. Immutable after creation. Required, except for contracts (`isContract: true`), which have none. The preview2 spelling without the underscore (`page`) is accepted and means the same as `_page`.
   */
  baseType?:
    | '_page'
    | '_component'
    | '_media'
    | '_image'
    | '_video'
    | '_folder'
    | '_experience'
    | '_section'
    | '_element'
    | 'page'
    | 'component'
    | 'media'
    | 'image'
    | 'video'
    | 'folder'
    | 'experience'
    | 'section'
    | 'element';
  /**
   * `true` makes this a contract: a shared set of properties other types implement through `contracts`. A contract has no `baseType`.
   */
  isContract?: boolean;
  renamedFrom?: TypeKey1;
  /**
   * `true`: catalyst refuses to delete this type, even when its YAML is deleted (the protection is recorded in the lockfile when applied). Remove it first, in its own reviewed change, to allow a delete. Not sent to the CMS.
   */
  protect?: boolean;
  /**
   * The name editors see. Defaults to the key.
   */
  displayName?: string;
  /**
   * Help text editors see when they create content of this type.
   */
  description?: string;
  /**
   * Position among the content types in the editor's list (default 0).
   */
  sortOrder?: number;
  /**
   * Which types may be created below content of this type: type keys, base types (`_page`) or `*` for any.
   */
  mayContainTypes?: string[];
  /**
   * For media types: the file extensions this type handles, without dot (`jpg`, `png`).
   */
  mediaFileExtensions?: string[];
  /**
   * For `_component` types: where Visual Builder may place them.
   */
  compositionBehaviors?: ('sectionEnabled' | 'elementEnabled' | 'formsElementEnabled')[];
  /**
   * Keys of the contracts this type implements.
   */
  contracts?: TypeKey[];
  /**
   * Who may create content of this type. Absent: everyone. An empty list: nobody. A bare name is a role (`- WebEditors`); write `{ name, type: user }` for a user or an application.
   */
  accessRights?: WrittenAccessRightEntry[];
  /**
   * The properties, keyed by property key. A value is a full definition (`{ type: string, required: true }`), a bare type name (`richText`) or an array of an item type (`string[]`).
   */
  properties?: {
    [k: string]: WrittenPropertyEntry | undefined;
  };
}
export interface WrittenAccessRight {
  /**
   * The user, role or application name.
   */
  name: string;
  /**
   * What `name` names (default `role`).
   */
  type?: 'user' | 'role' | 'application';
}
/**
 * A property definition.
 */
export interface WrittenProperty {
  type: WrittenPropertyType;
  renamedFrom?: WrittenPropertyKey;
  items?: WrittenItemEntry;
  /**
   * The name editors see.
   */
  displayName?: string;
  /**
   * Help text editors see.
   */
  description?: string;
  /**
   * Editors must give a value (default false).
   */
  required?: boolean;
  /**
   * The value differs per language (default false).
   */
  localized?: boolean;
  /**
   * Key of the property group (tab) the property appears in; absent lets the platform choose.
   */
  group?: string;
  /**
   * Position within its group (default 0).
   */
  sortOrder?: number;
  /**
   * How the search index treats the value. `searchable` and `queryable` are only allowed on primitive types.
   */
  indexingType?: 'disabled' | 'queryable' | 'searchable';
  /**
   * `hidden` keeps the property out of the editing UI (default `available`).
   */
  displayMode?: 'available' | 'hidden';
  /**
   * For arrays: the fewest items.
   */
  minItems?: number;
  /**
   * For arrays: the most items.
   */
  maxItems?: number;
  /**
   * For `binary` properties: the image rendition to generate.
   */
  imageDescriptor?: {
    width?: number;
    height?: number;
    pregenerated?: boolean;
  };
  format?: Format;
  contentType?: ComponentContentType;
  minimum?: WrittenBound;
  maximum?: WrittenBound;
  enum?: WrittenEnum;
  /**
   * For strings: the fewest characters.
   */
  minLength?: number;
  /**
   * For strings: the most characters.
   */
  maxLength?: number;
  /**
   * For strings: a regular expression the value must match.
   */
  pattern?: string;
  allowedTypes?: TypeList;
  restrictedTypes?: TypeList;
  editorSettings?: EditorSettings;
}
/**
 * The items of an array property.
 */
export interface WrittenItem {
  type: WrittenItemType;
  format?: Format;
  contentType?: ComponentContentType;
  minimum?: WrittenBound;
  maximum?: WrittenBound;
  enum?: WrittenEnum;
  /**
   * For strings: the fewest characters.
   */
  minLength?: number;
  /**
   * For strings: the most characters.
   */
  maxLength?: number;
  /**
   * For strings: a regular expression the value must match.
   */
  pattern?: string;
  allowedTypes?: TypeList;
  restrictedTypes?: TypeList;
  editorSettings?: EditorSettings;
}
/**
 * Value → display name, in display order.
 */
export interface WrittenEnumMap {
  [k: string]: string | undefined;
}
export interface WrittenEnumValue {
  value: string | number;
  displayName: string;
}
/**
 * Settings passed to the editor, e.g. `{ preset: minimal }` for rich text.
 */
export interface EditorSettings {
  [k: string]: unknown | undefined;
}
/**
 * A list of property groups: the tabs properties are arranged in.
 */
export interface WrittenPropertyGroups {
  propertyGroups: WrittenPropertyGroupEntry[];
}
export interface WrittenPropertyGroup {
  key: TypeKey;
  /**
   * The tab name editors see. Defaults to the key.
   */
  displayName?: string;
  /**
   * Position of the tab (default 0).
   */
  sortOrder?: number;
}
/**
 * A list of display templates.
 */
export interface WrittenDisplayTemplates {
  displayTemplates: WrittenDisplayTemplate[];
}
/**
 * A display template: the display settings editors choose from when they render content. It applies to at most one of a node type, a base type or a content type; to all content when it names none.
 */
export interface WrittenDisplayTemplate {
  key: string;
  displayName: string;
  /**
   * A layout node type, e.g. `row` or `column`.
   */
  nodeType?: string;
  /**
   * A base type, e.g. `_section`; the spelling without the underscore is accepted.
   */
  baseType?:
    | '_page'
    | '_component'
    | '_media'
    | '_image'
    | '_video'
    | '_folder'
    | '_experience'
    | '_section'
    | '_element'
    | 'page'
    | 'component'
    | 'media'
    | 'image'
    | 'video'
    | 'folder'
    | 'experience'
    | 'section'
    | 'element';
  /**
   * The key of the content type it applies to.
   */
  contentType?: string;
  /**
   * The template editors get when they pick none.
   */
  isDefault?: boolean;
  /**
   * Per setting key.
   */
  settings?: {
    [k: string]: DisplaySetting | undefined;
  };
}
export interface DisplaySetting {
  displayName: string;
  /**
   * How editors pick a value: `select` (a list of choices) or `checkbox`.
   */
  editor?: string;
  sortOrder?: number;
  /**
   * Per choice key.
   */
  choices?: {
    [k: string]: DisplayChoice | undefined;
  };
}
export interface DisplayChoice {
  displayName: string;
  sortOrder?: number;
}
