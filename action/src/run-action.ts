import * as core from '@actions/core';
import { context } from '@actions/github';
import { createOctokit } from './octokit.js';
import { needsDecision } from '../../src/core/needs-decision.js';
import { hasChanges } from '../../src/core/plan.js';
import { renderDiagnostics } from '../../src/render/diagnostics-text.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { plainStyle } from '../../src/render/style.js';
import { commentBody, commentMarker } from './comment-body.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { planTarget, type TargetPlan } from './plan-target.js';
import { upsertComment } from './sticky-comment.js';
import { applyReviewed, mergedPullRequest, reviewedDigest } from './apply-merged.js';
import { selectTargets, workspace } from './targets.js';
import { proposeDrift } from './drift.js';
import { policyNote } from './policy-note.js';

/** The Action: inputs, then the engine per target, then comments, summary and outputs. */
export async function runAction(): Promise<void> {
  const inputs = readInputs();
  if (inputs.command === 'drift') return runDrift(inputs);
  if (inputs.command === 'apply') return runApply(inputs);
  await runPlan(inputs);
}

async function runDrift(inputs: ActionInputs): Promise<void> {
  const where = workspace(inputs);
  const octokit = createOctokit(inputs.token);
  const base =
    (context.payload.repository as { default_branch?: string } | undefined)?.default_branch ?? context.ref.replace(/^refs\/heads\//, '');
  const selected = await selectTargets(inputs, where);
  if (!selected.ok) return fail(selected.problems);
  const failed: string[] = [];
  let drifted = false;
  for (const { config, target, problems } of selected.targets) {
    if (!config || !target) return fail(problems);
    const outcome = await proposeDrift(octokit, config, target, { ...where, base });
    if (outcome.kind === 'failed') failed.push(outcome.reason);
    if (outcome.kind === 'pull-request') drifted = true;
  }
  core.setOutput('has-changes', String(drifted));
  core.setOutput('exit-code', failed.length > 0 ? '1' : '0');
  if (failed.length > 0) core.setFailed(failed.join('\n'));
}

async function runApply(inputs: ActionInputs): Promise<void> {
  const where = workspace(inputs);
  const octokit = createOctokit(inputs.token);
  const merged = await mergedPullRequest(octokit, context.sha);
  if (merged === undefined)
    return fail(`Commit ${context.sha.slice(0, 12)} came from no merged pull request: catalyst applies only plans reviewed in one.`);
  const { number: pullRequest, headSha } = merged;
  const branch = context.ref.replace(/^refs\/heads\//, '');
  const selected = await selectTargets(inputs, where);
  if (!selected.ok) return fail(selected.problems);
  const refused: string[] = [];
  let changed = false;
  for (const { name, config, target, problems } of selected.targets) {
    if (!config || !target) return fail(problems);
    const reviewed = await reviewedDigest(octokit, pullRequest, name);
    const outcome = await applyReviewed(inputs, octokit, config, target, { ...where, reviewed, pullRequest, headSha, branch });
    if (!outcome.ok) {
      refused.push(outcome.reason);
      await octokit.rest.issues.createComment({
        ...context.repo,
        issue_number: pullRequest,
        body: `catalyst did not apply: ${outcome.reason}`,
      });
      continue;
    }
    changed ||= outcome.changed;
    core.setOutput('plan-digest', outcome.digest);
  }
  core.setOutput('has-changes', String(changed));
  core.setOutput('exit-code', refused.length > 0 ? '1' : '0');
  if (refused.length > 0) core.setFailed(refused.join('\n'));
}

async function runPlan(inputs: ActionInputs): Promise<void> {
  const where = workspace(inputs);
  const selected = await selectTargets(inputs, where);
  if (!selected.ok) return fail(selected.problems);
  const pullRequest = context.payload.pull_request as
    { number: number; head: { sha: string; repo?: { fork?: boolean } | null } } | undefined;
  const sha = pullRequest?.head.sha ?? context.sha;
  const results: TargetPlan[] = [];
  /** Per target, what applying its plan will need under the access policy. */
  const notes = new Map<string, string | undefined>();
  for (const { name, config, target, problems } of selected.targets) {
    if (!config || !target) {
      if (pullRequest?.head.repo?.fork) {
        core.notice(
          `Target "${name}": no CMS credentials in a pull request from a fork (GitHub does not pass secrets to those). Nothing was planned.`,
        );
        continue;
      }
      return fail(problems);
    }
    const result = await planTarget(config, target, { ...where, now: new Date().toISOString() });
    results.push(result);
    if (result.ok) notes.set(name, await policyNote(config, name, result.plan, where.cwd));
  }

  for (const result of results) {
    const heading = `catalyst plan · target ${result.target.name}`;
    await core.summary
      .addRaw(
        result.ok
          ? renderPlanMarkdown(result.plan, { budget: 900_000 })
          : `### ${heading}\n\n${renderDiagnostics(result.diagnostics, plainStyle)}`,
      )
      .addEOL()
      .write();
    if (inputs.comment && pullRequest) {
      const octokit = createOctokit(inputs.token);
      const issue = { owner: context.repo.owner, repo: context.repo.repo, issue_number: pullRequest.number };
      const note = notes.get(result.target.name);
      const done = await upsertComment(octokit, issue, commentMarker(result.target.name), commentBody(result, sha, note));
      core.info(`${heading}: comment ${done}.`);
    }
  }

  const planned = results.filter((result) => result.ok);
  const several = results.length > 1;
  core.setOutput('has-changes', String(planned.some((result) => hasChanges(result.plan))));
  core.setOutput('has-conflicts', String(planned.some((result) => needsDecision(result.plan))));
  core.setOutput('has-destructive', String(planned.some((result) => result.plan.requiresApproval.length > 0)));
  core.setOutput('plan-digest', planned.map((result) => (several ? `${result.target.name}=${result.digest}` : result.digest)).join('\n'));
  core.setOutput('plan-file', planned.map((result) => result.planFile).join('\n'));
  const exitCode = results.some((result) => !result.ok || (!result.plan.applyable && !needsDecision(result.plan)))
    ? 1
    : planned.some((result) => needsDecision(result.plan))
      ? 3
      : 0;
  core.setOutput('exit-code', String(exitCode));
  if (exitCode === 1) core.setFailed('A plan could not be made or is blocked; the pull request comment and the job summary say why.');
  if (exitCode === 3)
    core.setFailed('A plan is blocked by conflicts that need a decision; the pull request comment says how to settle them.');
}

function fail(message: string): void {
  core.setOutput('exit-code', '1');
  core.setFailed(message);
}
