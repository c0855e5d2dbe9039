import { resolveConflicts, type ResolveResult } from '../engine/resolve-conflicts.js';
import type { Config, SelectedTarget } from '../io/config/config.js';
import type { Lockfile } from '../io/lockfile/lockfile.js';
import { writeLockfile } from '../io/lockfile/write-lockfile.js';
import type { CliContext } from './cli-context.js';
import { makePlan } from './make-plan.js';
import { withTarget } from './with-target.js';

/**
 * Settles conflicts as `catalyst resolve` does, for every front end: plans, then takes one side
 * of the conflicts `selector` names (undefined: all) as a change to files only. Taking the YAML
 * side writes the lockfile here; taking the CMS side has written the YAML.
 */
export async function resolveInProject(
  context: CliContext,
  project: { config: Config; target: SelectedTarget; lock: Lockfile },
  take: 'yaml' | 'cms',
  selector: string | undefined,
): Promise<ResolveResult> {
  const { config, target, lock } = project;
  const result = await withTarget(context, target, async (opened) => {
    const { plan } = await makePlan(context, { config, target }, lock, opened);
    return resolveConflicts({
      plan,
      config,
      rules: opened.adapter.profile,
      lock,
      targetName: target.name,
      take,
      ...(selector !== undefined ? { selector } : {}),
      now: context.now(),
      actor: context.actor,
    });
  });
  if (take === 'yaml') await writeLockfile(config.lockfilePath, result.lock);
  return result;
}
