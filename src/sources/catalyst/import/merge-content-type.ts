import { mergeDefinitions } from '../../../core/merge.js';
import type { ContentTypeDef } from '../../../core/model.js';
import type { ServerDefaults } from '../../../core/defaults.js';
import { normalizeContentType } from '../../../core/normalize.js';
import type { ConflictStrategy } from '../../../core/generated/plan.js';

/** One member both sides changed, to different values. `undefined` means absent (removed). */
export interface MergeConflict {
  /** Dotted path inside the type: `displayName`, `properties.title`, `properties.title.maxLength`. */
  path: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

/**
 * Three-way merge of one content type for a re-import: base (what was last imported), ours (the
 * YAML now), theirs (Catalyst Studio now). The core merge does the work (member by member; set-like
 * lists entry by entry; without a base every difference conflicts); this names the sides for a
 * source and settles conflicts with the same strategies as the CMS (ours = YAML is `desired`,
 * theirs = Catalyst Studio is `live`): `desired-wins` and `live-wins` take a side, `merge` unites
 * set-like lists and reports the rest, `manual` reports every overlap.
 */
export function mergeContentType(
  base: ContentTypeDef | undefined,
  ours: ContentTypeDef,
  theirs: ContentTypeDef,
  strategy: ConflictStrategy,
  defaults: ServerDefaults,
): { merged: ContentTypeDef; conflicts: MergeConflict[] } {
  const result = mergeDefinitions(base, ours, theirs, strategy === 'live-wins' ? 'live' : 'desired', {
    sets: strategy === 'manual' ? 'conflict' : 'merge',
  });
  const conflicts =
    strategy === 'manual' || strategy === 'merge'
      ? result.conflicts.map((conflict) => ({ path: conflict.path, base: conflict.base, ours: conflict.desired, theirs: conflict.live }))
      : [];
  return { merged: normalizeContentType(result.merged, defaults), conflicts };
}
