import { dirname, relative, sep } from 'node:path';
import type { PlatformAdapter } from '../adapters/port.js';
import type { ApplyStep } from '../core/generated/plan.js';
import { assertNever } from '../core/assert-never.js';
import type { VersionToken } from '../core/model.js';
import type { Plan } from '../core/plan.js';
import { HistoryWriter } from '../io/audit/history-chain.js';
import { clearInFlight, writeInFlight } from '../io/audit/journal.js';
import { writeBackup } from '../io/audit/write-backup.js';
import { kindOf } from '../core/resource-kinds.js';
import {
  createLockEntry,
  lockedTarget,
  removeLockEntry,
  setLockEntry,
  withHistoryHead,
  withProtection,
  type Lockfile,
} from '../io/lockfile/lockfile.js';
import { writeLockfile, writeLockfileSync } from '../io/lockfile/write-lockfile.js';
import { UserError } from '../core/user-error.js';
import { approvalName, unapproved, type Approval } from '../core/approval.js';
import { bumpOf, FIRST_VERSION, nextVersion } from '../core/semantic-version.js';
import { InternalError } from '../core/internal-error.js';
import { digest } from '../core/digest.js';
import { applyBatch, batchableSteps } from './apply-batch.js';
import { outcomeDigests, runStep, type StepContext, type StepOutcome } from './run-step.js';

export interface ApplyInput {
  plan: Plan;
  adapter: PlatformAdapter;
  lock: Lockfile;
  lockfilePath: string;
  /** Where the audit history (JSON Lines) and backups of destructive steps go. */
  historyFile: string;
  /** Where the write under way is noted before it is sent (see io/audit/journal.ts); none when absent. */
  journalFile?: string;
  backupDir: string;
  targetName: string;
  /** Who applies: recorded in the lockfile and the history. Never a secret. */
  actor: string;
  /** Where `actor` comes from, for the history (a CI identity, or self-declared). */
  actorSource?: 'ci' | 'declared' | 'git' | 'os';
  /** The clock, ISO 8601. */
  now: () => string;
  /** The destructive changes the user approved (see core/approval.ts); the plan's must all be. */
  allowDestructive: Approval;
  onStep?: (event: StepEvent) => void;
  /** When aborted, the step under way finishes and is recorded, and no further step starts. */
  signal?: AbortSignal;
  /**
   * Writes the plan's YAML side (pull, bidirectional); required when the plan has one. It runs
   * before the CMS is written: an apply interrupted after it leaves YAML edits the next plan
   * carries on, never a lockfile that would make catalyst forget a CMS edit.
   */
  writeYaml?: (plan: Plan) => Promise<string[]>;
  /**
   * Receives, once, a function that writes the lockfile as it stands synchronously: to be called
   * when the process must exit at once (a second Ctrl-C), so no completed step goes unrecorded.
   */
  onExitNow?: (recordNow: () => void) => void;
  /**
   * Creates and non-destructive updates go in one batch write where the platform has one (see
   * apply-batch.ts). Default true; false: one write per resource, each with its precondition.
   */
  batch?: boolean;
}

export type StepEvent =
  | { type: 'start'; index: number; total: number; step: ApplyStep }
  | { type: 'done'; index: number; total: number; step: ApplyStep; outcome: StepOutcome };

export interface ApplyResult {
  /** The YAML files written or removed, before the steps. */
  yamlFiles: string[];
  completed: StepOutcome[];
  /** The step that failed and why; the steps after it did not run. */
  failed?: { step: ApplyStep; error: unknown };
  /** Further steps of a batch that failed with `failed` (each its own reason). */
  alsoFailed?: Array<{ step: ApplyStep; error: unknown }>;
  /** The run was stopped (`signal`) between steps; `skipped` holds the steps not started. */
  interrupted?: boolean;
  skipped: ApplyStep[];
  lock: Lockfile;
}

/**
 * Runs a plan's steps in order (the planner's order: lockfile-only steps, creates, updates,
 * deletes); where the platform has a batch write, the creates and non-destructive updates go
 * together in one (apply-batch.ts), at the place of the first of them. Each write carries a precondition; each successful step is appended to the audit
 * history at once, and the lockfile is written atomically every few steps and whenever the run
 * stops, so an interrupted apply is recorded truthfully and the next plan picks up from there.
 * Stops at the first failure.
 */
