import type { DefinitionChange } from '../core/generated/plan.js';
import { diffDefinitions } from '../core/diff.js';
import { digest } from '../core/digest.js';
import type { Definition } from '../core/model.js';
import { kindOf } from '../core/resource-kinds.js';
import { isStep, type ChainedRecord, type ChainedStep } from '../io/audit/history-chain.js';
import { lockedTarget, type Lockfile } from '../io/lockfile/lockfile.js';
import type { HistoryRun, HistoryStep } from './web/history-shape.js';

export type { HistoryRun, HistoryStep };

/** A target's runs, newest first, each with its steps in the order they ran; a run the access policy refused is listed with why. */
export function historyRuns(records: readonly ChainedRecord[], lock: Lockfile, target: string): HistoryRun[] {
  const section = lockedTarget(lock, target);
  const runs = new Map<string, HistoryRun>();
  for (const record of records) {
    if (isStep(record)) continue;
    const { at, actor, actorSource, operation, grant, rule, reason } = record;
    runs.set(record.run, {
      run: record.run,
      at,
      actor,
      ...(actorSource ? { actorSource } : {}),
      steps: [],
      denied: { operation, grant, rule, reason },
    });
  }
  const steps = records.filter(isStep);
  steps.forEach((record, index) => {
    const run = runs.get(record.run) ?? {
      run: record.run,
      at: record.at,
      actor: record.actor,
      ...(record.actorSource ? { actorSource: record.actorSource } : {}),
      steps: [],
    };
    const locked = section[kindOf(record.kind).section][record.key]?.definition as Definition | undefined;
    run.steps.push({
      seq: record.seq,
      action: record.action,
      kind: record.kind,
      key: record.key,
      codes: record.codes ?? [],
      ...(record.semver ? { semver: record.semver } : {}),
      changes: changesOf(record, steps.slice(index + 1), locked),
    });
    runs.set(record.run, run);
  });
  // Newest first, each run placed at its first record.
  const first = new Map<string, number>();
  for (const record of records) {
    if (!first.has(record.run)) first.set(record.run, record.seq);
  }
  return [...runs.values()].sort((a, b) => first.get(b.run)! - first.get(a.run)!);
}

function changesOf(record: ChainedStep, later: readonly ChainedStep[], locked: Definition | undefined): DefinitionChange[] | null {
  if ((record.action !== 'create' && record.action !== 'update') || record.after === undefined) return null;
  const next = later.find((other) => other.kind === record.kind && other.key === record.key && other.definitionBefore !== undefined);
  const after = (next ? next.definitionBefore : locked) as Definition | undefined;
  if (after === undefined || digest(after) !== record.after) return null;
  const before = record.definitionBefore as Definition | undefined;
  return before === undefined ? diffDefinitions({ key: record.key } as Definition, after) : diffDefinitions(before, after);
}
