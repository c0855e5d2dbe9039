import {
  createDecision,
  leaveDecision,
  removeDecision,
  writeDecision,
  type Decision,
  type LiveSide,
  toConflict,
  type YamlSide,
} from './decision.js';
import type { Definition } from './definition-shape.js';
import type { Conflict, ConflictStrategy, Digests, PlanNotice } from './generated/plan.js';
import { mergeDefinitions, type MergeConflict } from './merge.js';
import type { ResourceKind, SourceLocation } from './model.js';
import { cmsDeleteEditBlocker, conflictBlocker, deleteEditBlocker, pullDesiredWinsBlocker } from './resource-blockers.js';
import { deepEqual } from './deep-equal.js';
import { kindOf } from './resource-kinds.js';
import { InternalError } from './internal-error.js';

export interface TwoWayInput<T extends Definition> {
  kind: ResourceKind;
  key: string;
  desired?: { def: T; origin?: SourceLocation };
  base?: { def: T };
  live?: LiveSide<T>;
}

/**
 * The decision for one resource when changes flow both ways. `pull`: the YAML converges to the
 * CMS; a YAML edit since the last sync is local drift, reverted in the files, never sent.
 * `bidirectional`: per member, a change made on one side only flows to the other, and both sides
 * end equal. Members changed on both sides to different values are settled by the strategy:
 * `desired-wins` or `live-wins` take that side, `merge` unites set-like lists and blocks on the
 * rest, `manual` blocks. The CMS side is the usual action; `toYaml` is what the files get.
 */
