import { deleteFinding } from './classify.js';
import { deletedReferenceNotices, type KindedDefinition } from './deleted-references.js';
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
import type { Definition, ResourceKind, SourceLocation, VersionToken } from './model.js';
import { orderSteps } from './order.js';
import { planResource, type ResourceInput } from './plan-resource.js';
import type { PlatformRules } from './platform-profile.js';
import { KIND_TABLE, kindOf } from './resource-kinds.js';
import { SERVER_DATA_LOSS_CODES } from './risk-codes.js';
import type { BaseState, DesiredState, LiveState } from './state.js';
import { narrowToOnly } from './plan-only.js';
import { memoizedDigest } from './digest.js';
import { ownedMembers, strategyFor } from './key-patterns.js';
import { ownedDifferences, withCmsOwned } from './cms-owned.js';
import { compareCodeUnits } from './compare-code-units.js';
import { lossyTypeChangeNotices, pendingRenames, renamedAway, renameNotice, resourceRenameNotice } from './guided-changes.js';

/** The plan as `createPlan` returns it: exactly the JSON document of `schemas/plan.schema.json`. */
export type Plan = PlanDocument;

export const PLAN_FORMAT_VERSION = '2.1' as const;

export interface PlanOptions {
  /** The clock, ISO 8601: the plan's `createdAt`. The planner never reads the time itself. */
  now: string;
  target: PlanTarget;
  /** Default `push`: the CMS converges to YAML. `pull`: the YAML converges to the CMS. `bidirectional`: changes flow both ways, member by member (decide-two-way.ts). */
  mode?: SyncMode;
  /** How conflicts are resolved; default `manual` (they block). See plan-resource.ts for what each does in push mode. */
  strategy?: ConflictStrategy;
  /** The target platform's rules: server defaults for normalization, resources it provides. */
  rules: PlatformRules;
  /**
   * How many content items the CMS holds per content type key (null: the platform could not
   * tell), as read for the types `typesToCount` names. Shown on those resources; decides nothing.
   */
  contentItemCounts?: Readonly<Record<string, number | null>>;
  /** Pull mode: CMS resources that are in neither YAML nor the lockfile are written into YAML too. */
  includeUnmanaged?: boolean;
  /** The strategy per key or pattern, before `strategy` (key-patterns.ts). */
  strategies?: ReadonlyArray<readonly [string, ConflictStrategy]>;
  /** Members the CMS owns, per key or pattern: never sent, never drift; pull and bidirectional write them into YAML. */
  cmsOwns?: ReadonlyArray<readonly [string, readonly string[]]>;
  /** `--only`: plan just the resources with these keys, and what they need (plan-only.ts). */
  only?: readonly string[];
}

export interface PlanInput {
  desired: DesiredState;
  base: BaseState;
  live: LiveState;
  options: PlanOptions;
}

/**
 * The three-way plan: a synchronous, pure function of desired, base, live and options. All three
 * sides are normalized here with the platform's defaults before anything is compared, so sameness
 * is digest equality of canonical forms. Every resource present on any side gets an entry with a
 * status, an action and its reason, kinds in create order (resource-kinds.ts); the steps are in
 * apply order (order.ts). A plan with blockers is not applyable; `requiresApproval` lists the
 * destructive changes `--allow-destructive` must approve.
 */
