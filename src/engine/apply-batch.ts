import { batchKey, type BatchPort, type PlatformAdapter } from '../adapters/port.js';
import { digest } from '../core/digest.js';
import type { ApplyStep, CreateStep, UpdateStep } from '../core/generated/plan.js';
import { RESOURCE_KINDS, type Definition, type LiveResource, type ResourceKind } from '../core/model.js';
import { kindOf } from '../core/resource-kinds.js';
import type { LiveState } from '../core/state.js';
import type { StepOutcome } from './run-step.js';
import { stale } from './verify-precondition.js';

/** Steps a batch may carry: creates, and updates planned against a live digest that lose no data. */
export type BatchStep = CreateStep | UpdateStep;

/**
 * A batch costs three requests (read, write, read back) whatever its size, where a step on its
 * own costs about one: fewer steps than this go one by one.
 */
export const BATCH_MIN_STEPS = 4;

export interface BatchResult {
  outcomes: Array<{ step: BatchStep; outcome: StepOutcome }>;
  failures: Array<{ step: BatchStep; error: unknown }>;
}

/** The steps of a plan that can go in one batch write, in plan order; none when too few to be worth it. */
export function batchableSteps(steps: readonly ApplyStep[]): BatchStep[] {
  const batchable = steps.filter(
    (step): step is BatchStep =>
      step.action === 'create' || (step.action === 'update' && step.precondition.kind === 'version' && !step.dataLoss),
  );
  return batchable.length >= BATCH_MIN_STEPS ? batchable : [];
}

/**
 * Creates and updates many resources in one write, keeping what a precondition guarantees one by
 * one: a pre-flight read checks that every create is still absent and every update still has the
 * live digest the plan was made against; only those are written; a read-back then checks that the
 * platform holds exactly what the plan asked for. Anything that fails a check fails as stale, as a
 * 412 does. (The gap: an edit made between the pre-flight read and the write is overwritten; the
 * per-type mode, If-Match on each write, has none.)
 */
export async function applyBatch(steps: readonly BatchStep[], adapter: PlatformAdapter, batch: BatchPort): Promise<BatchResult> {
  const digestOf = (kind: ResourceKind, def: Definition) => digest(kindOf(kind).normalize(def, adapter.profile.defaults));
  const wanted = (step: BatchStep) => (step.action === 'create' ? step.definition : step.next);
  const result: BatchResult = { outcomes: [], failures: [] };
  const before = indexed(await batch.readAll());
  const toWrite: BatchStep[] = [];
  for (const step of steps) {
    const live = before.get(batchKey(step.kind, step.key));
    if (step.action === 'create') {
      if (!live) toWrite.push(step);
      else if (digestOf(step.kind, live.def) === digestOf(step.kind, step.definition)) result.outcomes.push(settled(step, live, adapter));
      else result.failures.push({ step, error: stale(step.kind, step.key, 'was created in the CMS after the plan was made') });
    } else if (!live) result.failures.push({ step, error: stale(step.kind, step.key, 'was deleted in the CMS after the plan was made') });
    else if (step.precondition.kind !== 'version' || digestOf(step.kind, live.def) !== step.precondition.digest)
      result.failures.push({ step, error: stale(step.kind, step.key, 'was changed in the CMS after the plan was made') });
    else toWrite.push(step);
  }
  if (toWrite.length === 0) return result;
  let refused: Map<string, unknown>;
  let after: Map<string, LiveResource<Definition>>;
  const holds = (step: BatchStep) => {
    const live = after.get(batchKey(step.kind, step.key));
    return live !== undefined && digestOf(step.kind, live.def) === digestOf(step.kind, wanted(step)) ? live : undefined;
  };
  try {
    refused = await batch.writeAll(
      toWrite.map((step) =>
        step.action === 'create' ? { kind: step.kind, def: step.definition } : { kind: step.kind, def: step.next, previous: step.previous },
      ),
    );
    after = indexed(await batch.readAll());
    // The platform documents its import as eventually consistent: one more look before calling a write stale.
    if (toWrite.some((step) => !refused.has(batchKey(step.kind, step.key)) && !holds(step))) {
      await new Promise((resolve) => setTimeout(resolve, READ_BACK_RETRY_MS));
      after = indexed(await batch.readAll());
    }
  } catch (error) {
    // The write's outcome is unknown: the next plan finds what landed (and records it without writing again).
    result.failures.push(...toWrite.map((step) => ({ step, error })));
    return result;
  }
  for (const step of toWrite) {
    const live = holds(step);
    const error = refused.get(batchKey(step.kind, step.key));
    if (live && !error) result.outcomes.push(settled(step, live, adapter, before.get(batchKey(step.kind, step.key))));
    else
      result.failures.push({
        step,
        error:
          error ?? stale(step.kind, step.key, 'does not hold what catalyst wrote: it was changed in the CMS while catalyst was writing it'),
      });
  }
  return result;
}

const READ_BACK_RETRY_MS = 1_000;

function settled(
  step: BatchStep,
  live: LiveResource<Definition>,
  adapter: PlatformAdapter,
  previous?: LiveResource<Definition>,
): { step: BatchStep; outcome: StepOutcome } {
  const def = kindOf(step.kind).normalize(live.def, adapter.profile.defaults);
  const outcome: StepOutcome = { kind: step.kind, key: step.key, action: step.action, def, version: live.version };
  if (previous) outcome.before = { def: previous.def, version: previous.version };
  return { step, outcome };
}

function indexed(state: LiveState): Map<string, LiveResource<Definition>> {
  const index = new Map<string, LiveResource<Definition>>();
  for (const kind of RESOURCE_KINDS) {
    for (const live of state[kindOf(kind).section] as Array<LiveResource<Definition>>) index.set(batchKey(kind, live.def.key), live);
  }
  return index;
}