export async function applyPlan(input: ApplyInput): Promise<ApplyResult> {
  assertApplyable(input.plan, input.allowDestructive);
  const run = input.now().replace(/[:.]/g, '-');
  const planDigest = digest(input.plan);
  const backups = new Map<string, string>();
  const context: StepContext = {
    adapter: input.adapter,
    created: new Map<string, VersionToken>(),
    allowDestructive: input.allowDestructive !== false,
    backup: async (kind, key, current) => {
      const path = await writeBackup(input.backupDir, run, kind, key, { target: input.targetName, kind, key, ...current });
      backups.set(`${kind}:${key}`, relative(dirname(input.lockfilePath), path).split(sep).join('/'));
    },
  };
  const completed: StepOutcome[] = [];
  let lock = input.lock;
  const steps = input.plan.steps;
  if (input.plan.summary.yamlWrites > 0 && !input.writeYaml) throw new InternalError('a plan with YAML changes needs writeYaml');
  const yamlFiles = input.plan.summary.yamlWrites > 0 && input.writeYaml ? await input.writeYaml(input.plan) : [];
  const history = await HistoryWriter.open(input.historyFile, run);
  const who = { actor: input.actor, ...(input.actorSource ? { actorSource: input.actorSource } : {}), plan: planDigest };
  await history.append(
    input.plan.resources.flatMap((resource) => {
      if (!resource.toYaml) return [];
      const { action, after } = resource.toYaml;
      const digests = {
        ...(resource.digests.desired ? { before: resource.digests.desired } : {}),
        ...(after ? { after: digest(after) } : {}),
      };
      return [
        {
          at: input.now(),
          ...who,
          target: input.targetName,
          action: `yaml-${action}` as const,
          kind: resource.kind,
          key: resource.key,
          ...digests,
        },
      ];
    }),
  );
  // The lockfile is rewritten whole, so writing it after every step would cost time quadratic in
  // the plan's size. It is written every FLUSH_STEPS steps or FLUSH_MS, and always when the run
  // stops (done, failed, interrupted). A run killed outright loses at most the steps since: the
  // next plan finds them done on the CMS and records them without writing (adopt, forget).
  let written = lock;
  input.onExitNow?.(() => {
    if (written !== lock) writeLockfileSync(input.lockfilePath, withHistoryHead(lock, input.targetName, history.head));
  });
  let flushedAt = Date.now();
  let sinceFlush = 0;
  const flush = async () => {
    lock = withProtection(lock, input.targetName, input.plan.protection ?? []);
    if (written !== lock) {
      lock = withHistoryHead(lock, input.targetName, history.head);
      await writeLockfile(input.lockfilePath, lock);
    }
    written = lock;
    flushedAt = Date.now();
    sinceFlush = 0;
  };
  const settle = async (index: number, step: ApplyStep, outcome: StepOutcome) => {
    lock = record(lock, input, outcome);
    const semver = 'def' in outcome ? lockedTarget(lock, input.targetName)[kindOf(outcome.kind).section][outcome.key]?.semver : undefined;
    sinceFlush += 1;
    if (sinceFlush >= FLUSH_STEPS || Date.now() - flushedAt >= FLUSH_MS) await flush();
    const backup = backups.get(`${step.kind}:${step.key}`);
    await history.append([
      {
        at: input.now(),
        ...who,
        target: input.targetName,
        action: outcome.action,
        kind: outcome.kind,
        key: outcome.key,
        ...outcomeDigests(outcome, input.adapter.profile.defaults),
        ...('before' in outcome && outcome.before
          ? { definitionBefore: kindOf(outcome.kind).normalize(outcome.before.def, input.adapter.profile.defaults) }
          : {}),
        ...('codes' in step && step.codes.length > 0 ? { codes: step.codes } : {}),
        ...(backup ? { backup } : {}),
        ...(semver ? { semver } : {}),
      },
    ]);
    completed.push(outcome);
    input.onStep?.({ type: 'done', index, total: steps.length, step, outcome });
  };
  const batchPort = input.batch === false ? undefined : input.adapter.batch;
  const batch = batchPort ? batchableSteps(steps) : [];
  const done = new Set<ApplyStep>();
  const notDone = (from: number) => steps.slice(from).filter((rest) => !done.has(rest));
  for (const [index, step] of steps.entries()) {
    if (done.has(step)) continue;
    if (input.signal?.aborted) {
      await flush();
      return { yamlFiles, completed, interrupted: true, skipped: notDone(index), lock };
    }
    if (batchPort && batch[0] === step) {
      for (const member of batch) {
        done.add(member);
        input.onStep?.({ type: 'start', index: steps.indexOf(member), total: steps.length, step: member });
      }
      if (input.journalFile)
        await writeInFlight(input.journalFile, {
          run,
          actor: input.actor,
          at: input.now(),
          action: 'batch',
          kind: step.kind,
          key: `${batch.length} resources`,
        });
      let result;
      try {
        result = await applyBatch(batch, input.adapter, batchPort);
      } catch (error) {
        await flush();
        return { yamlFiles, completed, failed: { step, error }, skipped: [...batch.slice(1), ...notDone(index)], lock };
      }
      for (const { step: member, outcome } of result.outcomes) {
        if ('version' in outcome) context.created.set(`${member.kind}:${member.key}`, outcome.version);
        await settle(steps.indexOf(member), member, outcome);
      }
      const [failed, ...alsoFailed] = result.failures;
      if (failed) {
        await flush();
        return { yamlFiles, completed, failed, ...(alsoFailed.length > 0 ? { alsoFailed } : {}), skipped: notDone(index), lock };
      }
      continue;
    }
    input.onStep?.({ type: 'start', index, total: steps.length, step });
    if (input.journalFile && step.action !== 'adopt' && step.action !== 'forget')
      await writeInFlight(input.journalFile, {
        run,
        actor: input.actor,
        at: input.now(),
        action: step.action,
        kind: step.kind,
        key: step.key,
      });
    let outcome: StepOutcome;
    try {
      outcome = await runStep(step, context);
    } catch (error) {
      await flush();
      return { yamlFiles, completed, failed: { step, error }, skipped: notDone(index + 1), lock };
    }
    await settle(index, step, outcome);
    if (input.journalFile) await clearInFlight(input.journalFile);
  }
  await flush();
  if (input.journalFile) await clearInFlight(input.journalFile);
  return { yamlFiles, completed, skipped: [], lock };
}

