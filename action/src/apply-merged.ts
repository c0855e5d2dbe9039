import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import type { Octokit } from './octokit.js';
import type { Config, SelectedTarget } from '../../src/io/config/config.js';
import { assertApplyable } from '../../src/engine/apply-plan.js';
import { hasChanges } from '../../src/core/plan.js';
import { commentMarker } from './comment-body.js';
import { applyInWorkspace } from './targets.js';
import { historyFileFor } from '../../src/io/audit/history-chain.js';
import { commitFiles } from './commit-files.js';
import type { ActionInputs } from './inputs.js';
import { planTarget } from './plan-target.js';
import { authorizeApply } from './authorize-apply.js';

/** The pull request this push merged, if the commit came from one: its number, and the head commit that was merged (what approvals must be of). */
export async function mergedPullRequest(octokit: Octokit, sha: string): Promise<{ number: number; headSha: string } | undefined> {
  const pulls = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...context.repo, commit_sha: sha });
  const merged = pulls.data.find((pull) => pull.merged_at !== null);
  return merged && { number: merged.number, headSha: merged.head.sha };
}

/** The plan digest a target's sticky comment on the pull request showed when it was reviewed. */
export async function reviewedDigest(octokit: Octokit, pullRequest: number, target: string): Promise<string | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...context.repo, issue_number: pullRequest, per_page: 100 });
  const body = comments.find((comment) => comment.body?.includes(commentMarker(target)))?.body ?? '';
  return /plan digest `(sha256:[0-9a-f]{64})`/.exec(body)?.[1];
}

export type ApplyOutcome = { ok: true; changed: boolean; digest: string } | { ok: false; reason: string };

/**
 * `apply` for one target after a merge: plans again and applies only when the new plan carries
 * the changes the pull request was reviewed with (the same digest); then commits the lockfile
 * (and any YAML the plan wrote) to the branch, or opens a pull request when it is protected.
 */
export async function applyReviewed(
  inputs: ActionInputs,
  octokit: Octokit,
  config: Config,
  target: SelectedTarget,
  options: { cwd: string; dir: string; reviewed: string | undefined; pullRequest: number; headSha: string; branch: string },
): Promise<ApplyOutcome> {
  const planned = await planTarget(config, target, { cwd: options.cwd, dir: options.dir, now: new Date().toISOString() });
  if (!planned.ok) return { ok: false, reason: `catalyst could not plan target "${target.name}"; see the log.` };
  if (options.reviewed === undefined)
    return {
      ok: false,
      reason: `pull request #${options.pullRequest} has no reviewed plan for target "${target.name}" (no catalyst plan comment).`,
    };
  if (planned.digest !== options.reviewed)
    return {
      ok: false,
      reason: `the plan for target "${target.name}" is no longer the one reviewed in #${options.pullRequest} (digest ${planned.digest}, reviewed ${options.reviewed}): the CMS changed after the review. Plan again in a new pull request.`,
    };
  const { plan } = planned;
  if (!hasChanges(plan)) return { ok: true, changed: false, digest: planned.digest };
  assertApplyable(plan, inputs.allowDestructive);
  const denied = await authorizeApply(octokit, config, target, plan, options);
  if (denied !== undefined) return { ok: false, reason: denied };
  const result = await applyInWorkspace(plan, config, target, {
    cwd: options.cwd,
    allowDestructive: inputs.allowDestructive,
    actor: `${context.actor} (GitHub Actions run ${context.runId})`,
  });
  // The lockfile, the target's history (part of the repository, hash-chained) and any YAML the apply wrote.
  const files = [config.lockfilePath, historyFileFor(config.lockfilePath, target.name), ...result.yamlFiles];
  const workspace = process.env['GITHUB_WORKSPACE'] ?? options.cwd;
  const contents = await Promise.all(
    files.map(async (path) => ({ path: relative(workspace, path).split(sep).join('/'), content: await readFile(path, 'utf8') })),
  );
  const outcome = await commitFiles(
    octokit,
    context.repo,
    options.branch,
    contents,
    `catalyst: applied #${options.pullRequest} to ${target.name} [skip ci]`,
  );
  core.info(
    outcome.kind === 'pushed'
      ? `Committed the lockfile to ${options.branch} (${outcome.sha.slice(0, 12)}).`
      : `${options.branch} is protected: opened #${outcome.number} with the lockfile.`,
  );
  if (result.failed || result.interrupted)
    return { ok: false, reason: `apply to target "${target.name}" stopped; the lockfile records what was done.` };
  return { ok: true, changed: true, digest: planned.digest };
}
