import type { ServerDefaults } from '../../../core/defaults.js';
import type { Diagnostic } from '../../../core/diagnostic.js';
import type { ContentTypeDef } from '../../../core/model.js';
import { buildCatalystRow } from './build-catalyst-row.js';
import { CATALYST_CODES } from '../catalyst-diagnostics.js';
import type { CatalystSnapshot, CatalystWebsiteRow } from '../read/catalyst-rows.js';
import { categoryOf } from '../map/decide-base-type.js';
import { importCatalystTypes, originIdentity } from '../map/import-catalyst-types.js';
import { NO_OVERRIDES, type ImportedType } from '../map/imported-type.js';
import { parseContentTypeRow, type JsonObject } from '../read/parse-content-type-row.js';
import type { CatalystBaseEntry } from '../import/plan-reimport.js';
import { verifyCatalystRow } from './verify-catalyst-row.js';
import { deepEqual } from '../../../core/deep-equal.js';

export interface CatalystRowValues {
  id: string;
  websiteId: string;
  name: string;
  fieldsJson: string;
  settingsJson: string | null;
}

export type CatalystRowChange =
  | { kind: 'create'; key: string; row: CatalystRowValues }
  | { kind: 'update'; key: string; row: CatalystRowValues }
  | { kind: 'delete'; key: string; contentTypeId: string; name: string };

export interface CatalystExportInput {
  snapshot: CatalystSnapshot;
  desired: readonly ContentTypeDef[];
  /** The lockfile's `sources.catalyst`: which rows earlier imports came from (and so may be deleted). */
  base: Readonly<Record<string, CatalystBaseEntry>>;
  /** Website ids or names: where new rows go (exactly one needed when the database has several), and the scope of deletions. */
  websites: readonly string[];
  allowDestructive: boolean;
  /** The target platform's defaults, which normalization removes. */
  defaults: ServerDefaults;
  newRowId(): string;
  newFieldId(name: string): string;
}

export interface CatalystExportPlan {
  changes: CatalystRowChange[];
  diagnostics: Diagnostic[];
}

/**
 * What writing the YAML state into Catalyst Studio changes, row by row. Pure. Every row is
 * re-imported after it is built: whatever the YAML holds that the row cannot (Optimizely-only
 * settings such as `localized` or `group`) is reported, never silently dropped. Nothing is
 * deleted without `allowDestructive`, and only rows an earlier import came from are deleted.
 */
