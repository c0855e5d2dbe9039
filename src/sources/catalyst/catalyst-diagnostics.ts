import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import type { CatalystContentTypeRow, CatalystWebsiteRow } from './catalyst-rows.js';

/**
 * Stable diagnostic codes of the Catalyst Studio source, documented in docs/catalyst-mapping.md.
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