/** How many steps, or milliseconds, at most between two writes of the lockfile during an apply. */
const FLUSH_STEPS = 25;
const FLUSH_MS = 2_000;

function record(lock: Lockfile, input: ApplyInput, outcome: StepOutcome): Lockfile {
  const synced = { at: input.now(), by: input.actor };
  switch (outcome.action) {
    case 'create':
    case 'update':
    case 'adopt': {
      const entry = createLockEntry(outcome.def, outcome.version, synced);
      const previous = lockedTarget(lock, input.targetName)[kindOf(outcome.kind).section][outcome.key];
      // A change to a protected type keeps it protected; the plan's protection changes are recorded at the flush.
      if (previous?.protected) entry.protected = true;
      const semver = typeVersion(outcome, previous?.semver, input.plan);
      if (semver !== undefined) entry.semver = semver;
      return setLockEntry(lock, input.targetName, outcome.kind, outcome.key, entry);
    }
    case 'delete':
    case 'forget':
      return removeLockEntry(lock, input.targetName, outcome.kind, outcome.key);
    default:
      return assertNever(outcome, 'step outcome');
  }
}

/**
 * A resource's semantic version after a step, for the kinds that carry one: 1.0.0 when created
 * (or first recorded), bumped by the step's change classes when updated, kept when adopted.
 */
function typeVersion(outcome: StepOutcome, previous: string | undefined, plan: Plan): string | undefined {
  if (!kindOf(outcome.kind).versioned) return undefined;
  if (outcome.action === 'create') return FIRST_VERSION;
  if (outcome.action === 'adopt') return previous ?? FIRST_VERSION;
  const resource = plan.resources.find((candidate) => candidate.kind === outcome.kind && candidate.key === outcome.key);
  return nextVersion(previous ?? FIRST_VERSION, bumpOf(resource?.changes ?? []));
}

/** Refuses, before anything is written, a plan with blockers or with destructive changes the user has not approved. */
export function assertApplyable(plan: Plan, approval: Approval): void {
  if (!plan.applyable) {
    const reasons = plan.blockers.map((blocker) => `${blocker.code} ${blocker.summary}`).join('; ');
    throw new UserError(
      'Plan cannot be applied',
      `The plan has blockers: ${reasons}. Resolve them (the plan output says how for each), then plan again.`,
    );
  }
  const missing = unapproved(plan.requiresApproval, approval);
  if (missing.length > 0) {
    const changes = missing.map((item) => `${item.code} ${approvalName(item)}`).join(', ');
    const names = [...new Set(missing.map(approvalName))].join(',');
    throw new UserError(
      'Destructive changes need approval',
      `The plan includes changes that can lose content${approval === false ? '' : ' and were not approved'}: ${changes}. Review them in the plan, then run apply again with --allow-destructive=${names} to approve exactly those (or --only-safe to apply the rest and leave them planned).`,
    );
  }
}