export function planCatalystExport(input: CatalystExportInput): CatalystExportPlan {
  const diagnostics: Diagnostic[] = [];
  const knownKeys = new Map(Object.entries(input.base).map(([key, entry]) => [originIdentity(entry.origin), key]));
  const current = importCatalystTypes({
    snapshot: input.snapshot,
    websites: [],
    overrides: NO_OVERRIDES,
    knownKeys,
    defaults: input.defaults,
  });
  const rows = new Map<string, ImportedType>();
  const nested = new Map<string, ImportedType>();
  for (const type of current.types) (type.origin.nestedIn ? nested : rows).set(type.def.key, type);
  const desiredTypes = new Map(input.desired.map((def) => [def.key, def]));
  // Types written as `object` fields of the types that use them, not as rows of their own: the
  // generated types of stored object fields, and any YAML type that is not a row and is used as a
  // component (Catalyst Studio has no shared component types).
  const componentKeys = input.desired.flatMap((def) =>
    Object.values(def.properties).flatMap((property) =>
      property.type === 'component' && property.contentType ? [property.contentType] : [],
    ),
  );
  const nestedKeys = new Set([
    ...nested.keys(),
    ...Object.entries(input.base)
      .filter(([, entry]) => entry.origin.nestedIn)
      .map(([key]) => key),
    ...componentKeys.filter((key) => !rows.has(key)),
  ]);
  // A type whose row cannot be read is neither updated nor created again: that would duplicate it.
  const failed = new Set(current.failedRowIds);
  const unreadable = new Set(
    Object.entries(input.base)
      .filter(([, entry]) => failed.has(entry.origin.contentTypeId))
      .map(([key]) => key),
  );
  for (const key of [...unreadable].filter((key) => desiredTypes.has(key)).sort()) {
    diagnostics.push({
      code: CATALYST_CODES.unreadableRow,
      severity: 'error',
      summary: `${key} was not written: its row cannot be read`,
      detail: `${key} was imported from content type ${input.base[key]?.origin.contentTypeId}, whose fields JSON cannot be read now (see the import's CAT1xx errors for that row). It was neither updated nor created again. Repair the row in Catalyst Studio (or restore it from a backup), then export again.`,
      path: key,
    });
  }
  const rowDefs = input.desired.filter((def) => !nestedKeys.has(def.key) && !unreadable.has(def.key));

  const newIds = new Map<string, string>();
  for (const def of rowDefs) if (!rows.has(def.key)) newIds.set(def.key, input.newRowId());
  const rowIdOf = (key: string): string | undefined => rows.get(key)?.origin.contentTypeId ?? newIds.get(key);
  const website = newIds.size > 0 ? targetWebsite(input, diagnostics) : undefined;

  const changes: CatalystRowChange[] = [];
  for (const def of rowDefs) {
    const theirs = rows.get(def.key);
    const stored = theirs ? input.snapshot.contentTypes.find((row) => row.id === theirs.origin.contentTypeId) : undefined;
    const context = stored ? { row: stored, website: input.snapshot.websites.find((site) => site.id === stored.websiteId) } : undefined;
    const parsed = context ? parseContentTypeRow(context).parsed : undefined;
    if (theirs && !parsed) continue;
    const websiteId = stored?.websiteId ?? website?.id;
    if (websiteId === undefined) continue;
    const rowId = rowIdOf(def.key) as string;
    const built = buildCatalystRow({
      rowId,
      shape: parsed?.shape ?? 'wrapper',
      existing: parsed,
      theirs,
      desired: def,
      desiredTypes,
      nestedTheirs: nested,
      rowIdOf,
      allowDestructive: input.allowDestructive,
      newFieldId: input.newFieldId,
    });
    const settings: JsonObject = structuredClone(parsed?.settings ?? {});
    if ((parsed?.shape ?? 'wrapper') === 'array' || 'description' in settings) setOrDelete(settings, 'description', def.description);
    const name = def.displayName;
    const row: CatalystRowValues = { id: rowId, websiteId, name, fieldsJson: JSON.stringify(built.fields), settingsJson: null };
    const category = categoryOf(def.baseType);
    const verified = verifyCatalystRow({
      row,
      settings,
      snapshot: input.snapshot,
      desired: def,
      desiredTypes,
      rowIdOf,
      knownKeys,
      keyOfRow: def.key,
      defaults: input.defaults,
    });
    if (
      verified.baseTypeDiffers &&
      category &&
      (settings.category === undefined || ['page', 'component', 'folder'].includes(String(settings.category)))
    ) {
      settings.category = category;
    }
    row.settingsJson = Object.keys(settings).length > 0 || stored?.settingsJson ? JSON.stringify(settings) : null;
    const final = verifyCatalystRow({
      row,
      settings,
      snapshot: input.snapshot,
      desired: def,
      desiredTypes,
      rowIdOf,
      knownKeys,
      keyOfRow: def.key,
      defaults: input.defaults,
    });
    for (const path of built.keptRemovals) diagnostics.push(destructive(def.key, path));
    const reported = new Set(built.keptRemovals);
    for (const { path, why } of built.unrepresentable) {
      reported.add(path);
      diagnostics.push(notRepresentable(def.key, path, why));
    }
    for (const path of final.differences) {
      if (![...reported].some((done) => path === done || path.startsWith(`${done}.`))) {
        diagnostics.push(notRepresentable(def.key, path, 'Catalyst Studio has no place for it'));
      }
    }
    if (!stored) {
      changes.push({ kind: 'create', key: def.key, row });
      continue;
    }
    const unchanged =
      row.name === stored.name &&
      sameJson(row.fieldsJson, stored.fieldsJson) &&
      sameJson(row.settingsJson ?? 'null', stored.settingsJson ?? 'null');
    if (!unchanged) changes.push({ kind: 'update', key: def.key, row });
  }

  const scope = input.websites.length > 0 ? selectedWebsites(input) : undefined;
  for (const [key, entry] of Object.entries(input.base)) {
    if (entry.origin.nestedIn || desiredTypes.has(key) || (scope && !scope.has(entry.origin.websiteId))) continue;
    const stored = input.snapshot.contentTypes.find((row) => row.id === entry.origin.contentTypeId);
    if (!stored) continue;
    if (input.allowDestructive) changes.push({ kind: 'delete', key, contentTypeId: stored.id, name: stored.name });
    else diagnostics.push(destructive(key, 'the whole content type'));
  }
  return { changes, diagnostics };
}

function targetWebsite(input: CatalystExportInput, diagnostics: Diagnostic[]): CatalystWebsiteRow | undefined {
  const chosen =
    input.websites.length > 0
      ? [...selectedWebsites(input)].map((id) => input.snapshot.websites.find((site) => site.id === id))
      : input.snapshot.websites;
  if (chosen.length === 1 && chosen[0]) return chosen[0];
  diagnostics.push({
    code: CATALYST_CODES.websiteRequired,
    severity: 'error',
    summary: 'Which website should new content types go to?',
    detail: `Some YAML types are not in ${input.snapshot.file} yet and would be created, but ${chosen.length === 0 ? 'the database has no website' : `it has ${chosen.length} websites (${chosen.map((site) => `${site?.id} "${site?.name}"`).join(', ')})`}. Pass exactly one with --website <id or name>.`,
  });
  return undefined;
}

function selectedWebsites(input: CatalystExportInput): Set<string> {
  return new Set(
    input.websites.flatMap((selector) =>
      input.snapshot.websites
        .filter((site) => site.id === selector || site.name.toLowerCase() === selector.toLowerCase())
        .map((site) => site.id),
    ),
  );
}

function destructive(key: string, path: string): Diagnostic {
  return {
    code: CATALYST_CODES.destructiveSkipped,
    severity: 'warning',
    summary: `Not deleted from Catalyst Studio: ${key} ${path}`,
    detail: `${key}: ${path === 'the whole content type' ? 'the content type is' : `${path} is`} no longer in the YAML, but deleting it from Catalyst Studio can lose content, so it was kept. Run again with --allow-destructive to delete it.`,
    path: `${key}.${path}`,
  };
}

function notRepresentable(key: string, path: string, why: string): Diagnostic {
  return {
    code: CATALYST_CODES.notRepresentable,
    severity: 'warning',
    summary: `${key}.${path} cannot be written to Catalyst Studio`,
    detail: `${key}: ${path} was not written: ${why}. It stays in the YAML; a re-import keeps it there (the lockfile records what Catalyst Studio holds).`,
    path: `${key}.${path}`,
  };
}

function setOrDelete(target: JsonObject, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

function sameJson(a: string, b: string): boolean {
  try {
    return deepEqual(JSON.parse(a), JSON.parse(b));
  } catch {
    return false;
  }
}