export function decideTwoWay<T extends Definition>(
  input: TwoWayInput<T>,
  digests: Digests,
  mode: 'pull' | 'bidirectional',
  strategy: ConflictStrategy,
  options: { includeUnmanaged?: boolean } = {},
): Decision<T> {
  const { kind, key, desired, base, live } = input;
  const noun = `${kindOf(kind).label} "${key}"`;
  const pulled = (status: Decision<T>['status'], reason: string, current: LiveSide<T>, yaml: YamlSide<T>): Decision<T> => ({
    ...writeDecision(status, 'adopt', 'adopt_because_pulled', reason, current.def, current),
    toYaml: yaml,
  });
  const fromCms = (action: YamlSide<T>['action'], current: LiveSide<T>, reason: string): YamlSide<T> => ({
    action,
    reason,
    after: current.def,
  });

  if (desired && !base && !live) {
    if (mode === 'bidirectional')
      return createDecision('new', 'create_because_new', 'Declared in YAML and not on the target.', desired.def);
    return {
      ...leaveDecision(
        'new',
        'none',
        'none_because_in_sync',
        'Declared in YAML only; pull mode never sends it, and removes it from the YAML.',
      ),
      toYaml: { action: 'remove', reason: 'Not in the CMS: pull mode makes the YAML what the CMS holds.', after: null },
    };
  }
  if (!desired && !base && live) {
    if (!options.includeUnmanaged || live.readOnly || mode !== 'pull') {
      const reason = live.readOnly
        ? 'A platform resource, read-only; catalyst never touches it.'
        : 'Exists on the target but not in YAML or the lockfile; catalyst does not touch it (`catalyst pull --include-unmanaged` writes it into YAML).';
      return leaveDecision('unmanaged', 'none', 'none_because_unmanaged', reason);
    }
    return pulled(
      'unmanaged',
      'In the CMS only; written into YAML and recorded as synced.',
      live,
      fromCms('create', live, 'New from the CMS.'),
    );
  }
  if (!desired && base && !live)
    return leaveDecision(
      'deleted',
      'forget',
      'forget_because_gone_everywhere',
      'Removed from YAML and already gone from the target; dropped from the lockfile.',
    );

  if (desired && !base && live) {
    if (digests.desired === digests.live)
      return writeDecision(
        'adopt',
        'adopt',
        'adopt_because_identical',
        'Exists on the target exactly as in YAML; recorded in the lockfile without writing.',
        live.def,
        live,
      );
    if (mode === 'pull')
      return pulled(
        'adopt',
        'Exists on the target and in YAML, differently; pull mode writes the CMS definition into YAML.',
        live,
        fromCms('write', live, 'The CMS definition.'),
      );
    return merged(input as Required<Pick<TwoWayInput<T>, 'desired' | 'live'>> & TwoWayInput<T>, undefined, strategy, noun, 'adopt');
  }

  if (desired && base && !live) {
    const yamlChanged = digests.desired !== digests.base;
    if (mode === 'bidirectional' && yamlChanged) {
      const conflict: Conflict = { path: '', base: base.def, desired: desired.def, resolution: 'unresolved' };
      if (strategy === 'desired-wins')
        return {
          ...createDecision(
            'conflict',
            'create_because_deleted_outside',
            'Deleted in the CMS but changed in YAML; strategy desired-wins re-creates it.',
            desired.def,
          ),
          conflicts: [{ ...conflict, resolution: 'desired' }],
        };
      if (strategy !== 'live-wins')
        return {
          ...leaveDecision('conflict', 'none', 'none_because_in_sync', 'Deleted in the CMS but changed in YAML since the last sync.'),
          conflicts: [conflict],
          blockers: [cmsDeleteEditBlocker(kind, key, noun)],
        };
    }
    return {
      ...leaveDecision(
        'drifted',
        'forget',
        'forget_because_deleted_in_cms',
        'Deleted in the CMS since the last sync; removed from the YAML and the lockfile.',
      ),
      ...(strategy === 'live-wins' && yamlChanged
        ? { conflicts: [{ path: '', base: base.def, desired: desired.def, resolution: 'live' as const }] }
        : {}),
      toYaml: { action: 'remove', reason: 'Deleted in the CMS.', after: null },
    };
  }

  if (!desired && base && live) {
    const cmsChanged = digests.live !== digests.base;
    if (mode === 'bidirectional' && !cmsChanged)
      return removeDecision(
        'deleted',
        'delete_because_removed_from_desired',
        'Removed from YAML; the lockfile says catalyst owns it.',
        live,
      );
    if (mode === 'bidirectional' && strategy !== 'live-wins') {
      const conflict: Conflict = { path: '', base: base.def, live: live.def, resolution: 'unresolved' };
      if (strategy === 'desired-wins')
        return {
          ...removeDecision(
            'conflict',
            'delete_because_removed_from_desired',
            'Removed from YAML but changed in the CMS; strategy desired-wins deletes it.',
            live,
          ),
          conflicts: [{ ...conflict, resolution: 'desired' }],
        };
      return {
        ...removeDecision(
          'conflict',
          'delete_because_removed_from_desired',
          'Removed from YAML but changed in the CMS since the last sync.',
          live,
        ),
        conflicts: [conflict],
        blockers: [deleteEditBlocker(kind, key, noun)],
      };
    }
    return pulled(
      cmsChanged ? 'conflict' : 'deleted',
      mode === 'pull'
        ? 'Removed from YAML only; pull mode restores it from the CMS.'
        : 'Removed from YAML but changed in the CMS; strategy live-wins restores it in YAML.',
      live,
      fromCms('create', live, 'Restored from the CMS.'),
    );
  }

  if (desired && base && live) {
    const yamlChanged = digests.desired !== digests.base;
    const cmsChanged = digests.live !== digests.base;
    if (!yamlChanged && !cmsChanged) return leaveDecision('in_sync', 'none', 'none_because_in_sync', 'Unchanged since the last sync.');
    if (digests.desired === digests.live)
      return writeDecision(
        'in_sync',
        'adopt',
        'adopt_because_both_changed_identically',
        'Changed in YAML and in the CMS in the same way; the lockfile is brought up to date.',
        live.def,
        live,
      );
    if (mode === 'pull') {
      if (yamlChanged && cmsChanged && strategy !== 'live-wins') {
        const conflicts = mergeDefinitions(base.def, desired.def, live.def, 'live', {
          sets: strategy === 'merge' ? 'merge' : 'conflict',
        }).conflicts;
        if (conflicts.length > 0 && strategy === 'desired-wins')
          return blocked(
            pulled('conflict', 'Changed in YAML and in the CMS, on the same members.', live, fromCms('write', live, 'The CMS definition.')),
            conflicts,
            pullDesiredWinsBlocker(kind, key, conflicts),
          );
        if (conflicts.length > 0)
          return blocked(
            pulled('conflict', 'Changed in YAML and in the CMS, on the same members.', live, fromCms('write', live, 'The CMS definition.')),
            conflicts,
            conflictBlocker(kind, key, noun, conflicts),
          );
      }
      const reason = cmsChanged
        ? 'Changed in the CMS since the last sync; written into YAML.'
        : 'Changed in YAML only; pull mode reverts the YAML to the CMS definition.';
      return pulled(cmsChanged ? 'drifted' : 'modified', reason, live, fromCms('write', live, reason));
    }
    return merged(
      input as Required<Pick<TwoWayInput<T>, 'desired' | 'live'>> & TwoWayInput<T>,
      base.def,
      strategy,
      noun,
      yamlChanged && cmsChanged ? 'conflict' : yamlChanged ? 'modified' : 'drifted',
    );
  }
  throw new InternalError(`${kind} "${key}" is in none of desired, base and live`);
}

