import { isJsonObject, type Json, type JsonObject } from '../json.js';
import type { FieldError } from '../http/problem.js';
import type { ContentTypeDoc, ItemDoc, PropertyDoc, Stored } from '../store/documents.js';
import { BASE_TYPES, baseTypeToWire, storeName, wireName, type Dialect } from './dialect.js';

/** A request body in store spelling, not yet validated; `null` members survive (merge patch needs them). */
export interface Decoded {
  value: JsonObject;
  /** Problems with the dialect's own spelling (e.g. a preview2 base type with an underscore). */
  errors: FieldError[];
  /** Store paths already reported in `errors`, which validation must not report again. */
  reported: Set<string>;
}

/**
 * Reads a content type (or a merge patch of one) in the dialect's spelling: keeps the members the
 * dialect knows, renames them to store spelling, and ignores the rest [DOC: "unknown request
 * fields are ignored"]. Read-only members such as `source` and `created` are ignored the same way.
 */
export function decodeContentType(dialect: Dialect, input: JsonObject): Decoded {
  const decoded: Decoded = { value: {}, errors: [], reported: new Set() };
  for (const [name, value] of Object.entries(input)) {
    if (!dialect.contentTypeFields.includes(name)) continue;
    if (name === 'baseType') {
      decodeBaseType(dialect, value, decoded);
    } else if (name === 'properties' && isJsonObject(value)) {
      const properties: JsonObject = {};
      for (const [key, property] of Object.entries(value)) {
        properties[key] = isJsonObject(property)
          ? decodeValue(dialect, property, `properties.${key}`, dialect.propertyFields, decoded)
          : property;
      }
      decoded.value.properties = properties;
    } else {
      decoded.value[name] = value;
    }
  }
  return decoded;
}

function decodeValue(dialect: Dialect, input: JsonObject, path: string, fields: readonly string[], decoded: Decoded): JsonObject {
  const output: JsonObject = {};
  for (const [wire, value] of Object.entries(input)) {
    const name = storeName(dialect, wire);
    if (!fields.includes(name) || wireName(dialect, name) !== wire) continue;
    if (name === 'items' && isJsonObject(value)) {
      output.items = decodeValue(dialect, value, `${path}.items`, dialect.itemFields, decoded);
    } else if (name === 'enum' && dialect.enumWrapped) {
      const unwrapped = unwrapEnum(value);
      if (unwrapped === undefined) {
        decoded.errors.push({
          field: `${path}.enum`,
          detail: "The value did not match the expected type: preview2 expects an object with a 'values' list.",
        });
        decoded.reported.add(`${path}.enum`);
      } else {
        output.enum = unwrapped;
      }
    } else {
      output[name] = value;
    }
  }
  return output;
}

function decodeBaseType(dialect: Dialect, value: Json, decoded: Decoded): void {
  if (!dialect.bareBaseTypes || typeof value !== 'string') {
    decoded.value.baseType = value;
    return;
  }
  // preview2 reads base types as an enum, which ASP.NET parses without regard to case [P2][INF].
  const v1 = `_${value.toLowerCase()}`;
  if ((BASE_TYPES as readonly string[]).includes(v1)) {
    decoded.value.baseType = v1;
    return;
  }
  decoded.errors.push({
    field: 'baseType',
    detail: `'${value}' is not a base type; use one of ${BASE_TYPES.map((type) => type.slice(1)).join(', ')}.`,
  });
  decoded.reported.add('baseType');
}

function unwrapEnum(value: Json): Json | undefined {
  if (value === null) return null;
  if (isJsonObject(value) && 'values' in value) return value.values ?? null;
  return undefined;
}

/** Server-managed members each dialect returns [V1][P3][P2]. */
function auditFields(dialect: Dialect): readonly string[] {
  return dialect.id === 'v1' ? ['created', 'createdBy', 'lastModified', 'lastModifiedBy'] : ['created', 'lastModified', 'lastModifiedBy'];
}

/** Writes a stored content type in the dialect's spelling, members in the specification's order. */
export function encodeContentType(dialect: Dialect, stored: Stored<ContentTypeDoc>): JsonObject {
  const { doc } = stored;
  const output: JsonObject = {};
  const audit = stored.audit as unknown as JsonObject;
  for (const name of ORDER) {
    if (name === 'source') {
      output.source = stored.source;
    } else if (name === 'audit') {
      for (const field of auditFields(dialect)) output[field] = audit[field] ?? null;
    } else if (name === 'properties') {
      output.properties = encodeProperties(dialect, doc.properties);
    } else if (name === 'isContract') {
      if (dialect.contentTypeFields.includes(name)) output.isContract = doc.isContract === true;
    } else if (dialect.contentTypeFields.includes(name)) {
      const value = (doc as unknown as JsonObject)[name];
      if (value === undefined) continue;
      if (name === 'baseType' && typeof value === 'string') output[name] = baseTypeToWire(dialect, value);
      else if (name === 'mayContainTypes') output[name] = referencesToWire(dialect, value);
      else output[name] = structuredClone(value);
    }
  }
  return output;
}

const ORDER = [
  'key',
  'displayName',
  'description',
  'baseType',
  'isContract',
  'source',
  'sortOrder',
  'mayContainTypes',
  'mediaFileExtensions',
  'compositionBehaviors',
  'contracts',
  'audit',
  'properties',
  'accessRights',
] as const;

function encodeProperties(dialect: Dialect, properties: Record<string, PropertyDoc>): JsonObject {
  const output: JsonObject = {};
  for (const [key, property] of Object.entries(properties)) output[key] = encodeValue(dialect, property, dialect.propertyFields);
  return output;
}

/**
 * Members the dialect does not know are left out, except the property and item types themselves:
 * a type created elsewhere (say `richText` on preview2) reads back as it is (FIDELITY.md).
 */
function encodeValue(dialect: Dialect, value: PropertyDoc | ItemDoc, fields: readonly string[]): JsonObject {
  const output: JsonObject = {};
  for (const [name, member] of Object.entries(value) as Array<[string, Json | ItemDoc | undefined]>) {
    if (member === undefined || !fields.includes(name)) continue;
    if (name === 'items') {
      output.items = encodeValue(dialect, member as ItemDoc, dialect.itemFields);
    } else if (name === 'enum' && dialect.enumWrapped) {
      output.enum = { values: structuredClone(member as Json) };
    } else if (name === 'allowedTypes' || name === 'restrictedTypes') {
      output[name] = referencesToWire(dialect, member as Json);
    } else {
      output[wireName(dialect, name)] = structuredClone(member as Json);
    }
  }
  return output;
}

/**
 * Type references are kept as written, but v1 and preview3 answer a preview2 base-type name
 * (`Image`, `component`: any case, no underscore) in their own spelling (`_image`, `_component`):
 * the corpus's vercel-demo types pulled through preview2 list `Image`, `Media`, `component`, and
 * the same types re-pulled from a preview3-era CMS list `_image`, `_media`, `_component` [CORPUS].
 * preview2 answers them as written, as those pulls show.
 */
function referencesToWire(dialect: Dialect, value: Json): Json {
  if (dialect.bareBaseTypes || !Array.isArray(value)) return structuredClone(value);
  return value.map((reference) => {
    if (typeof reference !== 'string' || reference.startsWith('_')) return reference;
    const v1 = `_${reference.toLowerCase()}`;
    return (BASE_TYPES as readonly string[]).includes(v1) ? v1 : reference;
  });
}
