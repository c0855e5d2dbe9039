import type { DefinitionChange } from '../core/generated/plan.js';
import { diffDefinitions } from '../core/diff.js';
import { digest } from '../core/digest.js';
import type { Definition } from '../core/model.js';
import { kindOf } from '../core/resource-kinds.js';
import { isStep, type ChainedRecord, type ChainedStep } from '../io/audit/history-chain.js';
import { lockedTarget, type Lockfile } from '../io/lockfile/lockfile.js';

export interface HistoryStep {
  seq: number;
  action: ChainedStep['action'];
  kind: ChainedStep['kind'];
  key: string;
  codes: string[];
  semver?: string;
  /**
   * What a create or an update changed, member by member, where the history shows both sides:
   * the definition before it (none for a create) and the one after (the next record's "before",
   * or the lockfile's for the newest), whose digest must be the one the step recorded. Null
   * where they are not known.
   */
  changes: DefinitionChange[] | null;
}

export interface HistoryRun {
  run: string;
  at: string;
  actor: string;
  actorSource?: string;
  steps: HistoryStep[];
}

/** A target's runs, newest first, each with its steps in the order they ran (runs the access policy refused are not listed). */
export function historyRuns(records: readonly ChainedRecord[], lock: Lockfile, target: string): HistoryRun[] {
  const section = lockedTarget(lock, target);
  const runs = new Map<string, HistoryRun>();
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
  return [...runs.values()].reverse();
}

function changesOf(record: ChainedStep, later: readonly ChainedStep[], locked: Definition | undefined): DefinitionChange[] | null {
  if ((record.action !== 'create' && record.action !== 'update') || record.after === undefined) return null;
  const next = later.find((other) => other.kind === record.kind && other.key === record.key && other.definitionBefore !== undefined);
  const after = (next ? next.definitionBefore : locked) as Definition | undefined;
  if (after === undefined || digest(after) !== record.after) return null;
  const before = record.definitionBefore as Definition | undefined;
  return before === undefined ? diffDefinitions({ key: record.key } as Definition, after) : diffDefinitions(before, after);
}
