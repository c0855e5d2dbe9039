import type { ServerDefaults } from '../../../core/defaults.js';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { hasErrors } from '../../../core/diagnostic.js';
import type { ContentTypeDef } from '../../../core/model.js';
import { YAML_CODES } from '../../../io/diagnostic-codes.js';
import { lockedSource, type Lockfile } from '../../../io/lockfile/lockfile.js';
import { readLockfile } from '../../../io/lockfile/read-lockfile.js';
import { writeLockfile } from '../../../io/lockfile/write-lockfile.js';
import { parseContentTypeFiles } from '../../../io/yaml/parse-content-type-files.js';
import { writeContentTypeFiles } from '../../../io/yaml/write-content-type-files.js';
import { importCatalystTypes, originIdentity } from '../map/import-catalyst-types.js';
import type { CatalystOrigin, CatalystOverrides } from '../map/imported-type.js';
import { loadCatalystSnapshot } from '../read/load-catalyst-snapshot.js';
import type { ConflictStrategy } from '../../../core/generated/plan.js';
import { planReimport, type CatalystBaseEntry, type ReimportPlan, type YamlType } from './plan-reimport.js';

/** The lockfile source name under which Catalyst Studio imports are recorded. */
export const CATALYST_SOURCE = 'catalyst';

export interface CatalystImportOptions {
  db: string;
  websites: readonly string[];
  /** The content types directory. */
  outDir: string;
  lockfilePath: string;
  cwd: string;
  overrides: CatalystOverrides;
  /** What settles an overlap between the YAML and Catalyst Studio. */
  strategy: ConflictStrategy;
  dryRun: boolean;
  /** ISO 8601; the clock is a parameter. */
  now: string;
  /** The target platform's defaults, which normalization removes. */
  defaults: ServerDefaults;
}

export interface CatalystImportOutcome {
  /** Absent when the import stopped before planning (unreadable database, YAML or lockfile). */
  plan?: ReimportPlan;
  diagnostics: Diagnostic[];
  /** Whether files were written (false for a dry run or when nothing changed). */
  wrote: boolean;
}

/**
 * `catalyst import catalyst`: reads the database read-only, merges it into the YAML three-way
 * (base: the lockfile's `sources.catalyst`), writes the YAML files that change and records what
 * was imported. A dry run plans the same and writes nothing.
 */
export async function runCatalystImport(options: CatalystImportOptions): Promise<CatalystImportOutcome> {
  const loaded = loadCatalystSnapshot(resolve(options.cwd, options.db));
  if (!loaded.snapshot) return { diagnostics: loaded.diagnostics, wrote: false };
  const read = await readLockfile(options.lockfilePath, { cwd: options.cwd });
  if (!read.lock) return { diagnostics: [...loaded.diagnostics, ...read.diagnostics], wrote: false };
  const base = catalystBase(read.lock);

  const result = importCatalystTypes({
    snapshot: { ...loaded.snapshot, file: options.db },
    websites: options.websites,
    overrides: options.overrides,
    knownKeys: new Map(Object.entries(base).map(([key, entry]) => [originIdentity(entry.origin), key])),
    defaults: options.defaults,
  });
  const diagnostics = [...loaded.diagnostics, ...result.diagnostics];
  if (!result.websites) return { diagnostics, wrote: false };

  const outDir = resolve(options.cwd, options.outDir);
  const yaml = await readYaml(outDir, options.cwd, options.defaults);
  diagnostics.push(...yaml.diagnostics);
  if (!yaml.types) return { diagnostics, wrote: false };

  const plan = planReimport({
    imported: result.types,
    base,
    yaml: yaml.types,
    websiteIds: new Set(result.websites.map((website) => website.id)),
    failedRowIds: new Set(result.failedRowIds),
    strategy: options.strategy,
    now: options.now,
    defaults: options.defaults,
  });
  if (options.dryRun) return { plan, diagnostics, wrote: false };

  const headers = new Map(result.types.map((type) => [type.def.key, type.header]));
  const defs: ContentTypeDef[] = [];
  for (const action of plan.actions) {
    if (action.kind === 'create') defs.push(action.imported.def);
    else if (action.kind === 'update') defs.push(action.merged);
    else if (action.kind === 'remove') await rm(action.file);
  }
  const written = await writeContentTypeFiles(outDir, defs, {
    cwd: options.cwd,
    headerComments: (def) => headers.get(def.key) ?? [],
    defaults: options.defaults,
  });
  const lock = withCatalystBase(read.lock, plan.base);
  const lockStatus = await writeLockfile(resolve(options.cwd, options.lockfilePath), lock);
  const removed = plan.actions.some((action) => action.kind === 'remove');
  return { plan, diagnostics, wrote: removed || lockStatus !== 'unchanged' || written.some((file) => file.status !== 'unchanged') };
}

/** The lockfile's Catalyst section as base entries. */
export function catalystBase(lock: Lockfile): Record<string, CatalystBaseEntry> {
  const entries: Record<string, CatalystBaseEntry> = {};
  for (const [key, entry] of Object.entries(lockedSource(lock, CATALYST_SOURCE).contentTypes)) {
    entries[key] = {
      digest: entry.digest,
      definition: entry.definition,
      importedAt: entry.importedAt,
      origin: entry.origin as unknown as CatalystOrigin,
    };
  }
  return entries;
}

/** The lockfile with its Catalyst section replaced by `base` (other sources and targets untouched). */
export function withCatalystBase(lock: Lockfile, base: Readonly<Record<string, CatalystBaseEntry>>): Lockfile {
  const { [CATALYST_SOURCE]: _previous, ...otherSources } = lock.sources ?? {};
  const contentTypes = Object.fromEntries(
    Object.entries(base).map(([key, entry]) => [
      key,
      { digest: entry.digest, definition: entry.definition, importedAt: entry.importedAt, origin: { ...entry.origin } },
    ]),
  );
  const previousGroups = lock.sources?.[CATALYST_SOURCE]?.propertyGroups;
  const section = {
    ...(Object.keys(contentTypes).length > 0 ? { contentTypes } : {}),
    ...(previousGroups ? { propertyGroups: previousGroups } : {}),
  };
  const sources = Object.keys(section).length > 0 ? { ...otherSources, [CATALYST_SOURCE]: section } : otherSources;
  const { sources: _sources, ...rest } = lock;
  return Object.keys(sources).length > 0 ? ({ ...rest, sources } as Lockfile) : rest;
}

/** The YAML types by key; undefined (with the diagnostics) when any file has errors. */
export async function readYaml(
  dir: string,
  cwd: string,
  defaults: ServerDefaults,
): Promise<{ types?: Map<string, YamlType>; diagnostics: Diagnostic[] }> {
  const parsed = await parseContentTypeFiles(dir, { cwd, defaults });
  const diagnostics = parsed.diagnostics.filter(
    (diagnostic) => diagnostic.code !== YAML_CODES.noFiles && diagnostic.code !== YAML_CODES.missingDirectory,
  );
  if (hasErrors(diagnostics)) return { diagnostics };
  const types = new Map<string, YamlType>();
  for (const document of parsed.documents) {
    if (document.kind === 'contentTypeFile')
      types.set(document.contentType.key, { def: document.contentType, file: resolve(cwd, document.file) });
  }
  return { types, diagnostics };
}
