import type { Approval } from '../core/approval.js';
import type { Plan } from '../core/plan.js';
import { applyPlan, type ApplyInput, type ApplyResult } from '../engine/apply-plan.js';
import type { OpenTarget } from '../engine/open-target.js';
import { writePlannedYaml } from '../engine/write-planned-yaml.js';
import type { Config, SelectedTarget } from '../io/config/config.js';
import type { Lockfile } from '../io/lockfile/lockfile.js';
import { stateFiles, type CliContext } from './cli-context.js';
import { stepDoneLine, stepStartLine } from './render-apply.js';
import { stopOnInterrupt } from './stop-on-interrupt.js';

/** What an apply from a front end carries out: the plan, the open target and the project it belongs to. */
export interface ApplyRun {
  plan: Plan;
  opened: OpenTarget;
  lock: Lockfile;
  config: Config;
  target: SelectedTarget;
  allowDestructive: Approval;
}

/**
 * The engine's input for applying `run`, the same for every front end (the CLI, the web UI): the
 * lockfile and history next to the config, the YAML side written first. The caller adds how
 * progress is reported and what stops the run.
 */
export function applyInputFor(context: CliContext, run: ApplyRun): ApplyInput {
  const { plan, opened, config } = run;
  return {
    plan,
    adapter: opened.adapter,
    lock: run.lock,
    lockfilePath: config.lockfilePath,
    ...stateFiles(config, run.target.name),
    targetName: run.target.name,
    actor: context.actor,
    actorSource: context.actorSource,
    now: context.now,
    allowDestructive: run.allowDestructive,
    batch: run.target.batch,
    writeYaml: (planned) => writePlannedYaml(planned, config, opened.adapter.profile),
  };
}

/**
 * Applies a plan from the CLI: YAML first, then the steps, with a progress line per step, the
 * lockfile and history next to the config, and Ctrl-C handled as `apply` documents it.
 */
export async function applyFromCli(context: CliContext, run: ApplyRun): Promise<ApplyResult> {
  const interrupt = stopOnInterrupt(context);
  try {
    return await applyPlan({
      ...applyInputFor(context, run),
      onStep: (event) =>
        event.type === 'start' ? context.progress.status(stepStartLine(event)) : context.progress.done(stepDoneLine(event, context.style)),
      signal: interrupt.signal,
      onExitNow: interrupt.beforeExit,
    });
  } finally {
    interrupt.dispose();
    context.progress.stop();
  }
}
