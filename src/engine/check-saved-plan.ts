import { digest } from '../core/digest.js';
import type { Plan } from '../core/plan.js';
import type { BaseState, LiveState } from '../core/state.js';
import type { ServerDefaults } from '../core/defaults.js';
import type { Definition } from '../core/model.js';
import { KIND_TABLE } from '../core/resource-kinds.js';
import { UserError } from '../core/user-error.js';
import type { PlatformAdapter } from '../adapters/port.js';
import type { Lockfile } from '../io/lockfile/lockfile.js';
import { planSealProblems } from '../core/plan-seal.js';
import { savedPlanDisagreements } from '../core/saved-plan-disagreements.js';
import { baseFromLock } from './base-from-lock.js';
import { readLive } from './read-live.js';

export interface SavedPlanTarget {
  adapter: PlatformAdapter;
  lock: Lockfile;
  targetName: string;
  /** The key saved plans must be signed with (CATALYST_PLAN_KEY); without one, an unsigned plan whose digest holds passes. */
  planKey?: string;
  /** The resources the YAML declares now, as `kind:key`: read only when the plan writes a resource the lockfile does not hold. */
  declared: () => Promise<ReadonlySet<string>>;
}

/**
 * Checks a saved plan before anything is written: that it is what was reviewed (assertSavedPlanIntact),
 * that it writes no resource catalyst does not manage, and that nothing it acts on moved since it
 * was made, in the lockfile or in the CMS (checkSavedPlan).
 */
export async function verifySavedPlan(plan: Plan, target: SavedPlanTarget): Promise<void> {
  assertSavedPlanIntact(plan, target.planKey);
  const base = baseFromLock(target.lock, target.targetName);
  const unlocked = unlockedWrites(plan, base);
  const declared = unlocked.length > 0 ? await target.declared() : new Set<string>();
  assertOnlyManagedWrites(unlocked, declared);
  checkSavedPlan(plan, target.targetName, base, await readLive(target.adapter), target.adapter.profile.defaults);
}

/**
 * A saved plan is applied only as the planner wrote it: its steps, approvals, summary and blocked
 * flags must follow from its resources, its digest must match its content, and where a plan key
 * is configured its signature must be made with that key.
 */
export function assertSavedPlanIntact(plan: Plan, planKey?: string): void {
  const problems = [...savedPlanDisagreements(plan), ...planSealProblems(plan, planKey)];
  if (problems.length === 0) return;
  throw new UserError(
    'Saved plan was modified',
    `The plan file is not the plan catalyst saved: ${problems.join('; ')}. Nothing was written. Run \`catalyst plan --out FILE\` again, review it, and apply that file unchanged.`,
  );
}

interface UnlockedWrite {
  action: Plan['steps'][number]['action'];
  id: string;
  key: string;
  /** Apply writes this resource into the YAML first (pull mode), so the adoption shows in the YAML's diff. */
  toYaml: boolean;
}

/** The plan's steps on resources the lockfile does not hold, other than creates. */
function unlockedWrites(plan: Plan, base: BaseState): UnlockedWrite[] {
  const locked = new Set(
    KIND_TABLE.flatMap((descriptor) => Object.keys(base[descriptor.section]).map((key) => `${descriptor.kind}:${key}`)),
  );
  const yamlCreates = new Set(
    plan.resources.filter((resource) => resource.toYaml?.action === 'create').map((resource) => `${resource.kind}:${resource.key}`),
  );
  return plan.steps
    .filter((step) => step.action !== 'create')
    .map((step) => ({ action: step.action, id: `${step.kind}:${step.key}`, key: step.key, toYaml: false }))
    .filter((write) => !locked.has(write.id))
    .map((write) => ({ ...write, toYaml: yamlCreates.has(write.id) }));
}

/**
 * What the lockfile does not hold is not catalyst's: a saved plan may only update or adopt it when
 * the YAML declares it now (adopting what the YAML declares), or adopt it while writing it into the
 * YAML. It never deletes or forgets it, whatever the file says.
 */
function assertOnlyManagedWrites(writes: readonly UnlockedWrite[], declared: ReadonlySet<string>): void {
  const refused = writes.filter((write) => {
    if (write.action === 'delete' || write.action === 'forget') return true;
    if (write.action === 'adopt' && write.toYaml) return false;
    return !declared.has(write.id);
  });
  if (refused.length === 0) return;
  throw new UserError(
    'Saved plan touches unmanaged resources',
    `The plan file would ${refused.map((write) => `${write.action} "${write.key}"`).join(', ')}, which the lockfile does not hold and the YAML does not declare: catalyst never writes a resource it does not manage. Nothing was written. Run \`catalyst plan --out FILE\` again and review it.`,
  );
}

/**
 * A saved plan is bound to the states it was computed from, per resource: apply refuses it when
 * any resource it acts on changed since, in the CMS or in the lockfile. Resources the plan leaves
 * alone may change freely (unlike Terraform's whole-state serial check).
 */
export function checkSavedPlan(plan: Plan, targetName: string, base: BaseState, live: LiveState, defaults: ServerDefaults): void {
  if (plan.target.name !== targetName) {
    throw new UserError(
      'Saved plan is for another target',
      `The plan file was made for target "${plan.target.name}", but this run uses target "${targetName}". Apply it with --target ${plan.target.name}, or make a new plan for "${targetName}".`,
    );
  }
  const liveDigests = new Map<string, string>();
  const baseDigests = new Map<string, string>();
  for (const descriptor of KIND_TABLE) {
    const digestOf = (def: Definition) => digest(descriptor.normalize(def, defaults));
    for (const resource of live[descriptor.section]) liveDigests.set(`${descriptor.kind}:${resource.def.key}`, digestOf(resource.def));
    for (const [key, entry] of Object.entries(base[descriptor.section])) baseDigests.set(`${descriptor.kind}:${key}`, digestOf(entry.def));
  }

  const moved: string[] = [];
  for (const resource of plan.resources) {
    if (resource.action === 'none') continue;
    const id = `${resource.kind}:${resource.key}`;
    if (liveDigests.get(id) !== resource.digests.live) moved.push(`${resource.key} (changed in the CMS)`);
    else if (baseDigests.get(id) !== resource.digests.base) moved.push(`${resource.key} (changed in the lockfile)`);
  }
  if (moved.length > 0) {
    throw new UserError(
      'Saved plan is stale',
      `The given plan file can no longer be applied because the state was changed by another operation after the plan was created: ${moved.join(', ')}. Nothing was written. Run \`catalyst plan\` again and review the new plan.`,
    );
  }
}
