import { deleteFinding } from './classify.js';
import { OPTIMIZELY_DEFAULTS, type ServerDefaults } from './defaults.js';
import type { Definition } from './definition-shape.js';
import { deletedReferenceNotices } from './deleted-references.js';
import type {
  ApplyStep,
  ApprovalItem,
  ConflictStrategy,
  DriftEntry,
  PlanDocument,
  PlanNotice,
  PlanSummary,
  PlanTarget,
  ResourcePlan,
  SyncMode,
} from './generated/plan.js';
import type { ResourceKind, SourceLocation, VersionToken } from './model.js';
import { normalizeContentType, normalizePropertyGroup } from './normalize.js';
import { orderSteps } from './order.js';
import { planResource, type ResourceInput } from './plan-resource.js';
import { SERVER_DATA_LOSS_CODES } from './risk-codes.js';
import type { BaseState, DesiredState, LiveState } from './state.js';

/** The plan as `createPlan` returns it: exactly the JSON document of `schemas/plan.schema.json`. */
export type Plan = PlanDocument;

export const PLAN_FORMAT_VERSION = '1.0' as const;

export interface PlanOptions {
  /** The clock, ISO 8601: the plan's `createdAt`. The planner never reads the time itself. */
  now: string;
  target: PlanTarget;
  /** Default `push`. `pull` and `bidirectional` are accepted and planned, but their plans are blocked (PL109) until they are implemented. */
  mode?: SyncMode;
  /** How conflicts are resolved; default `manual` (they block). See plan-resource.ts for what each does in push mode. */
  strategy?: ConflictStrategy;
  /** Property groups the platform provides: read-only, never written, never reported as unmanaged noise. */
  builtInGroups?: readonly string[];
  /** Server defaults for normalization; default Optimizely's. */
  defaults?: ServerDefaults;
  /**
   * How many content items the CMS holds per content type key (null: the platform could not
   * tell), as read for the types `typesToCount` names. Shown on those resources; decides nothing.
   */
  contentItemCounts?: Readonly<Record<string, number | null>>;
}

export interface PlanInput {
  desired: DesiredState;
  base: BaseState;
  live: LiveState;
  options: PlanOptions;
}

/**
 * The three-way plan: a synchronous, pure function of desired, base, live and options. All three
 * sides are normalized here with `options.defaults` before anything is compared, so sameness is
 * digest equality of canonical forms. Every resource present on any side gets an entry with a
 * status, an action and its reason; the steps are in apply order (order.ts). A plan with blockers
 * is not applyable; `requiresApproval` lists the destructive changes `--allow-destructive` must
 * approve.
 */
export function createPlan(input: PlanInput): Plan {
  const { desired, base, live, options } = input;
  const mode = options.mode ?? 'push';
  const strategy = options.strategy ?? 'manual';
  const defaults = options.defaults ?? OPTIMIZELY_DEFAULTS;
  const builtInGroups = new Set(options.builtInGroups ?? []);
  const blockers: PlanNotice[] = [];
  const warnings: PlanNotice[] = [];

  const desiredTypes = indexDesired('contentType', desired.contentTypes, (def) => normalizeContentType(def, defaults), blockers);
  const desiredGroups = indexDesired('propertyGroup', desired.propertyGroups, (def) => normalizePropertyGroup(def, defaults), blockers);
  const liveTypes = indexLive(live.contentTypes, (def) => normalizeContentType(def, defaults), () => false);
  const liveGroups = indexLive(live.propertyGroups, (def) => normalizePropertyGroup(def, defaults), (key) => builtInGroups.has(key));
  const baseTypes = indexBase(base.contentTypes, (def) => normalizeContentType(def, defaults));
  const baseGroups = indexBase(base.propertyGroups, (def) => normalizePropertyGroup(def, defaults));

  const resources: ResourcePlan[] = [];
  const drift: DriftEntry[] = [];
  const planAll = <T extends Definition>(kind: ResourceKind, d: Map<string, Desired<T>>, b: Map<string, { def: T }>, l: Map<string, Live<T>>) => {
    for (const key of sortedKeys(d, b, l)) {
      const resourceInput: ResourceInput<T> = { kind, key };
      const [desiredEntry, baseEntry, liveEntry] = [d.get(key), b.get(key), l.get(key)];
      if (desiredEntry) resourceInput.desired = desiredEntry;
      if (baseEntry) resourceInput.base = baseEntry;
      if (liveEntry) resourceInput.live = liveEntry;
      const outcome = planResource(resourceInput, strategy);
      resources.push(outcome.resource);
      blockers.push(...outcome.blockers);
      if (outcome.drift) drift.push(outcome.drift);
    }
  };
  planAll('propertyGroup', desiredGroups, baseGroups, liveGroups);
  planAll('contentType', desiredTypes, baseTypes, liveTypes);

  const unmanagedTypes = resources.filter((resource) => resource.kind === 'contentType' && resource.status === 'unmanaged').map((resource) => liveTypes.get(resource.key)!.def);
  const references = deletedReferenceNotices(resources, [...desiredTypes.values()].map((entry) => entry.def), unmanagedTypes);
  blockers.push(...references.blockers);
  warnings.push(...references.warnings);

  let steps: ApplyStep[] = [];
  if (mode === 'push') {
    const ordered = orderSteps(resources);
    steps = ordered.steps;
    blockers.push(...ordered.blockers);
    warnings.push(...ordered.warnings);
  } else {
    blockers.push({
      code: 'PL109',
      summary: `Sync mode "${mode}" is not supported yet`,
      detail: 'catalyst can only apply in push mode (YAML → CMS) so far: this plan shows the comparison but has no steps. Set the sync mode to push.',
      resources: [],
    });
  }

  for (const resource of resources) {
    const count = resource.kind === 'contentType' ? options.contentItemCounts?.[resource.key] : undefined;
    if (count !== undefined) resource.contentItems = count;
  }

  const blockedIds = new Set(blockers.flatMap((blocker) => blocker.resources.map((ref) => `${ref.kind}:${ref.key}`)));
  for (const resource of resources) resource.blocked = blockedIds.has(`${resource.kind}:${resource.key}`);
  const requiresApproval = approvals(resources);

  return {
    formatVersion: PLAN_FORMAT_VERSION,
    createdAt: options.now,
    target: options.target,
    mode,
    strategy,
    applyable: blockers.length === 0,
    summary: summarize(resources, steps, drift, requiresApproval),
    resources,
    drift,
    steps,
    blockers,
    warnings,
    requiresApproval,
  };
}

