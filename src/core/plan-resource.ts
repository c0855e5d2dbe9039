import { classifyChanges, deleteFinding } from './classify.js';
import type { Definition } from './definition-shape.js';
import { diffDefinitions } from './diff.js';
import { digest } from './digest.js';
import { deepEqual } from './deep-equal.js';
import { takeMember } from './take-member.js';
import type {
  ClassifiedChange,
  ConflictStrategy,
  Digests,
  DriftEntry,
  PlanNotice,
  ResourcePlan,
  ResourcePlanCommon,
  RiskCode,
  SyncMode,
  VersionPrecondition,
} from './generated/plan.js';
import { mergeDefinitions, type MergeConflict } from './merge.js';
import { decideTwoWay } from './decide-two-way.js';
import { createDecision, leaveDecision, removeDecision, toConflict, writeDecision, type Decision, type LiveSide } from './decision.js';
import type { ResourceKind, SourceLocation, VersionToken } from './model.js';
import { adoptBlocker, conflictBlocker, deleteEditBlocker, immutableBlocker, readOnlyBlocker } from './resource-blockers.js';
import { maxRisk } from './risk-codes.js';
import { assertNever } from './assert-never.js';
import { InternalError } from './internal-error.js';
import { kindOf } from './resource-kinds.js';

/** One resource on the three sides, definitions already normalized. */
export interface ResourceInput<T extends Definition> {
  kind: ResourceKind;
  key: string;
  /**
   * The YAML's own definition when members the CMS owns were taken from the CMS into `desired`:
   * its digest is the one the plan records (apply checks the YAML against it), and pull and
   * bidirectional write the CMS values of those members into it.
   */
  written?: T;
  /** Members the CMS owns where `written` differs from the CMS. */
  ownedByCms?: string[];
  desired?: { def: T; origin?: SourceLocation };
  base?: { def: T };
  live?: { def: T; version: VersionToken; readOnly: boolean; modifiedBy?: string };
}

export interface ResourceOutcome {
  resource: ResourcePlan;
  /** Blockers that concern this resource alone (conflicts, read-only, immutable members). */
  blockers: PlanNotice[];
  /** Present when the live resource changed since the last sync. */
  drift?: DriftEntry;
}

/**
 * The three-way decision for one resource in push mode (the CMS converges to YAML), following
 * the status table of ARCHITECTURE.md. Members changed on both sides to different values are
 * conflicts; the strategy resolves them (`desired-wins`) or they block (`manual`, `merge`; and
 * `live-wins`, which push mode cannot honour except by forgetting a resource deleted in YAML).
 * In push mode `merge` and `manual` coincide: a live-only edit cannot be kept without writing it
 * into YAML, so it is reverted like any drift and shown in the drift section.
 */
export function planResource<T extends Definition>(
  input: ResourceInput<T>,
  strategy: ConflictStrategy,
  mode: SyncMode = 'push',
  options: { includeUnmanaged?: boolean; digestOf?: (def: Definition) => string } = {},
): ResourceOutcome {
  const { kind, key, desired, base, live } = input;
  const digestOf = options.digestOf ?? digest;
  const digests: Digests = {};
  if (desired) digests.desired = digestOf(desired.def);
  if (base) digests.base = digestOf(base.def);
  if (live) digests.live = digestOf(live.def);

  const decision = mode === 'push' ? decide(input, digests, strategy) : decideTwoWay(input, digests, mode, strategy, options);
  if (input.written && desired) {
    digests.desired = digestOf(input.written);
    if (mode !== 'push') ownedIntoYaml(decision, input.written, desired.def);
  }
  let changes: ClassifiedChange[] = [];
  let codes: RiskCode[] = [];
  if (decision.action === 'update') {
    changes = classifyChanges(kind, diffDefinitions(decision.live.def, decision.after), decision.live.def, decision.after);
    codes = changes.flatMap((change) => (change.code ? [change.code] : []));
  } else if (decision.action === 'delete') {
    codes = [deleteFinding(kind, key).code];
  }
  codes = [...new Set(codes)].sort();
  const risk = maxRisk([...changes.map((change) => change.risk), ...(decision.action === 'delete' ? (['destructive'] as const) : [])]);

  const blockers = [...decision.blockers];
  const takesOwnership =
    decision.action === 'create' || decision.action === 'update' || decision.action === 'delete' || decision.action === 'adopt';
  if (live?.readOnly && takesOwnership) blockers.push(readOnlyBlocker(kind, key));
  const immutable = changes.filter((change) => change.code === 'DS108');
  if (immutable.length > 0) blockers.push(immutableBlocker(kind, key, immutable));

  const cmsChange = live
    ? { ...(live.modifiedBy ? { by: live.modifiedBy } : {}), ...(live.version.lastModified ? { at: live.version.lastModified } : {}) }
    : {};
  const conflicts =
    Object.keys(cmsChange).length > 0 ? decision.conflicts.map((conflict) => ({ ...conflict, cmsChange })) : decision.conflicts;
  const common: ResourcePlanCommon = {
    kind,
    key,
    status: decision.status,
    actionReason: decision.actionReason,
    reason: decision.reason,
    risk,
    codes,
    changes,
    conflicts,
    digests,
    readOnly: live?.readOnly ?? false,
    blocked: blockers.length > 0,
  };
  if (input.ownedByCms && input.ownedByCms.length > 0) common.ownedByCms = input.ownedByCms;
  if (decision.toYaml) {
    const { action, reason, after } = decision.toYaml;
    const yaml = input.written ?? desired?.def;
    common.toYaml = { action, reason, after, changes: action === 'write' && yaml && after ? diffDefinitions(yaml, after) : [] };
  }
  const resource = planEntry(common, decision, desired?.origin);
  const outcome: ResourceOutcome = { resource, blockers };
  if (base && (!live || digests.live !== digests.base)) {
    outcome.drift = {
      kind,
      key,
      change: live ? 'changed' : 'deleted',
      changes: live ? diffDefinitions(base.def, live.def) : [],
      digests: { base: digests.base!, ...(digests.live ? { live: digests.live } : {}) },
    };
  }
  return outcome;
}

