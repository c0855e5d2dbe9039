import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Plan } from '../core/plan.js';
import { UserError } from '../core/user-error.js';
import type { OpenTarget } from '../engine/open-target.js';
import { reconcile } from '../engine/reconcile.js';
import { rollbackDesired, type RollbackTarget } from '../engine/rollback-desired.js';
import { checkChain, historyFileFor, isStep } from '../io/audit/history-chain.js';
import type { Config, SelectedTarget } from '../io/config/config.js';
import type { Lockfile } from '../io/lockfile/lockfile.js';
import { failOnErrors, type CliContext } from './cli-context.js';
import { withSyncOptions } from './make-plan.js';

interface RollbackProject {
  config: Config;
  target: SelectedTarget;
  lock: Lockfile;
}

/** A rollback plans in push mode with manual conflicts, whatever the target's sync settings: it restores the CMS. */
export function rollbackTargetOf<T extends SelectedTarget>(target: T): T {
  return withSyncOptions(target, { mode: 'push', strategy: 'manual' });
}

/**
 * What rolling back `run` (undefined: the newest) restores, from the target's history, which must
 * pass its hash-chain check: `catalyst rollback` and the web UI's preview start here.
 */
export async function rollbackFromHistory(context: CliContext, project: RollbackProject, run: string | undefined): Promise<RollbackTarget> {
  const { config, target, lock } = project;
  const historyFile = historyFileFor(config.lockfilePath, target.name);
  const shown = relative(context.cwd, historyFile) || historyFile;
  const text = await readFile(historyFile, 'utf8').catch(() => '');
  const { records, problems } = checkChain(text, lock.targets?.[target.name]?.historyHead);
  if (problems.length > 0)
    throw new UserError(
      'The history cannot be trusted',
      `${shown} fails its check (\`catalyst history verify\` lists why), so catalyst will not roll back from it.`,
    );
  const chosen = run ?? records.filter(isStep).at(-1)?.run;
  if (chosen === undefined) throw new UserError('Nothing to roll back', `${shown} records no run for target ${target.name}.`);
  return rollbackDesired(lock, target.name, records, chosen);
}

/** The plan that puts the CMS back as `back` describes, made like any plan (nothing is written). */
export async function planRollback(context: CliContext, project: RollbackProject, opened: OpenTarget, back: RollbackTarget): Promise<Plan> {
  const result = await reconcile({
    config: project.config,
    target: project.target,
    adapter: opened.adapter,
    lock: project.lock,
    cwd: context.cwd,
    now: context.now(),
    desired: back.desired,
  });
  context.progress.stop();
  failOnErrors(context, result.diagnostics, 'Cannot plan the rollback', 'Nothing was sent to the CMS.');
  if (!result.ok) throw new UserError('Cannot plan the rollback', 'See the problems above.');
  return result.plan;
}
