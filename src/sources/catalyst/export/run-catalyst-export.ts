import type { ServerDefaults } from '../../../core/defaults.js';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Diagnostic } from '../../../core/diagnostic.js';
import type { ContentTypeDef } from '../../../core/model.js';
import { hasErrors } from '../../../core/diagnostic.js';
import { readLockfile } from '../../../io/lockfile/read-lockfile.js';
import { writeLockfile } from '../../../io/lockfile/write-lockfile.js';
import { CATALYST_CODES } from '../catalyst-diagnostics.js';
import type { CatalystSnapshot } from '../read/catalyst-rows.js';
import { importCatalystTypes, originIdentity } from '../map/import-catalyst-types.js';
import { NO_OVERRIDES } from '../map/imported-type.js';
import { openCatalystDatabase, type OpenedCatalystDatabase } from '../read/open-catalyst-database.js';
import { planCatalystExport, type CatalystExportPlan, type CatalystRowChange } from './plan-catalyst-export.js';
import { planReimport, type CatalystBaseEntry } from '../import/plan-reimport.js';
import { readCatalystSnapshot } from '../read/read-catalyst-snapshot.js';
import { catalystBase, readYaml, withCatalystBase } from '../import/run-catalyst-import.js';
import { assertNever } from '../../../core/assert-never.js';

export interface CatalystExportOptions {
  db: string;
  websites: readonly string[];
  /** The content types directory. */
  yamlDir: string;
  lockfilePath: string;
  cwd: string;
  allowDestructive: boolean;
  dryRun: boolean;
  now: Date;
  /** The target platform's defaults, which normalization removes. */
  defaults: ServerDefaults;
}

export interface CatalystExportOutcome {
  plan?: CatalystExportPlan;
  diagnostics: Diagnostic[];
  /** The backup copy made before writing; absent when nothing was written. */
  backup?: string;
}

/**
 * `catalyst export catalyst`: writes the YAML state into the Catalyst Studio database. The rows
 * are planned first (pure); then, unless it is a dry run or nothing changes, the database is
 * copied to `<db>.backup-<timestamp>` with SQLite's backup API and every change is written in one
 * transaction. Afterwards the lockfile records what Catalyst Studio now holds, so that a
 * re-import keeps what the YAML has and Catalyst cannot (it is the new merge base).
 */
export async function runCatalystExport(options: CatalystExportOptions): Promise<CatalystExportOutcome> {
  const file = resolve(options.cwd, options.db);
  const yaml = await readYaml(resolve(options.cwd, options.yamlDir), options.cwd, options.defaults);
  if (!yaml.types) return { diagnostics: yaml.diagnostics };
  const read = await readLockfile(options.lockfilePath, { cwd: options.cwd });
  if (!read.lock) return { diagnostics: [...yaml.diagnostics, ...read.diagnostics] };
  const base = catalystBase(read.lock);

  const opened = openCatalystDatabase(file, { readonly: options.dryRun });
  if (!opened.ok) return { diagnostics: [...yaml.diagnostics, ...opened.diagnostics] };
  const { database } = opened;
  let backup: string | undefined;
  let plan: CatalystExportPlan;
  let written: CatalystSnapshot;
  const diagnostics = [...yaml.diagnostics];
  try {
    const snapshot = readCatalystSnapshot(database, options.db);
    diagnostics.push(...snapshot.diagnostics);
    let counter = 0;
    const stamp = options.now.getTime();
    plan = planCatalystExport({
      snapshot: snapshot.snapshot,
      desired: [...yaml.types.values()].map((type) => type.def),
      base,
      websites: options.websites,
      allowDestructive: options.allowDestructive,
      defaults: options.defaults,
      newRowId: () => cuidLike(stamp, counter++),
      newFieldId: (name) => `field_${name}_${stamp}_${counter++}`,
    });
    diagnostics.push(...plan.diagnostics);
    if (options.dryRun || hasErrors(diagnostics) || plan.changes.length === 0) return { plan, diagnostics };
    backup = `${file}.backup-${options.now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')}`;
    await database.db.backup(backup);
    try {
      applyChanges(database, plan.changes, stamp);
    } catch (error) {
      diagnostics.push(writeFailed(options.db, backup, error));
      return { plan, diagnostics, backup };
    }
    written = readCatalystSnapshot(database, options.db).snapshot;
  } finally {
    database.db.close();
  }
  const lock = withCatalystBase(
    read.lock,
    recordExported(
      written,
      options.now,
      base,
      [...yaml.types.values()].map((type) => type.def),
      plan.changes,
      options.defaults,
    ),
  );
  await writeLockfile(resolve(options.cwd, options.lockfilePath), lock);
  return { plan, diagnostics, backup };
}

