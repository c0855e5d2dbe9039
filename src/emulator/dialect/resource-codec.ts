import type { JsonObject } from '../json.js';
import type { DisplayTemplateDoc, PropertyGroupDoc, Stored } from '../store/documents.js';
import { baseTypeToWire, type Dialect } from './dialect.js';

const PROPERTY_GROUP_FIELDS = ['key', 'displayName', 'sortOrder'] as const;
const DISPLAY_TEMPLATE_FIELDS = ['key', 'displayName', 'nodeType', 'baseType', 'contentType', 'isDefault', 'settings'] as const;

/** Keeps the members a property group request may set; read-only and unknown members are ignored [DOC]. */
export function decodePropertyGroup(input: JsonObject): JsonObject {
  return pick(input, PROPERTY_GROUP_FIELDS);
}

export function decodeDisplayTemplate(input: JsonObject): JsonObject {
  return pick(input, DISPLAY_TEMPLATE_FIELDS);
}

/** preview2's PropertyGroup has no audit members [P2]. */
export function encodePropertyGroup(dialect: Dialect, stored: Stored<PropertyGroupDoc>): JsonObject {
  const { doc, audit } = stored;
  const output: JsonObject = { key: doc.key, displayName: doc.displayName, source: stored.source };
  if (doc.sortOrder !== undefined) output.sortOrder = doc.sortOrder;
  if (dialect.id === 'preview2') return output;
  output.created = audit.created;
  output.createdBy = audit.createdBy;
  output.lastModified = audit.lastModified;
  output.lastModifiedBy = audit.lastModifiedBy;
  return output;
}

export function encodeDisplayTemplate(dialect: Dialect, stored: Stored<DisplayTemplateDoc>): JsonObject {
  const { doc, audit } = stored;
  const output: JsonObject = { key: doc.key, displayName: doc.displayName };
  if (doc.nodeType !== undefined) output.nodeType = doc.nodeType;
  if (doc.baseType !== undefined) output.baseType = baseTypeToWire(dialect, doc.baseType);
  if (doc.contentType !== undefined) output.contentType = doc.contentType;
  if (doc.isDefault !== undefined) output.isDefault = doc.isDefault;
  output.created = audit.created;
  output.createdBy = audit.createdBy;
  output.lastModified = audit.lastModified;
  output.lastModifiedBy = audit.lastModifiedBy;
  if (doc.settings !== undefined) output.settings = structuredClone(doc.settings) as unknown as JsonObject;
  return output;
}

function pick(input: JsonObject, fields: readonly string[]): JsonObject {
  const output: JsonObject = {};
  for (const [name, value] of Object.entries(input)) if (fields.includes(name)) output[name] = value;
  return output;
}
