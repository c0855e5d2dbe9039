import type { Diagnostic } from '../../../core/diagnostic.js';
import { CATALYST_CODES, quote, rowDiagnostic, type RowContext } from '../catalyst-diagnostics.js';

/**
 * The two JSON shapes of `ContentType.fields`:
 * `wrapper` (Shape A, written by the app service and AI tools: `{name, pluralName, icon?,
 * description?, fields: [...], relationships: [...]}`) and `array` (Shape B, written by the seed
 * script: a bare array of fields with ad-hoc attributes).
 */
export const FIELDS_SHAPES = ['wrapper', 'array'] as const;
export type FieldsShape = (typeof FIELDS_SHAPES)[number];

export type JsonObject = Record<string, unknown>;

/** A field as stored, with its position in the stored array (the tie-breaker for ordering). */
export interface RawField {
  index: number;
  name: string;
  type: string;
  attributes: JsonObject;
}

export interface RawRelationship {
  index: number;
  attributes: JsonObject;
}

export interface ParsedContentTypeRow {
  shape: FieldsShape;
  fields: RawField[];
  relationships: RawRelationship[];
  /** Shape A's wrapper members other than `fields` and `relationships`; empty for Shape B. */
  wrapper: JsonObject;
  /** Shape A's member names in stored order (an export keeps it); empty for Shape B. */
  memberOrder: string[];
  /** The `settings` column as an object; empty when NULL, absent or unreadable (reported). */
  settings: JsonObject;
}

/**
 * Detects the shape of a row's `fields` JSON and splits it into fields and relationships.
 * A row whose `fields` cannot be read at all gives `undefined` and an error; single bad entries
 * are reported and left out while the rest of the row is kept.
 */
export function parseContentTypeRow(context: RowContext): { parsed?: ParsedContentTypeRow; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let value: unknown;
  try {
    value = JSON.parse(context.row.fieldsJson);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push(
      rowDiagnostic('error', CATALYST_CODES.malformedFieldsJson, context, {
        summary: 'Malformed JSON in ContentType.fields',
        detail: `the "fields" column is not valid JSON (${reason}). The content type was not imported; fix or re-save it in Catalyst Studio.`,
      }),
    );
    return { diagnostics };
  }

  let shape: FieldsShape;
  let fieldList: unknown;
  let relationshipList: unknown = [];
  let wrapper: JsonObject = {};
  let memberOrder: string[] = [];
  if (Array.isArray(value)) {
    shape = 'array';
    fieldList = value;
  } else if (isObject(value) && Array.isArray(value.fields)) {
    shape = 'wrapper';
    const { fields, relationships, ...rest } = value;
    fieldList = fields;
    relationshipList = relationships ?? [];
    wrapper = rest;
    memberOrder = Object.keys(value);
  } else {
    diagnostics.push(
      rowDiagnostic('error', CATALYST_CODES.unexpectedFieldsShape, context, {
        summary: 'ContentType.fields has neither known shape',
        detail: `the "fields" column holds ${quote(value)}, which is neither a bare array of fields nor an object with a "fields" array. The content type was not imported; re-save it in Catalyst Studio.`,
      }),
    );
    return { diagnostics };
  }

  const fields: RawField[] = [];
  (fieldList as unknown[]).forEach((entry, index) => {
    if (isObject(entry) && typeof entry.name === 'string' && entry.name !== '' && typeof entry.type === 'string') {
      fields.push({ index, name: entry.name, type: entry.type, attributes: entry });
      return;
    }
    diagnostics.push(
      rowDiagnostic('error', CATALYST_CODES.malformedField, context, {
        summary: 'Field without a name or type',
        field: isObject(entry) && typeof entry.name === 'string' ? entry.name : `#${index}`,
        detail: `entry ${index} of the fields list is ${quote(entry)}; a field needs a string "name" and "type". It was left out; fix it in Catalyst Studio.`,
      }),
    );
  });

  const relationships: RawRelationship[] = [];
  if (Array.isArray(relationshipList)) {
    relationshipList.forEach((entry, index) => {
      if (isObject(entry)) relationships.push({ index, attributes: entry });
      else
        diagnostics.push(
          rowDiagnostic('error', CATALYST_CODES.badRelationship, context, {
            summary: 'Relationship is not an object',
            detail: `entry ${index} of "relationships" is ${quote(entry)}. It was left out; fix it in Catalyst Studio.`,
          }),
        );
    });
  } else {
    diagnostics.push(
      rowDiagnostic('error', CATALYST_CODES.badRelationship, context, {
        summary: 'Relationships are not a list',
        detail: `"relationships" holds ${quote(relationshipList)} instead of a list. No relationship of this type was imported; fix it in Catalyst Studio.`,
      }),
    );
  }

  return { parsed: { shape, fields, relationships, wrapper, memberOrder, settings: parseSettings(context, diagnostics) }, diagnostics };
}

function parseSettings(context: RowContext, diagnostics: Diagnostic[]): JsonObject {
  const text = context.row.settingsJson;
  if (text === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (isObject(value)) return value;
  if (value === null) return {};
  diagnostics.push(
    rowDiagnostic('warning', CATALYST_CODES.malformedSettingsJson, context, {
      summary: 'ContentType.settings is not a JSON object',
      detail: `the "settings" column holds ${quote(text)}, which is not a JSON object. It was ignored (it carries no property definitions); re-save the type in Catalyst Studio to repair it.`,
    }),
  );
  return {};
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
