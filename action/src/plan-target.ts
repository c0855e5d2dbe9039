import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { changesDigest } from '../../src/core/changes-digest.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { hasErrors } from '../../src/core/diagnostic.js';
import type { Plan } from '../../src/core/plan.js';
import { openTarget } from '../../src/engine/open-target.js';
import { reconcile } from '../../src/engine/reconcile.js';
import type { Config, SelectedTarget } from '../../src/io/config/config.js';
import { readLockfile } from '../../src/io/lockfile/read-lockfile.js';
import { planKeyFrom, writePlanFile } from '../../src/io/plan/plan-file.js';

export type TargetPlan =
  | { ok: true; target: SelectedTarget; plan: Plan; digest: string; planFile: string }
  | { ok: false; target: SelectedTarget; diagnostics: Diagnostic[] };

/** Plans one target as `catalyst plan` does, and saves the plan JSON under `dir` for an artifact step. */
export async function planTarget(
  config: Config,
  target: SelectedTarget,
  options: { cwd: string; dir: string; now: string },
): Promise<TargetPlan> {
  const lock = await readLockfile(config.lockfilePath, { cwd: options.cwd });
  if (!lock.lock || hasErrors(lock.diagnostics)) return { ok: false, target, diagnostics: lock.diagnostics };
  const opened = await openTarget(target);
  try {
    const result = await reconcile({ config, target, adapter: opened.adapter, lock: lock.lock, cwd: options.cwd, now: options.now });
    if (!result.ok) return { ok: false, target, diagnostics: result.diagnostics };
    await mkdir(options.dir, { recursive: true });
    const planFile = join(options.dir, `catalyst-plan-${target.name}.json`);
    await writePlanFile(planFile, result.plan, planKeyFrom(process.env));
    return { ok: true, target, plan: result.plan, digest: changesDigest(result.plan), planFile };
  } finally {
    await opened.close();
  }
}
