import { mergeDefinitions } from '../../../core/merge.js';
import type { ContentTypeDef } from '../../../core/model.js';
import type { ServerDefaults } from '../../../core/defaults.js';
import { normalizeContentType } from '../../../core/normalize.js';

/** One member both sides changed, to different values. `undefined` means absent (removed). */
export interface MergeConflict {
  /** Dotted path inside the type: `displayName`, `properties.title`, `properties.title.maxLength`. */
  path: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

/** How to settle overlapping edits: `undefined` reports them; otherwise that side's value is taken. */
export type ConflictPreference = 'ours' | 'theirs' | undefined;

/**
 * Three-way merge of one content type for a re-import: base (what was last imported), ours (the
 * YAML now), theirs (Catalyst Studio now). The core merge does the work (member by member; set-like
 * lists entry by entry; without a base every difference conflicts); this names the sides for a
 * source and decides what a conflict does: reported and left at ours, or settled to one side.
 */
export function mergeContentType(
  base: ContentTypeDef | undefined,
  ours: ContentTypeDef,
  theirs: ContentTypeDef,
  prefer: ConflictPreference,
  defaults: ServerDefaults,
): { merged: ContentTypeDef; conflicts: MergeConflict[] } {
  const result = mergeDefinitions(base, ours, theirs, prefer === 'theirs' ? 'live' : 'desired');
  const conflicts =
    prefer === undefined
      ? result.conflicts.map((conflict) => ({ path: conflict.path, base: conflict.base, ours: conflict.desired, theirs: conflict.live }))
      : [];
  return { merged: normalizeContentType(result.merged, defaults), conflicts };
}