interface Desired<T> {
  def: T;
  origin?: SourceLocation;
}

interface Live<T> {
  def: T;
  version: VersionToken;
  readOnly: boolean;
}

function indexDesired<T extends Definition>(
  kind: ResourceKind,
  entries: ReadonlyArray<{ def: T; origin?: SourceLocation }>,
  normalize: (def: T) => T,
  blockers: PlanNotice[],
): Map<string, Desired<T>> {
  const index = new Map<string, Desired<T>>();
  for (const { def, origin } of entries) {
    if (index.has(def.key)) {
      blockers.push({
        code: 'PL110',
        summary: `Duplicate ${kind === 'contentType' ? 'content type' : 'property group'} key "${def.key}"`,
        detail: `"${def.key}" is declared more than once in YAML${origin ? ` (again at ${origin.file}:${origin.line}:${origin.column})` : ''}; the plan used the first declaration. Keys are unique: remove or rename one.`,
        resources: [{ kind, key: def.key }],
      });
      continue;
    }
    index.set(def.key, origin ? { def: normalize(def), origin } : { def: normalize(def) });
  }
  return index;
}

function indexLive<T extends Definition>(
  entries: ReadonlyArray<{ def: T; version: VersionToken; readOnly: boolean }>,
  normalize: (def: T) => T,
  builtIn: (key: string) => boolean,
): Map<string, Live<T>> {
  const index = new Map<string, Live<T>>();
  for (const entry of entries) {
    if (index.has(entry.def.key)) continue;
    index.set(entry.def.key, { def: normalize(entry.def), version: entry.version, readOnly: entry.readOnly || builtIn(entry.def.key) });
  }
  return index;
}

function indexBase<T extends Definition>(entries: Record<string, { def: T }>, normalize: (def: T) => T): Map<string, { def: T }> {
  return new Map(Object.entries(entries).map(([key, entry]) => [key, { def: normalize(entry.def) }]));
}

function sortedKeys(...maps: Array<Map<string, unknown>>): string[] {
  return [...new Set(maps.flatMap((map) => [...map.keys()]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function approvals(resources: readonly ResourcePlan[]): ApprovalItem[] {
  const items: ApprovalItem[] = [];
  for (const resource of resources) {
    const { kind, key } = resource;
    if (resource.action === 'delete') {
      const finding = deleteFinding(kind, key);
      items.push({ kind, key, code: finding.code, path: '', reason: finding.reason });
    }
    for (const change of resource.changes) {
      if (change.risk === 'destructive' && change.code) items.push({ kind, key, code: change.code, path: change.path, reason: change.reason ?? '' });
    }
  }
  return items;
}

function summarize(resources: readonly ResourcePlan[], steps: readonly ApplyStep[], drift: readonly DriftEntry[], requiresApproval: readonly ApprovalItem[]): PlanSummary {
  const statuses: PlanSummary['statuses'] = { new: 0, adopt: 0, modified: 0, drifted: 0, conflict: 0, deleted: 0, in_sync: 0, unmanaged: 0 };
  const actions: PlanSummary['actions'] = { create: 0, update: 0, delete: 0, adopt: 0, forget: 0, none: 0 };
  let conflicts = 0;
  for (const resource of resources) {
    statuses[resource.status] += 1;
    actions[resource.action] += 1;
    conflicts += resource.conflicts.filter((conflict) => conflict.resolution === 'unresolved').length;
  }
  const writes = steps.filter((step) => step.action === 'create' || step.action === 'update' || step.action === 'delete').length;
  return { statuses, actions, steps: steps.length, writes, conflicts, drifted: drift.length, destructive: requiresApproval.length };
}

/**
 * The content types whose content the plan could lose, worth counting items of before the plan
 * is shown: those it deletes (DS101) or changes in a way the server calls data loss (DS102–DS106).
 * Both exist live. Platform-owned types are left out: the plan never writes them.
 */
export function typesToCount(plan: Plan): string[] {
  return plan.resources
    .filter((resource) => resource.kind === 'contentType' && !resource.readOnly)
    .filter((resource) => resource.codes.some((code) => code === 'DS101' || SERVER_DATA_LOSS_CODES.has(code)))
    .map((resource) => resource.key);
}
