import type { CliContext, ProjectArgs } from '../cli/cli-context.js';
import { loadTargetedProject } from '../cli/cli-context.js';
import { makePlan } from '../cli/make-plan.js';
import { withTarget } from '../cli/with-target.js';
import type { PlanSummary } from '../core/generated/plan.js';
import { hasChanges } from '../core/plan.js';
import { readHistory } from './read-history.js';

export interface TargetStatus {
  name: string;
  description: string;
  mode: string;
  strategy: string;
  /** How many resources have each status, as `catalyst status` counts them (read-only ones left out). */
  counts: PlanSummary['statuses'];
  hasChanges: boolean;
  applyable: boolean;
  /** The newest run in the target's history: when, and who ran it. */
  lastRun: { run: string; at: string; actor: string; actorSource?: string } | null;
  /** Records that fail the history's hash-chain check (`catalyst history verify`). */
  historyProblems: number;
}

/** A target's state at a glance: a plan's statuses and the newest run in its history. */
export async function targetStatus(context: CliContext, args: ProjectArgs): Promise<TargetStatus> {
  const { config, target, lock } = await loadTargetedProject(context, args);
  const { plan } = await withTarget(context, target, (opened) => makePlan(context, { config, target }, lock, opened));
  const counts = Object.fromEntries(Object.keys(plan.summary.statuses).map((status) => [status, 0])) as PlanSummary['statuses'];
  for (const resource of plan.resources) if (!resource.readOnly) counts[resource.status] += 1;
  const { records, problems } = await readHistory(config, lock, target.name);
  const last = records.at(-1);
  return {
    name: target.name,
    description: plan.target.description,
    mode: plan.mode,
    strategy: plan.strategy,
    counts,
    hasChanges: hasChanges(plan),
    applyable: plan.applyable,
    lastRun: last
      ? { run: last.run, at: last.at, actor: last.actor, ...(last.actorSource ? { actorSource: last.actorSource } : {}) }
      : null,
    historyProblems: problems.length,
  };
}
