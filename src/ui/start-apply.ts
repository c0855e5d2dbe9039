import { relative } from 'node:path';
import { withLockedProject, type CliContext, type ProjectArgs } from '../cli/cli-context.js';
import { makePlan } from '../cli/make-plan.js';
import { stepDoneLine, stepStartLine } from '../cli/render-apply.js';
import { applyInputFor } from '../cli/run-apply.js';
import { withTarget } from '../cli/with-target.js';
import { authorizeRun } from '../cli/authorize-run.js';
import { approvalName, type Approval } from '../core/approval.js';
import { changesDigest } from '../core/changes-digest.js';
import { hasChanges, type Plan } from '../core/plan.js';
import { applyPlan, assertApplyable, type ApplyResult, type StepEvent } from '../engine/apply-plan.js';
import { plainStyle } from '../render/style.js';
import { ApplyJob } from './apply-job.js';
import { errorResponse, HttpError } from './http-error.js';

/** What the dashboard sends to apply: the plan the person reviewed, and their confirmation. */
export interface ApplyRequest {
  /** `changesDigest` of the plan shown: the apply is refused when the plan made now differs. */
  changes: string;
  /** The target's name, typed by the person: needed when the plan has destructive changes. */
  confirm?: string;
  /** The destructive changes shown (`approvalName`s), all of them: approved exactly, as `--allow-destructive=…` does. */
  approve?: string[];
}

/**
 * Starts an apply as `catalyst apply` runs one — the target's lock taken first, a new plan, the
 * same gates, the same engine input — and resolves with its job once the gates have passed (a
 * refusal rejects, nothing written). The steps then run in the background, reported on the job,
 * which also carries the AbortSignal that stops the run between steps. `hooks.track` gets the
 * whole run (settled once the lock is released); `hooks.report` errors that are bugs.
 */
export function startApply(
  context: CliContext,
  args: ProjectArgs,
  request: ApplyRequest,
  hooks: { register: (job: ApplyJob) => void; track: (run: Promise<void>) => void; report: (error: unknown) => void },
): Promise<ApplyJob> {
  const { register, report } = hooks;
  return new Promise((resolve, reject) => {
    let job: ApplyJob | undefined;
    const run = withLockedProject(context, args, 'apply', ({ config, lock, target }) =>
      withTarget(context, target, async (opened) => {
        const { plan } = await makePlan(context, { config, target }, lock, opened);
        const allowDestructive = gate(plan, request, target.name);
        await authorizeRun(context, config, target.name, 'apply', { plan, lockHeld: true });
        const started = new ApplyJob(target.name);
        job = started;
        register(started);
        resolve(started);
        const result = await applyPlan({
          ...applyInputFor(context, { plan, opened, lock, config, target, allowDestructive }),
          onStep: (event) => started.emit(event.type, stepData(event)),
          signal: started.signal,
        });
        started.finish(outcomeOf(result, (path) => relative(config.rootDir, path) || path, report));
      }),
    ).catch((error: unknown) => {
      if (job) job.finish({ outcome: 'failed', error: errorResponse(error, '', report).body.error });
      else reject(error);
    });
    hooks.track(run);
  });
}

/** The CLI's gates for a plan applied from the dashboard; returns the approval of its destructive changes. */
function gate(plan: Plan, request: ApplyRequest, target: string): Approval {
  if (!hasChanges(plan)) throw new HttpError(409, 'No changes', 'The CMS matches the YAML and the lockfile: there is nothing to apply.');
  if (changesDigest(plan) !== request.changes)
    throw new HttpError(
      409,
      'The plan changed',
      'The YAML, the lockfile or the CMS changed since the plan you reviewed was made, so it was not applied. Review the new plan, then apply again.',
    );
  if (plan.requiresApproval.length === 0) {
    assertApplyable(plan, false);
    return false;
  }
  if (request.confirm !== target)
    throw new HttpError(
      400,
      'Confirmation needed',
      `The plan has destructive changes. Type the target name (${target}) to approve exactly the destructive changes shown, then apply.`,
    );
  const approval = [...new Set(plan.requiresApproval.map(approvalName))];
  const approved = new Set(request.approve ?? []);
  if (approved.size !== approval.length || !approval.every((name) => approved.has(name)))
    throw new HttpError(
      409,
      'Approval does not match the plan',
      `The plan's destructive changes are ${approval.join(', ')}; the request approved ${[...approved].join(', ') || 'none'}. Only exactly the changes shown can be approved: review the plan again, then apply.`,
    );
  assertApplyable(plan, approval);
  return approval;
}

function stepData(event: StepEvent): Record<string, unknown> {
  const { index, total, step } = event;
  const line = event.type === 'start' ? stepStartLine(event) : stepDoneLine(event, plainStyle);
  return { index, total, action: step.action, kind: step.kind, key: step.key, line };
}

function outcomeOf(result: ApplyResult, shown: (path: string) => string, report: (error: unknown) => void): Record<string, unknown> {
  const count = (action: string) => result.completed.filter((outcome) => outcome.action === action).length;
  const totals = {
    created: count('create'),
    updated: count('update'),
    deleted: count('delete'),
    lockfileOnly: count('adopt') + count('forget'),
    skipped: result.skipped.length,
  };
  const yamlFiles = result.yamlFiles.map(shown);
  if (result.interrupted) return { outcome: 'interrupted', ...totals, yamlFiles };
  if (!result.failed) return { outcome: 'complete', ...totals, yamlFiles };
  const { step, error } = result.failed;
  return {
    outcome: 'failed',
    ...totals,
    yamlFiles,
    failedStep: { action: step.action, kind: step.kind, key: step.key },
    error: errorResponse(error, '', report).body.error,
  };
}
