import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { POC_CATALYST_DB, SAMPLE_CATALYST_DB } from '../../../helpers/shared-data.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const SCHEMA = readFileSync(join(REPO, 'test/fixtures/catalyst/poc-era-schema.sql'), 'utf8');

/** The Catalyst Studio databases kept in test/fixtures/shared (copies of the project's shared data). */
export function sharedCatalystFile(name: 'sample-catalyst.db' | 'poc-db/catalyst-poc.db'): string {
  return name === 'sample-catalyst.db' ? SAMPLE_CATALYST_DB : POC_CATALYST_DB;
}

const made: string[] = [];

// Registered on the test file that imports these helpers: its temporary directories go when it ends.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'catalyst-studio-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of a shared database in a fresh temp dir, safe to write to. */
export function copyOfShared(name: Parameters<typeof sharedCatalystFile>[0]): string {
  const file = join(tempDir(), 'catalyst.db');
  copyFileSync(sharedCatalystFile(name), file);
  return file;
}

export interface WebsiteSeed {
  id: string;
  name: string;
  category?: string;
}

export interface ContentTypeSeed {
  id: string;
  websiteId: string;
  name: string;
  /** Written as given when a string (to test malformed JSON), else JSON.stringify'd. */
  fields: unknown;
  settings?: unknown;
  createdAt?: number | string;
  updatedAt?: number | string;
}

export interface ContentItemSeed {
  id: string;
  contentTypeId: string;
  websiteId: string;
  data: unknown;
  slug?: string | null;
}

export interface CatalystSeed {
  websites: WebsiteSeed[];
  contentTypes: ContentTypeSeed[];
  items?: ContentItemSeed[];
}

const MS = 1_755_000_000_000;

/** Builds a database with Catalyst Studio's PoC-era schema (replayed from the real DDL) and the given rows. */
export function createCatalystDb(seed: CatalystSeed, file = join(tempDir(), 'catalyst.db')): string {
  const db = new Database(file);
  try {
    db.exec(SCHEMA);
    const website = db.prepare('INSERT INTO Website (id, name, category, updatedAt) VALUES (?, ?, ?, ?)');
    for (const row of seed.websites) website.run(row.id, row.name, row.category ?? 'test', MS);
    const type = db.prepare(
      'INSERT INTO ContentType (id, websiteId, name, fields, settings, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    seed.contentTypes.forEach((row, index) => {
      type.run(
        row.id,
        row.websiteId,
        row.name,
        typeof row.fields === 'string' ? row.fields : JSON.stringify(row.fields),
        row.settings === undefined ? null : typeof row.settings === 'string' ? row.settings : JSON.stringify(row.settings),
        row.createdAt ?? MS + index,
        row.updatedAt ?? MS + index,
      );
    });
    const item = db.prepare('INSERT INTO ContentItem (id, contentTypeId, websiteId, data, updatedAt, slug) VALUES (?, ?, ?, ?, ?, ?)');
    for (const row of seed.items ?? []) {
      item.run(
        row.id,
        row.contentTypeId,
        row.websiteId,
        typeof row.data === 'string' ? row.data : JSON.stringify(row.data),
        MS,
        row.slug ?? null,
      );
    }
  } finally {
    db.close();
  }
  return file;
}
