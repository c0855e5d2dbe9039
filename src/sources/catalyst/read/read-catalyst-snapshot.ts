import type { Diagnostic } from '../../../core/diagnostic.js';
import { CATALYST_CODES } from '../catalyst-diagnostics.js';
import type { CatalystContentTypeRow, CatalystSnapshot, CatalystWebsiteRow, ContentItemEvidence } from './catalyst-rows.js';
import type { OpenedCatalystDatabase } from './open-catalyst-database.js';
import { compareCodeUnits } from '../../../core/compare-code-units.js';

/**
 * Reads websites, content types and the evidence in content items from an opened database.
 * Rows are returned in a deterministic order; their JSON columns are left as text for the mapper.
 */
export function readCatalystSnapshot(
  { db, columns }: OpenedCatalystDatabase,
  file: string,
): { snapshot: CatalystSnapshot; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const has = (table: string, column: string): boolean => columns[table]?.has(column) ?? false;
  const optional = (table: string, column: string): string => (has(table, column) ? `"${column}"` : 'NULL');

  const websites = (
    db.prepare(`SELECT "id", "name", ${optional('Website', 'category')} AS "category" FROM "Website"`).all() as Array<
      Record<string, unknown>
    >
  ).map((row): CatalystWebsiteRow => ({ id: String(row.id), name: String(row.name), category: nullableString(row.category) }));
  const websiteName = new Map(websites.map((website) => [website.id, website.name]));

  const rawTypes = db
    .prepare(
      `SELECT "id", "websiteId", "name", "fields", ${optional('ContentType', 'settings')} AS "settings",
        ${optional('ContentType', 'category')} AS "category", ${optional('ContentType', 'createdAt')} AS "createdAt",
        "updatedAt" FROM "ContentType"`,
    )
    .all() as Array<Record<string, unknown>>;
  const contentTypes = rawTypes.map((row): CatalystContentTypeRow => {
    const id = String(row.id);
    return {
      id,
      websiteId: String(row.websiteId),
      name: String(row.name),
      fieldsJson: typeof row.fields === 'string' ? row.fields : String(row.fields),
      settingsJson: nullableString(row.settings),
      category: nullableString(row.category),
      createdAt: decodeTimestamp(row.createdAt, `ContentType ${id} createdAt`, diagnostics),
      updatedAt: decodeTimestamp(row.updatedAt, `ContentType ${id} updatedAt`, diagnostics),
    };
  });
  contentTypes.sort(
    (a, b) =>
      compareCodeUnits(websiteName.get(a.websiteId) ?? a.websiteId, websiteName.get(b.websiteId) ?? b.websiteId) ||
      compareCodeUnits(a.websiteId, b.websiteId) ||
      compareCodeUnits(a.name, b.name) ||
      compareCodeUnits(a.createdAt ?? '', b.createdAt ?? '') ||
      compareCodeUnits(a.id, b.id),
  );

  const evidence =
    has('ContentItem', 'contentTypeId') && has('ContentItem', 'data') ? readEvidence(db, has('ContentItem', 'slug'), diagnostics) : {};
  return { snapshot: { file, websites, contentTypes, evidence }, diagnostics };
}

function readEvidence(db: OpenedCatalystDatabase['db'], hasSlug: boolean, diagnostics: Diagnostic[]): Record<string, ContentItemEvidence> {
  const rows = db
    .prepare(`SELECT "id", "contentTypeId", "data", ${hasSlug ? '"slug"' : 'NULL'} AS "slug" FROM "ContentItem" ORDER BY "id"`)
    .all() as Array<{ id: string; contentTypeId: string; data: unknown; slug: unknown }>;
  const evidence: Record<string, ContentItemEvidence> = {};
  for (const row of rows) {
    const entry = (evidence[row.contentTypeId] ??= { itemCount: 0, itemsWithSlug: 0, numbers: {} });
    entry.itemCount += 1;
    if (typeof row.slug === 'string' && row.slug.trim() !== '') entry.itemsWithSlug += 1;
    let data: unknown;
    try {
      data = JSON.parse(String(row.data));
    } catch {
      diagnostics.push({
        code: CATALYST_CODES.malformedItemData,
        severity: 'warning',
        summary: 'Content item data is not valid JSON',
        detail: `ContentItem ${row.id} (content type ${row.contentTypeId}) has a "data" column that is not valid JSON; it is ignored as evidence for number types. Fix the row in Catalyst Studio if its content matters.`,
        path: `ContentItem/${row.id}/data`,
      });
      continue;
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === 'number' && Number.isFinite(value)) (entry.numbers[key] ??= []).push(value);
    }
  }
  return evidence;
}

const SQLITE_TEXT_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;

/**
 * Prisma stores DateTime as integer milliseconds; rows inserted outside Prisma hold SQLite's
 * `CURRENT_TIMESTAMP` text (UTC). Both become ISO 8601; anything else is reported and dropped.
 */
export function decodeTimestamp(value: unknown, what: string, diagnostics: Diagnostic[]): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'bigint') {
    const date = new Date(Number(value));
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  if (typeof value === 'string') {
    const text = SQLITE_TEXT_TIMESTAMP.exec(value);
    const date = new Date(text ? `${text[1]}T${text[2]}Z` : value);
    if (!Number.isNaN(date.getTime()) && (text || /^\d{4}-\d{2}-\d{2}T/.test(value))) return date.toISOString();
  }
  diagnostics.push({
    code: CATALYST_CODES.oddTimestamp,
    severity: 'warning',
    summary: 'Unreadable timestamp',
    detail: `${what} holds ${JSON.stringify(String(value))}, which is neither Prisma's integer milliseconds nor SQLite's "YYYY-MM-DD HH:MM:SS"; it is left out of the YAML header. Nothing else depends on it.`,
  });
  return null;
}

function nullableString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