export function createPlan(input: PlanInput): Plan {
  const { desired, base, live, options } = input;
  const mode = options.mode ?? 'push';
  const strategy = options.strategy ?? 'manual';
  let blockers: PlanNotice[] = [];
  let warnings: PlanNotice[] = [];
  let resources: ResourcePlan[] = [];
  let drift: DriftEntry[] = [];
  const desiredDefs: KindedDefinition[] = [];
  const unmanaged: KindedDefinition[] = [];
  const digestOf = memoizedDigest();
  const protection: Array<{ kind: ResourceKind; key: string; protect: boolean }> = [];

  for (const descriptor of KIND_TABLE) {
    const { kind } = descriptor;
    const normalize = (def: Definition) => descriptor.normalize(def, options.rules.defaults);
    const builtIn = new Set(descriptor.builtIn(options.rules));
    const desiredIndex = indexDesired(descriptor, desired[descriptor.section], normalize, blockers);
    const liveIndex = indexLive(live[descriptor.section], normalize, (key) => builtIn.has(key));
    const baseIndex = indexBase(base[descriptor.section], normalize);
    // A declared rename carries CMS content over to a new key: a push (or two-way) change, not something pull can do.
    const renames = mode === 'pull' ? undefined : renamedAway(descriptor, desiredIndex, baseIndex, liveIndex);
    const away = renames?.away ?? new Map<string, string>();
    blockers.push(...(renames?.blockers ?? []));
    warnings.push(...(renames?.warnings ?? []));
    for (const [from, to] of away) warnings.push(resourceRenameNotice(kind, descriptor.label, from, to, liveIndex.has(to)));
    for (const key of sortedKeys(desiredIndex, baseIndex, liveIndex)) {
      const resourceInput: ResourceInput<Definition> = { kind, key };
      const [baseEntry, liveRead] = [baseIndex.get(key), liveIndex.get(key)];
      // Renamed away: the old resource stays as the CMS has it while the rename is declared (step 1 of PL119).
      const desiredEntry =
        away.has(key) && liveRead
          ? { def: liveRead.def, ...(baseEntry?.protected ? { protect: true as const } : {}) }
          : desiredIndex.get(key);
      const liveEntry = withLockedEtag(liveRead, baseEntry, digestOf);
      if (desiredEntry) resourceInput.desired = desiredEntry;
      if (baseEntry) resourceInput.base = baseEntry;
      if (liveEntry) resourceInput.live = liveEntry;
      const owned = ownedMembers(key, options.cmsOwns ?? []);
      const renames = liveEntry && desiredEntry?.renames ? pendingRenames(desiredEntry.renames, desiredEntry.def, liveEntry.def) : [];
      warnings.push(...renames.map((rename) => renameNotice(kind, key, rename)));
      // While a rename is pending the old property stays, as the CMS has it: step 1 of the safe sequence.
      const kept = [...owned, ...renames.map((rename) => `properties.${rename.from}`)];
      if (kept.length > 0 && liveEntry) {
        if (desiredEntry) {
          resourceInput.written = desiredEntry.def;
          resourceInput.desired = { ...desiredEntry, def: withCmsOwned(desiredEntry.def, liveEntry.def, kept) };
          if (owned.length > 0) resourceInput.ownedByCms = ownedDifferences(desiredEntry.def, liveEntry.def, owned);
        }
        if (baseEntry) resourceInput.base = { def: withCmsOwned(baseEntry.def, liveEntry.def, kept) };
      }
      const resourceStrategy = strategyFor(key, strategy, options.strategies ?? []);
      const outcome = planResource(resourceInput, resourceStrategy, mode, {
        includeUnmanaged: options.includeUnmanaged === true,
        digestOf,
      });
      resources.push(outcome.resource);
      blockers.push(...outcome.blockers);
      const wantsProtection = desiredEntry?.protect === true;
      if (desiredEntry && wantsProtection !== (baseEntry?.protected === true)) protection.push({ kind, key, protect: wantsProtection });
      if (baseEntry?.protected && (outcome.resource.action === 'delete' || outcome.resource.toYaml?.action === 'remove'))
        blockers.push(protectedDelete(kind, key, desiredEntry === undefined));
      if (outcome.drift) drift.push(outcome.drift);
      if (desiredEntry) desiredDefs.push({ kind, def: desiredEntry.def });
      if (liveEntry && outcome.resource.status === 'unmanaged') unmanaged.push({ kind, def: liveEntry.def });
    }
  }

  const references = deletedReferenceNotices(resources, desiredDefs, unmanaged);
  blockers.push(...references.blockers);
  warnings.push(...references.warnings);
  if (options.only) {
    const narrowed = narrowToOnly({ resources, drift, blockers, warnings }, options.only);
    [resources, drift, blockers, warnings] = [narrowed.resources, narrowed.drift, narrowed.blockers, narrowed.warnings];
  }

  const ordered = orderSteps(resources);
  const steps: ApplyStep[] = ordered.steps;
  blockers.push(...ordered.blockers);
  warnings.push(...ordered.warnings);

  for (const resource of resources) {
    const count = kindOf(resource.kind).holdsContent ? options.contentItemCounts?.[resource.key] : undefined;
    if (count !== undefined) resource.contentItems = count;
  }
  warnings.push(...lossyTypeChangeNotices(resources));

  const blockedIds = new Set(blockers.flatMap((blocker) => blocker.resources.map((ref) => `${ref.kind}:${ref.key}`)));
  for (const resource of resources) resource.blocked = blockedIds.has(`${resource.kind}:${resource.key}`);
  const requiresApproval = requiredApprovals(resources);

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
    ...(protection.length > 0 ? { protection } : {}),
  };
}