/**
 * Pull and bidirectional: what both sides hold after apply carries the CMS values of the members
 * the CMS owns; where the YAML says otherwise, it is written into the YAML too.
 */
function ownedIntoYaml<T extends Definition>(decision: Decision<T>, written: T, planned: T): void {
  if (decision.toYaml && decision.toYaml.action !== 'write') return;
  const target = decision.toYaml?.after ?? (decision.action === 'update' || decision.action === 'adopt' ? decision.after : planned);
  if (!target || deepEqual(target, written)) return;
  decision.toYaml = { action: 'write', reason: decision.toYaml?.reason ?? 'Members the CMS owns, written into YAML.', after: target };
}

function decide<T extends Definition>(input: ResourceInput<T>, digests: Digests, strategy: ConflictStrategy): Decision<T> {
  const { kind, key, desired, base, live } = input;
  const noun = `${kindOf(kind).label} "${key}"`;
  const create = createDecision<T>;
  const write = writeDecision<T>;
  const remove = removeDecision<T>;
  const leave = leaveDecision<T>;

  if (desired && !base && !live) return create('new', 'create_because_new', 'Declared in YAML and not on the target.', desired.def);
  if (desired && !base && live) {
    if (digests.desired === digests.live) {
      return write(
        'adopt',
        'adopt',
        'adopt_because_identical',
        'Exists on the target exactly as in YAML; recorded in the lockfile without writing.',
        live.def,
        live,
      );
    }
    const decision = write(
      'adopt',
      'update',
      'update_because_adopted_differs',
      'Exists on the target but not in the lockfile, and differs from YAML.',
      desired.def,
      live,
    );
    return resolve(
      decision,
      mergeDefinitions(undefined, desired.def, live.def, 'desired').conflicts,
      strategy,
      { desired: desired.def, live },
      () => adoptBlocker(kind, key, noun),
    );
  }
  if (desired && base && !live) {
    return create(
      'drifted',
      'create_because_deleted_outside',
      'Synced before, but deleted in the CMS since; re-created from YAML.',
      desired.def,
    );
  }
  if (desired && base && live) {
    const desiredChanged = digests.desired !== digests.base;
    const liveChanged = digests.live !== digests.base;
    if (!desiredChanged && !liveChanged) return leave('in_sync', 'none', 'none_because_in_sync', 'Unchanged since the last sync.');
    if (desiredChanged && !liveChanged)
      return write('modified', 'update', 'update_because_desired_changed', 'Changed in YAML since the last sync.', desired.def, live);
    if (!desiredChanged && liveChanged) {
      return write(
        'drifted',
        'update',
        'update_because_drifted',
        'Changed in the CMS outside catalyst since the last sync; push mode reverts it to the YAML definition.',
        desired.def,
        live,
      );
    }
    if (digests.desired === digests.live) {
      return write(
        'in_sync',
        'adopt',
        'adopt_because_both_changed_identically',
        'Changed in YAML and in the CMS in the same way; the lockfile is brought up to date.',
        live.def,
        live,
      );
    }
    const merge = mergeDefinitions(base.def, desired.def, live.def, 'desired');
    const reason =
      merge.conflicts.length === 0
        ? 'Changed in YAML and in the CMS since the last sync, on different members; push mode writes the YAML definition and reverts the CMS edits shown as drift.'
        : 'Changed in YAML and in the CMS since the last sync, on the same members.';
    const decision = write('conflict', 'update', 'update_because_both_changed', reason, desired.def, live);
    return resolve(decision, merge.conflicts, strategy, { desired: desired.def, live }, (conflicts) =>
      conflictBlocker(kind, key, noun, conflicts),
    );
  }
  if (!desired && base && live) {
    if (digests.live === digests.base) {
      return remove('deleted', 'delete_because_removed_from_desired', 'Removed from YAML; the lockfile says catalyst owns it.', live);
    }
    const conflict = { path: '', base: base.def, live: live.def };
    switch (strategy) {
      case 'desired-wins':
        return {
          ...remove(
            'conflict',
            'delete_because_removed_from_desired',
            'Removed from YAML but changed in the CMS; strategy desired-wins deletes it.',
            live,
          ),
          conflicts: [{ ...conflict, resolution: 'desired' }],
        };
      case 'live-wins':
        return {
          ...leave(
            'conflict',
            'forget',
            'forget_because_live_wins',
            'Removed from YAML but changed in the CMS; strategy live-wins keeps it in the CMS and stops managing it.',
          ),
          conflicts: [{ ...conflict, resolution: 'live' }],
        };
      case 'manual':
      case 'merge':
        return {
          ...remove(
            'conflict',
            'delete_because_removed_from_desired',
            'Removed from YAML but changed in the CMS since the last sync.',
            live,
          ),
          conflicts: [{ ...conflict, resolution: 'unresolved' }],
          blockers: [deleteEditBlocker(kind, key, noun)],
        };
      default:
        return unknownStrategy(strategy);
    }
  }
  if (!desired && base && !live)
    return leave(
      'deleted',
      'forget',
      'forget_because_gone_everywhere',
      'Removed from YAML and already gone from the target; dropped from the lockfile.',
    );
  if (!desired && !base && live) {
    const reason = live.readOnly
      ? 'A platform resource, read-only; catalyst never touches it.'
      : 'Exists on the target but not in YAML or the lockfile; catalyst does not touch it.';
    return leave('unmanaged', 'none', 'none_because_unmanaged', reason);
  }
  throw new InternalError(`${kind} "${key}" is in none of desired, base and live`);
}

