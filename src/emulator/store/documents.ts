import type { JsonObject } from '../json.js';

/**
 * What the store keeps: the v1 wire shape of each resource, after validation, without
 * server-managed members and without `null` members (the API writes no nulls; null and absent
 * mean the same). Dialects translate at the edge.
 */

export interface EnumValueDoc {
  value: string | number;
  displayName: string;
}

export interface ValueDoc {
  format?: string;
  contentType?: string;
  minimum?: number | string;
  maximum?: number | string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: EnumValueDoc[];
  allowedTypes?: string[];
  restrictedTypes?: string[];
  editorSettings?: JsonObject;
}

export interface ItemDoc extends ValueDoc {
  type: string;
}

export interface PropertyDoc extends ValueDoc {
  type: string;
  displayName?: string;
  description?: string;
  isLocalized?: boolean;
  isRequired?: boolean;
  group?: string;
  sortOrder?: number;
  indexingType?: string;
  displayMode?: string;
  minItems?: number;
  maxItems?: number;
  items?: ItemDoc;
  /** preview3/preview2 only. */
  imageDescriptor?: { width?: number; height?: number; pregenerated?: boolean };
  /** preview2 only. */
  editor?: string;
}

export interface AccessRightDoc {
  name: string;
  type?: string;
}

export interface ContentTypeDoc {
  key: string;
  displayName: string;
  description?: string;
  /** v1 spelling (`_page`); absent for contracts. */
  baseType?: string;
  isContract?: boolean;
  sortOrder?: number;
  mayContainTypes?: string[];
  mediaFileExtensions?: string[];
  compositionBehaviors?: string[];
  contracts?: string[];
  /** Absent: everyone may create content of the type; empty: nobody may [V1]. */
  accessRights?: AccessRightDoc[];
  properties: Record<string, PropertyDoc>;
}

export interface PropertyGroupDoc {
  key: string;
  displayName: string;
  sortOrder?: number;
}

export interface DisplaySettingChoiceDoc {
  displayName: string;
  sortOrder?: number;
}

export interface DisplaySettingDoc {
  displayName: string;
  editor?: string;
  sortOrder?: number;
  choices?: Record<string, DisplaySettingChoiceDoc>;
}

export interface DisplayTemplateDoc {
  key: string;
  displayName: string;
  nodeType?: string;
  /** v1 spelling when it names a base type. */
  baseType?: string;
  contentType?: string;
  isDefault?: boolean;
  settings?: Record<string, DisplaySettingDoc>;
}

/** Who changed a resource and when; ISO timestamps. */
export interface Audit {
  created: string;
  createdBy: string;
  lastModified: string;
  lastModifiedBy: string;
}

/** One stored resource with its version. `source` is non-empty exactly for system resources. */
export interface Stored<D> {
  doc: D;
  source: string;
  audit: Audit;
  /** Strong entity tag, quotes included; changes on every write that changes the resource. */
  etag: string;
}

/** A content item: enough of the content API to make items real (FIDELITY.md). */
export interface ContentItemRecord {
  key: string;
  contentType: string;
  container?: string;
  owner?: string;
  displayName: string;
  locale?: string;
  properties: JsonObject;
  status: 'draft' | 'published';
  audit: Audit;
  etag: string;
}