/** PL117: the lockfile records the type as protected, so no plan may delete it (from the CMS, or its YAML). */
function protectedDelete(kind: ResourceKind, key: string, yamlDeleted: boolean): PlanNotice {
  return {
    code: 'PL117',
    summary: `${key} is protected`,
    detail: yamlDeleted
      ? `${key} was applied with \`protect: true\`, and its YAML is gone, so this plan would delete it from the CMS with its content. If that is meant, restore the YAML, remove \`protect: true\`, apply that change on its own (reviewed), then delete the YAML. Otherwise restore the YAML (git checkout).`
      : `${key} is recorded as protected, and this plan would remove it. Remove \`protect: true\` from its YAML and apply that on its own first.`,
    resources: [{ kind, key }],
  };
}

interface Desired<T> {
  def: T;
  origin?: SourceLocation;
  protect?: true;
  renames?: Record<string, string>;
  renamedFrom?: string;
}

interface Live<T> {
  def: T;
  version: VersionToken;
  readOnly: boolean;
  modifiedBy?: string;
}

function indexDesired(
  descriptor: { kind: ResourceKind; label: string },
  entries: ReadonlyArray<{
    def: Definition;
    origin?: SourceLocation;
    protect?: true;
    renames?: Record<string, string>;
    renamedFrom?: string;
  }>,
  normalize: (def: Definition) => Definition,
  blockers: PlanNotice[],
): Map<string, Desired<Definition>> {
  const index = new Map<string, Desired<Definition>>();
  for (const { def, origin, protect, renames, renamedFrom } of entries) {
    if (index.has(def.key)) {
      blockers.push({
        code: 'PL110',
        summary: `Duplicate ${descriptor.label} key "${def.key}"`,
        detail: `"${def.key}" is declared more than once in YAML${origin ? ` (again at ${origin.file}:${origin.line}:${origin.column})` : ''}; the plan used the first declaration. Keys are unique: remove or rename one.`,
        resources: [{ kind: descriptor.kind, key: def.key }],
      });
      continue;
    }
    index.set(def.key, {
      def: normalize(def),
      ...(origin ? { origin } : {}),
      ...(protect ? { protect } : {}),
      ...(renames ? { renames } : {}),
      ...(renamedFrom ? { renamedFrom } : {}),
    });
  }
  return index;
}

function indexLive(
  entries: ReadonlyArray<{ def: Definition; version: VersionToken; readOnly: boolean; modifiedBy?: string }>,
  normalize: (def: Definition) => Definition,
  builtIn: (key: string) => boolean,
): Map<string, Live<Definition>> {
  const index = new Map<string, Live<Definition>>();
  for (const entry of entries) {
    if (index.has(entry.def.key)) continue;
    const live: Live<Definition> = {
      def: normalize(entry.def),
      version: entry.version,
      readOnly: entry.readOnly || builtIn(entry.def.key),
    };
    if (entry.modifiedBy !== undefined) live.modifiedBy = entry.modifiedBy;
    index.set(entry.def.key, live);
  }
  return index;
}

function indexBase(
  entries: Readonly<Record<string, { def: Definition; version?: VersionToken; protected?: true }>>,
  normalize: (def: Definition) => Definition,
): Map<string, { def: Definition; version?: VersionToken; protected?: true }> {
  return new Map(
    Object.entries(entries).map(([key, entry]) => [
      key,
      { def: normalize(entry.def), ...(entry.version ? { version: entry.version } : {}), ...(entry.protected ? { protected: true } : {}) },
    ]),
  );
}

