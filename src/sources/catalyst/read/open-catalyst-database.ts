import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { CATALYST_CODES } from '../catalyst-diagnostics.js';

/** Columns this source cannot work without, per table. Everything else is optional. */
const REQUIRED_COLUMNS = {
  Website: ['id', 'name'],
  ContentType: ['id', 'websiteId', 'name', 'fields', 'updatedAt'],
} as const;

/** The columns present in the tables this source reads (a table absent here does not exist). */
export type CatalystColumns = Record<string, ReadonlySet<string>>;

export interface OpenedCatalystDatabase {
  db: Database.Database;
  columns: CatalystColumns;
}

export type OpenResult =
  { ok: true; database: OpenedCatalystDatabase; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Opens a Catalyst Studio database and checks that it is one: the file exists, is SQLite, and has
 * the `Website` and `ContentType` tables with the columns the importer reads. Import opens it
 * read-only; export opens it for writing (after the caller made a backup copy).
 */
export function openCatalystDatabase(file: string, mode: { readonly: boolean }): OpenResult {
  if (!existsSync(file) || !statSync(file).isFile()) {
    return failure({
      code: CATALYST_CODES.fileNotFound,
      severity: 'error',
      summary: 'Catalyst Studio database not found',
      detail: `The file ${file} does not exist or is not a file. Pass the path of Catalyst Studio's SQLite database (often prisma/dev.db) with --db.`,
    });
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: mode.readonly, fileMustExist: true });
  } catch (error) {
    return failure(notADatabase(file, error));
  }
  let columns: CatalystColumns;
  try {
    columns = readColumns(db);
  } catch (error) {
    db.close();
    return failure(notADatabase(file, error));
  }
  const diagnostics = checkSchema(file, columns);
  if (diagnostics.length > 0) {
    db.close();
    return { ok: false, diagnostics };
  }
  return { ok: true, database: { db, columns }, diagnostics: [] };
}

function readColumns(db: Database.Database): CatalystColumns {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
  const columns: Record<string, Set<string>> = {};
  for (const { name } of tables) {
    const info = db.prepare(`PRAGMA table_info(${quoteIdentifier(name)})`).all() as Array<{ name: string }>;
    columns[name] = new Set(info.map((column) => column.name));
  }
  return columns;
}

function checkSchema(file: string, columns: CatalystColumns): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [table, required] of Object.entries(REQUIRED_COLUMNS)) {
    const present = columns[table];
    if (!present) {
      diagnostics.push({
        code: CATALYST_CODES.missingTable,
        severity: 'error',
        summary: `Table ${table} is missing`,
        detail: `The database ${file} has no ${table} table, so it is not a Catalyst Studio database (tables found: ${Object.keys(columns).sort().join(', ') || 'none'}). Pass the database Catalyst Studio's Prisma schema created.`,
        path: table,
      });
      continue;
    }
    for (const column of required) {
      if (!present.has(column)) {
        diagnostics.push({
          code: CATALYST_CODES.missingColumn,
          severity: 'error',
          summary: `Column ${table}.${column} is missing`,
          detail: `The ${table} table of ${file} has no "${column}" column (columns found: ${[...present].sort().join(', ')}). This source reads the schema of Catalyst Studio's SQLite era; pass such a database.`,
          path: `${table}.${column}`,
        });
      }
    }
  }
  return diagnostics;
}

function notADatabase(file: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: CATALYST_CODES.notADatabase,
    severity: 'error',
    summary: 'Not a SQLite database',
    detail: `The file ${file} could not be read as SQLite (${reason}). Pass Catalyst Studio's SQLite database file.`,
  };
}

function failure(diagnostic: Diagnostic): OpenResult {
  return { ok: false, diagnostics: [diagnostic] };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