/**
 * Applies the strategy to member conflicts: desired-wins resolves them to the YAML; live-wins to
 * the CMS, whose values of the conflicting members are written into the YAML too (so push mode
 * can honour it: the YAML changes, in the same apply); the others block.
 */
function resolve<T extends Definition>(
  decision: Decision<T>,
  conflicts: MergeConflict[],
  strategy: ConflictStrategy,
  sides: { desired: T; live: LiveSide<T> },
  blocker: (conflicts: MergeConflict[]) => PlanNotice,
): Decision<T> {
  if (conflicts.length === 0) return decision;
  switch (strategy) {
    case 'desired-wins':
      return { ...decision, conflicts: conflicts.map((conflict) => toConflict(conflict, 'desired')) };
    case 'live-wins': {
      const { desired, live } = sides;
      const taken = conflicts.reduce<T>((def, conflict) => takeMember(def, conflict.path, live.def) ?? def, desired);
      const cms = deepEqual(taken, live.def)
        ? writeDecision(decision.status, 'adopt', 'adopt_because_pulled', decision.reason, live.def, live)
        : writeDecision(decision.status, 'update', decision.actionReason, decision.reason, taken, live);
      return {
        ...cms,
        conflicts: conflicts.map((conflict) => toConflict(conflict, 'live')),
        toYaml: {
          action: 'write',
          reason: 'Strategy live-wins: the CMS values of the conflicting members, written into YAML.',
          after: taken,
        },
      };
    }
    case 'manual':
    case 'merge':
      return { ...decision, conflicts: conflicts.map((conflict) => toConflict(conflict, 'unresolved')), blockers: [blocker(conflicts)] };
    default:
      return unknownStrategy(strategy);
  }
}

/**
 * The plan entry of a decision: `before`, `after` and the precondition follow from the action.
 * Members are in reading order: what and what happens first, the definitions and origin last.
 */
function planEntry<T extends Definition>(
  common: ResourcePlanCommon,
  decision: Decision<T>,
  origin: SourceLocation | undefined,
): ResourcePlan {
  const head = { kind: common.kind, key: common.key, status: common.status };
  const tail = origin ? { origin } : {};
  const version = (live: LiveSide<T>): VersionPrecondition => ({
    kind: 'version',
    version: live.version,
    digest: common.digests.live ?? digest(live.def),
  });
  switch (decision.action) {
    case 'create':
      return { ...head, action: 'create', ...common, precondition: { kind: 'absent' }, before: null, after: decision.after, ...tail };
    case 'update':
      return {
        ...head,
        action: 'update',
        ...common,
        precondition: version(decision.live),
        before: decision.live.def,
        after: decision.after,
        ...tail,
      };
    case 'adopt':
      return {
        ...head,
        action: 'adopt',
        ...common,
        precondition: version(decision.live),
        before: decision.live.def,
        after: decision.after,
        ...tail,
      };
    case 'delete':
      return {
        ...head,
        action: 'delete',
        ...common,
        precondition: version(decision.live),
        before: decision.live.def,
        after: null,
        ...tail,
      };
    case 'forget':
      return { ...head, action: 'forget', ...common, precondition: null, before: null, after: null, ...tail };
    case 'none':
      return { ...head, action: 'none', ...common, precondition: null, before: null, after: null, ...tail };
    default:
      return assertNever(decision, 'decision');
  }
}

function unknownStrategy(strategy: never): never {
  return assertNever(strategy, 'conflict strategy');
}
