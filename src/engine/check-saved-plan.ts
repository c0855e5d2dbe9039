import { digest } from '../core/digest.js';
import type { Plan } from '../core/plan.js';
import type { BaseState, LiveState } from '../core/state.js';
import type { ServerDefaults } from '../core/defaults.js';
import type { Definition } from '../core/model.js';
import { KIND_TABLE } from '../core/resource-kinds.js';
import { UserError } from '../core/user-error.js';
import type { PlatformAdapter } from '../adapters/port.js';
import type { Lockfile } from '../io/lockfile/lockfile.js';
import { baseFromLock } from './base-from-lock.js';
import { readLive } from './read-live.js';

/** Reads the target's last synced state from the lockfile and its live state from the CMS, then checks the saved plan against both. */
export async function verifySavedPlan(plan: Plan, target: { adapter: PlatformAdapter; lock: Lockfile; targetName: string }): Promise<void> {
  checkSavedPlan(
    plan,
    target.targetName,
    baseFromLock(target.lock, target.targetName),
    await readLive(target.adapter),
    target.adapter.profile.defaults,
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