/** Bidirectional: the member-wise merge goes to whichever side lacks it, the CMS as an update, the YAML as a write. */
function merged<T extends Definition>(
  input: TwoWayInput<T> & { desired: { def: T }; live: LiveSide<T> },
  base: T | undefined,
  strategy: ConflictStrategy,
  noun: string,
  status: Decision<T>['status'],
): Decision<T> {
  const { kind, key, desired, live } = input;
  const prefer = strategy === 'live-wins' ? 'live' : 'desired';
  const merge = mergeDefinitions(base, desired.def, live.def, prefer, { sets: strategy === 'manual' ? 'conflict' : 'merge' });
  const result = merge.merged;
  const toCms = deepEqual(result, live.def)
    ? writeDecision(
        status,
        'adopt',
        'adopt_because_pulled',
        'The CMS already holds the merge; the YAML takes the CMS edits.',
        live.def,
        live,
      )
    : writeDecision(status, 'update', 'update_because_merged', mergeReason(status), result, live);
  const decision: Decision<T> = deepEqual(result, desired.def)
    ? toCms
    : {
        ...toCms,
        toYaml: {
          action: 'write',
          reason:
            status === 'drifted' ? 'Changed in the CMS since the last sync; written into YAML.' : 'The CMS edits, merged member by member.',
          after: result,
        },
      };
  if (merge.conflicts.length === 0) return decision;
  if (strategy === 'desired-wins' || strategy === 'live-wins') {
    return {
      ...decision,
      conflicts: merge.conflicts.map((conflict) => toConflict(conflict, strategy === 'desired-wins' ? 'desired' : 'live')),
    };
  }
  return blocked(decision, merge.conflicts, conflictBlocker(kind, key, noun, merge.conflicts));
}

function mergeReason(status: Decision<Definition>['status']): string {
  switch (status) {
    case 'modified':
      return 'Changed in YAML since the last sync; the CMS takes it.';
    case 'drifted':
      return 'Changed in the CMS since the last sync; the YAML takes it.';
    default:
      return 'Changed in YAML and in the CMS since the last sync; each side takes the other’s members.';
  }
}

function blocked<T extends Definition>(decision: Decision<T>, conflicts: MergeConflict[], blocker: PlanNotice): Decision<T> {
  return { ...decision, conflicts: conflicts.map((conflict) => toConflict(conflict, 'unresolved')), blockers: [blocker] };
}