/** Every change in one transaction: all rows are written, or none. */
function applyChanges({ db }: OpenedCatalystDatabase, changes: readonly CatalystRowChange[], now: number): void {
  const update = db.prepare('UPDATE "ContentType" SET "name" = ?, "fields" = ?, "settings" = ?, "updatedAt" = ? WHERE "id" = ?');
  const insert = db.prepare(
    'INSERT INTO "ContentType" ("id", "websiteId", "name", "fields", "settings", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM "ContentType" WHERE "id" = ?');
  db.transaction(() => {
    for (const change of changes) {
      switch (change.kind) {
        case 'update':
          update.run(change.row.name, change.row.fieldsJson, change.row.settingsJson, now, change.row.id);
          break;
        case 'create':
          insert.run(change.row.id, change.row.websiteId, change.row.name, change.row.fieldsJson, change.row.settingsJson, now, now);
          break;
        case 'delete':
          remove.run(change.contentTypeId);
          break;
        default:
          assertNever(change, 'export change');
      }
    }
  })();
}

/**
 * The new merge base after an export: Catalyst Studio as it is now, for the types the YAML holds
 * (and without those the export deleted). Keys of generated types follow the YAML's component
 * properties, so the next import names them as the YAML does.
 */
function recordExported(
  snapshot: CatalystSnapshot,
  now: Date,
  base: Record<string, CatalystBaseEntry>,
  desired: readonly ContentTypeDef[],
  changes: readonly CatalystRowChange[],
  defaults: ServerDefaults,
): Record<string, CatalystBaseEntry> {
  const knownKeys = new Map(Object.entries(base).map(([key, entry]) => [originIdentity(entry.origin), key]));
  for (const change of changes) if (change.kind === 'create') knownKeys.set(change.row.id, change.key);
  for (const def of desired) {
    for (const [key, property] of Object.entries(def.properties)) {
      if (property.type === 'component' && property.contentType && !knownKeys.has(`${def.key}.${key}`))
        knownKeys.set(`${def.key}.${key}`, property.contentType);
    }
  }
  const yamlKeys = desired.map((def) => def.key);
  const imported = importCatalystTypes({ snapshot, websites: [], overrides: NO_OVERRIDES, knownKeys, defaults });
  const wanted = new Set(yamlKeys);
  const plan = planReimport({
    imported: imported.types.filter((type) => wanted.has(type.def.key)),
    base: Object.fromEntries(
      Object.entries(base).filter(
        ([key]) => wanted.has(key) || snapshot.contentTypes.some((row) => row.id === base[key]?.origin.contentTypeId),
      ),
    ),
    yaml: new Map(),
    websiteIds: new Set(),
    failedRowIds: new Set(),
    strategy: 'live-wins',
    defaults,
    now: now.toISOString(),
  });
  return plan.base;
}

function writeFailed(db: string, backup: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: CATALYST_CODES.writeFailed,
    severity: 'error',
    summary: 'Writing to the Catalyst Studio database failed',
    detail: `SQLite refused a write to ${db} (${reason}). The transaction was rolled back, so no row changed (a copy made before is at ${backup}), and the lockfile was not updated. Close Catalyst Studio if it holds the database, then run the export again.`,
  };
}

/** An id in the shape Prisma's cuid() gives: c + time + counter + fingerprint + random (base 36). */
function cuidLike(now: number, counter: number): string {
  const random = BigInt(`0x${randomBytes(6).toString('hex')}`)
    .toString(36)
    .padStart(8, '0')
    .slice(-8);
  return `c${now.toString(36).padStart(8, '0')}${counter.toString(36).padStart(4, '0')}ctly${random}`;
}
