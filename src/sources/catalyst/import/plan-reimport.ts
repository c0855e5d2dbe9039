import type { ServerDefaults } from '../../../core/defaults.js';
import { compareCodeUnits } from '../../../core/compare-code-units.js';
import { deepEqual } from '../../../core/deep-equal.js';
import { digest } from '../../../core/digest.js';
import { diffDefinitions } from '../../../core/diff.js';
import type { ContentTypeDef } from '../../../core/model.js';
import type { CatalystOrigin, ImportedType } from '../map/imported-type.js';
import { mergeContentType, type MergeConflict } from './merge-content-type.js';
import type { ConflictStrategy } from '../../../core/generated/plan.js';

/** What the lockfile's `sources.catalyst` section records per key: the base of the next re-import. */
export interface CatalystBaseEntry {
  digest: string;
  definition: ContentTypeDef;
  importedAt: string;
  origin: CatalystOrigin;
}

/** A type as the YAML holds it now. */
export interface YamlType {
  def: ContentTypeDef;
  file: string;
}

/**
 * Per key, what a re-import does. `write` actions carry the definition to write; nothing else
 * touches a YAML file. Conflicts leave the file and its base as they were.
 */
export type ReimportAction =
  | { kind: 'create'; key: string; imported: ImportedType }
  | { kind: 'update'; key: string; imported: ImportedType; file: string; merged: ContentTypeDef; changed: string[] }
  | { kind: 'unchanged'; key: string; imported: ImportedType; file: string; yamlEdited: boolean }
  | { kind: 'conflict'; key: string; imported: ImportedType; file: string; conflicts: MergeConflict[] }
  | { kind: 'remove'; key: string; file: string; origin: CatalystOrigin }
  | { kind: 'removal-conflict'; key: string; file: string; origin: CatalystOrigin; changed: string[] }
  | { kind: 'forget'; key: string; origin: CatalystOrigin }
  /** The YAML file was deleted since the import and Catalyst did not change the type: it stays deleted. */
  | { kind: 'deleted-in-yaml'; key: string; imported: ImportedType }
  /** The YAML file was deleted since the import, but Catalyst changed the type: reported, nothing written. */
  | { kind: 'deletion-conflict'; key: string; imported: ImportedType; changed: string[] };

export interface ReimportInput {
  imported: readonly ImportedType[];
  /** The lockfile's `sources.catalyst` entries. */
  base: Readonly<Record<string, CatalystBaseEntry>>;
  yaml: ReadonlyMap<string, YamlType>;
  /** Websites this import read: only their earlier imports can be found removed. */
  websiteIds: ReadonlySet<string>;
  /** Rows that could not be read: their earlier imports are kept as they are. */
  failedRowIds: ReadonlySet<string>;
  /** What settles an overlap (YAML = desired, Catalyst Studio = live), as for a CMS. */
  strategy: ConflictStrategy;
  now: string;
  /** The target platform's defaults, which normalization removes. */
  defaults: ServerDefaults;
}

export interface ReimportPlan {
  actions: ReimportAction[];
  /** The new `sources.catalyst` section, to write when the plan is carried out. */
  base: Record<string, CatalystBaseEntry>;
}

/**
 * The re-import as a three-way merge per type: base = what was last imported (lockfile),
 * ours = the YAML now, theirs = Catalyst Studio now. Pure.
 * A type removed from Catalyst is removed from the YAML only when the YAML still holds what was
 * imported; a YAML edit makes it a conflict (kept, reported). With `desired-wins` or `live-wins`,
 * overlapping edits are settled to that side (desired = YAML) and Catalyst's state becomes the new base.
 */
export function planReimport(input: ReimportInput): ReimportPlan {
  const actions: ReimportAction[] = [];
  const base: Record<string, CatalystBaseEntry> = { ...input.base };
  const record = (imported: ImportedType): void => {
    const previous = input.base[imported.def.key];
    const entryDigest = digest(imported.def);
    if (previous && previous.digest === entryDigest && deepEqual(previous.origin, imported.origin)) return;
    base[imported.def.key] = { digest: entryDigest, definition: imported.def, importedAt: input.now, origin: imported.origin };
  };

  for (const imported of input.imported) {
    const key = imported.def.key;
    const ours = input.yaml.get(key);
    const previous = input.base[key]?.definition;
    if (!ours) {
      const changed = previous ? changedPaths(previous, imported.def) : [];
      if (!previous || input.strategy === 'live-wins') actions.push({ kind: 'create', key, imported });
      else if (changed.length > 0 && !settles(input.strategy)) {
        actions.push({ kind: 'deletion-conflict', key, imported, changed });
        continue;
      } else actions.push({ kind: 'deleted-in-yaml', key, imported });
      record(imported);
      continue;
    }
    const { merged, conflicts } = mergeContentType(previous, ours.def, imported.def, input.strategy, input.defaults);
    if (conflicts.length > 0) {
      actions.push({ kind: 'conflict', key, imported, file: ours.file, conflicts });
      continue;
    }
    record(imported);
    const changed = changedPaths(ours.def, merged);
    if (changed.length > 0) actions.push({ kind: 'update', key, imported, file: ours.file, merged, changed });
    else
      actions.push({
        kind: 'unchanged',
        key,
        imported,
        file: ours.file,
        yamlEdited: previous !== undefined && digest(previous) !== digest(ours.def),
      });
  }

  const importedKeys = new Set(input.imported.map((type) => type.def.key));
  for (const [key, entry] of Object.entries(input.base)) {
    if (importedKeys.has(key) || !input.websiteIds.has(entry.origin.websiteId) || input.failedRowIds.has(entry.origin.contentTypeId))
      continue;
    const ours = input.yaml.get(key);
    if (!ours) {
      actions.push({ kind: 'forget', key, origin: entry.origin });
      delete base[key];
      continue;
    }
    const changed = changedPaths(entry.definition, ours.def);
    if (changed.length === 0 || input.strategy === 'live-wins') {
      actions.push({ kind: 'remove', key, file: ours.file, origin: entry.origin });
      delete base[key];
    } else if (input.strategy === 'desired-wins') {
      actions.push({ kind: 'forget', key, origin: entry.origin });
      delete base[key];
    } else {
      actions.push({ kind: 'removal-conflict', key, file: ours.file, origin: entry.origin, changed });
    }
  }
  actions.sort((a, b) => compareCodeUnits(a.key, b.key));
  return { actions, base };
}

/**
 * Dotted paths of the members that differ, from the core diff: a type member (`displayName`), a
 * property added or removed (`properties.title`), or one member of a property
 * (`properties.title.maxLength`; a change inside `items` is `properties.tags.items`).
 */
export function changedPaths(before: ContentTypeDef, after: ContentTypeDef): string[] {
  const depth = (path: string[]) => (path[0] === 'properties' ? 3 : 1);
  const paths = diffDefinitions(before, after).map((change) => {
    const path = change.path.split('.');
    return path.slice(0, depth(path)).join('.');
  });
  return [...new Set(paths)];
}

/** Whether a strategy settles an overlap by itself (taking a side) rather than reporting it. */
function settles(strategy: ConflictStrategy): boolean {
  return strategy === 'desired-wins' || strategy === 'live-wins';
}
