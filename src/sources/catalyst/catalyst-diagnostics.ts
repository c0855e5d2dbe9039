import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import type { CatalystContentTypeRow, CatalystWebsiteRow } from './read/catalyst-rows.js';

/**
 * Stable diagnostic codes of the Catalyst Studio source, listed in docs/codes.md.
 * CAT0xx: the database; CAT1xx: a row's JSON; CAT2xx: field mapping; CAT3xx: relationships;
 * CAT4xx: keys and overrides; CAT6xx: export. Re-import conflicts are per-type plan actions.
 */
export const CATALYST_CODES = {
  fileNotFound: 'CAT001',
  notADatabase: 'CAT002',
  missingTable: 'CAT003',
  missingColumn: 'CAT004',
  unknownWebsite: 'CAT005',
  ambiguousWebsite: 'CAT006',
  oddTimestamp: 'CAT007',
  malformedItemData: 'CAT008',
  malformedFieldsJson: 'CAT101',
  unexpectedFieldsShape: 'CAT102',
  malformedSettingsJson: 'CAT103',
  malformedField: 'CAT104',
  nameMismatch: 'CAT105',
  unknownFieldType: 'CAT201',
  badArrayItem: 'CAT202',
  badObjectField: 'CAT203',
  badOptions: 'CAT204',
  noOptimizelyHome: 'CAT205',
  numberFallback: 'CAT206',
  selectWithoutOptions: 'CAT207',
  badAttributeValue: 'CAT208',
  unknownAttribute: 'CAT209',
  relationshipTargetMissing: 'CAT301',
  badRelationship: 'CAT302',
  relationshipFieldClash: 'CAT303',
  relationshipTargetNotImported: 'CAT304',
  keyCollision: 'CAT401',
  keyMadeValid: 'CAT402',
  propertyKeyCollision: 'CAT403',
  badOverride: 'CAT404',
  notRepresentable: 'CAT601',
  destructiveSkipped: 'CAT602',
  websiteRequired: 'CAT603',
  writeFailed: 'CAT604',
  unreadableRow: 'CAT605',
} as const;

/** A code of the Catalyst Studio source. */
export type CatalystCode = (typeof CATALYST_CODES)[keyof typeof CATALYST_CODES];

/**
 * What each code means and how severe it is, for docs/codes.md (npm run gen:docs). A code does
 * not compile until it is described here.
 */
export const CATALYST_CODE_CATALOGUE = {
  CAT001: { severity: 'error', meaning: 'database file not found' },
  CAT002: { severity: 'error', meaning: 'not a SQLite database' },
  CAT003: { severity: 'error', meaning: 'table `Website` or `ContentType` missing: not a Catalyst Studio database' },
  CAT004: { severity: 'error', meaning: 'a required column is missing' },
  CAT005: { severity: 'error', meaning: '`--website` names no website (the known ones are listed)' },
  CAT006: { severity: 'error', meaning: '`--website` name matches several websites' },
  CAT007: { severity: 'warning', meaning: 'unreadable timestamp' },
  CAT008: { severity: 'warning', meaning: "a content item's data is not JSON (ignored as evidence)" },
  CAT101: { severity: 'error', meaning: '`ContentType.fields` is not valid JSON: the row is not imported' },
  CAT102: { severity: 'error', meaning: '`fields` is neither shape: the row is not imported' },
  CAT103: { severity: 'warning', meaning: '`settings` is not a JSON object (ignored)' },
  CAT104: { severity: 'error', meaning: 'a field without a string name or type (left out)' },
  CAT105: { severity: 'warning', meaning: 'the wrapper name differs from the name column' },
  CAT201: { severity: 'error', meaning: 'unknown field type (the field is left out; header "NOT IMPORTED")' },
  CAT202: { severity: 'error', meaning: 'array without a usable `itemType`' },
  CAT203: { severity: 'error', meaning: 'object without usable nested fields' },
  CAT204: { severity: 'error', meaning: 'options that cannot be an enum (not a list, boolean values, mixed types)' },
  CAT205: { severity: 'warning', meaning: 'a value with no Optimizely equivalent (also in the YAML header)' },
  CAT206: { severity: 'warning', meaning: 'number mapped to float without evidence' },
  CAT207: { severity: 'warning', meaning: 'select without options' },
  CAT208: { severity: 'warning', meaning: 'an attribute with an unusable value (left out)' },
  CAT209: { severity: 'warning', meaning: 'an attribute this importer does not know (also in the header)' },
  CAT301: { severity: 'error', meaning: 'relationship target id not found' },
  CAT302: { severity: 'error', meaning: 'malformed relationship' },
  CAT303: { severity: 'error', meaning: 'relationship name clashes with a non-reference field' },
  CAT304: { severity: 'warning', meaning: 'relationship target is in a website not imported' },
  CAT401: { severity: 'warning', meaning: 'key collision resolved by a prefix or number' },
  CAT402: { severity: 'warning', meaning: 'field name made into a valid property key' },
  CAT403: { severity: 'warning', meaning: 'two fields give one property key' },
  CAT404: { severity: 'error', meaning: 'a malformed or unused `--base-type` / `--number`' },
  CAT601: { severity: 'warning', meaning: 'export: a YAML value Catalyst Studio cannot hold' },
  CAT602: { severity: 'warning', meaning: 'export: a deletion skipped (needs `--allow-destructive`)' },
  CAT603: { severity: 'error', meaning: 'export: which website should new types go to' },
  CAT604: { severity: 'error', meaning: 'export: SQLite refused a write; rolled back' },
  CAT605: { severity: 'error', meaning: "export: a YAML type's row cannot be read; not written (never duplicated)" },
} as const satisfies { [C in CatalystCode]: { severity: Severity; meaning: string } };

/** Where in the database a problem is: the row, and inside it a field or relationship. */
export interface RowContext {
  website: CatalystWebsiteRow | undefined;
  row: CatalystContentTypeRow;
}

/** `website "X" (id), content type "Y" (id)`: every row diagnostic names the row this way. */
export function describeRow(context: RowContext): string {
  const website = context.website
    ? `website "${context.website.name}" (${context.website.id})`
    : `website ${context.row.websiteId} (not found)`;
  return `${website}, content type "${context.row.name}" (${context.row.id})`;
}

export function rowDiagnostic(
  severity: Severity,
  code: string,
  context: RowContext,
  init: { summary: string; detail: string; field?: string },
): Diagnostic {
  const where = init.field === undefined ? describeRow(context) : `${describeRow(context)}, field "${init.field}"`;
  return {
    code,
    severity,
    summary: init.summary,
    detail: `In ${where}: ${init.detail}`,
    path: init.field === undefined ? `ContentType/${context.row.id}` : `ContentType/${context.row.id}/fields/${init.field}`,
  };
}

/** A value as it may appear in a message: JSON, cut to a readable length. */
export function quote(value: unknown, max = 60): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
