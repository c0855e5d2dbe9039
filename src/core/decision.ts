import type { Definition } from './definition-shape.js';
import type { ActionReason, Conflict, PlanNotice, ResourceStatus, YamlChange } from './generated/plan.js';
import type { MergeConflict } from './merge.js';
import type { VersionToken } from './model.js';

export type LiveSide<T> = { def: T; version: VersionToken; readOnly: boolean };

interface DecisionBase {
  status: ResourceStatus;
  actionReason: ActionReason;
  reason: string;
  conflicts: Conflict[];
  blockers: PlanNotice[];
}

/** What apply does to the YAML (pull and bidirectional): before the CMS, so an interruption never loses an edit. */
export type YamlSide<T> = { action: YamlChange['action']; reason: string; after: T | null };

/** What apply does: writes `after` (create), overwrites or records `live` (update, adopt), deletes `live`, or only touches the lockfile; and perhaps the YAML. */
export type Decision<T extends Definition> = DecisionBase & { toYaml?: YamlSide<T> } & (
    | { action: 'create'; after: T }
    | { action: 'update' | 'adopt'; after: T; live: LiveSide<T> }
    | { action: 'delete'; live: LiveSide<T> }
    | { action: 'forget' | 'none' }
  );

const QUIET = { conflicts: [], blockers: [] };

export function createDecision<T extends Definition>(
  status: ResourceStatus,
  actionReason: ActionReason,
  reason: string,
  after: T,
): Decision<T> {
  return { ...QUIET, status, action: 'create', actionReason, reason, after };
}

export function writeDecision<T extends Definition>(
  status: ResourceStatus,
  action: 'update' | 'adopt',
  actionReason: ActionReason,
  reason: string,
  after: T,
  live: LiveSide<T>,
): Decision<T> {
  return { ...QUIET, status, action, actionReason, reason, after, live };
}

export function removeDecision<T extends Definition>(
  status: ResourceStatus,
  actionReason: ActionReason,
  reason: string,
  live: LiveSide<T>,
): Decision<T> {
  return { ...QUIET, status, action: 'delete', actionReason, reason, live };
}

export function leaveDecision<T extends Definition>(
  status: ResourceStatus,
  action: 'forget' | 'none',
  actionReason: ActionReason,
  reason: string,
): Decision<T> {
  return { ...QUIET, status, action, actionReason, reason };
}

/** A merge conflict as the plan shows it, with how it was settled. */
export function toConflict(conflict: MergeConflict, resolution: Conflict['resolution']): Conflict {
  const result: Conflict = { path: conflict.path, resolution };
  if (conflict.base !== undefined) result.base = conflict.base;
  if (conflict.desired !== undefined) result.desired = conflict.desired;
  if (conflict.live !== undefined) result.live = conflict.live;
  return result;
}