/**
 * A list read gives no ETag per resource; the lockfile has the one catalyst's last write got. When
 * the resource is unchanged since (same digest), that ETag is the precondition an update sends
 * without reading first; if it is no longer current, the platform answers 412 and apply reads then.
 */
function withLockedEtag(
  live: Live<Definition> | undefined,
  base: { def: Definition; version?: VersionToken } | undefined,
  digestOf: (def: Definition) => string,
): Live<Definition> | undefined {
  const etag = base?.version?.etag;
  if (!live || !base || etag === undefined || live.version.etag !== undefined || digestOf(live.def) !== digestOf(base.def)) return live;
  return { ...live, version: { ...live.version, etag } };
}

function sortedKeys(...maps: Array<Map<string, unknown>>): string[] {
  return [...new Set(maps.flatMap((map) => [...map.keys()]))].sort(compareCodeUnits);
}

/** The destructive changes among `resources` that `--allow-destructive` must approve. */
export function requiredApprovals(resources: readonly ResourcePlan[]): ApprovalItem[] {
  const items: ApprovalItem[] = [];
  for (const resource of resources) {
    const { kind, key } = resource;
    if (resource.action === 'delete') {
      const finding = deleteFinding(kind, key);
      items.push({ kind, key, code: finding.code, path: '', reason: finding.reason });
    }
    if (resource.toYaml?.action === 'remove') {
      const finding = deleteFinding(kind, key);
      items.push({ kind, key, code: finding.code, path: '', reason: `Removed from the YAML: ${resource.toYaml.reason}` });
    }
    for (const change of resource.changes) {
      if (change.risk === 'destructive' && change.code)
        items.push({ kind, key, code: change.code, path: change.path, reason: change.reason ?? '' });
    }
  }
  return items;
}

/** The plan's counts, from its resources, steps, drift and approvals. */
export function summarize(
  resources: readonly ResourcePlan[],
  steps: readonly ApplyStep[],
  drift: readonly DriftEntry[],
  requiresApproval: readonly ApprovalItem[],
): PlanSummary {
  const statuses: PlanSummary['statuses'] = {
    new: 0,
    adopt: 0,
    modified: 0,
    drifted: 0,
    conflict: 0,
    deleted: 0,
    in_sync: 0,
    unmanaged: 0,
  };
  const actions: PlanSummary['actions'] = { create: 0, update: 0, delete: 0, adopt: 0, forget: 0, none: 0 };
  let conflicts = 0;
  for (const resource of resources) {
    statuses[resource.status] += 1;
    actions[resource.action] += 1;
    conflicts += resource.conflicts.filter((conflict) => conflict.resolution === 'unresolved').length;
  }
  const writes = steps.filter((step) => step.action === 'create' || step.action === 'update' || step.action === 'delete').length;
  const yamlWrites = resources.filter((resource) => resource.toYaml !== undefined).length;
  return {
    statuses,
    actions,
    steps: steps.length,
    writes,
    yamlWrites,
    conflicts,
    drifted: drift.length,
    destructive: requiresApproval.length,
  };
}

/** Whether applying the plan would change anything: a step for the CMS or the lockfile, or a write into the YAML. */
export function hasChanges(plan: Pick<Plan, 'summary' | 'protection'>): boolean {
  return plan.summary.steps > 0 || plan.summary.yamlWrites > 0 || (plan.protection?.length ?? 0) > 0;
}

/**
 * The content types whose content the plan could lose, worth counting items of before the plan
 * is shown: those it deletes (DS101) or changes in a way the server calls data loss (DS102–DS106).
 * Both exist live. Platform-owned types are left out: the plan never writes them.
 */
export function typesToCount(plan: Plan): string[] {
  return plan.resources
    .filter((resource) => kindOf(resource.kind).holdsContent && !resource.readOnly)
    .filter((resource) => resource.codes.some((code) => code === 'DS101' || SERVER_DATA_LOSS_CODES.has(code)))
    .map((resource) => resource.key);
}
