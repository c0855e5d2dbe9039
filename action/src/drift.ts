import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import type { Octokit } from './octokit.js';
import type { Config, SelectedTarget } from '../../src/io/config/config.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { commitToBranch, upsertPullRequest } from './commit-files.js';
import { planTarget } from './plan-target.js';
import { applyInWorkspace } from './targets.js';

export type DriftOutcome =
  { kind: 'none' } | { kind: 'pull-request'; number: number; created: boolean } | { kind: 'failed'; reason: string };

/**
 * `drift` for one target: plans in pull direction; when the CMS changed, writes the CMS side into
 * the YAML (as `catalyst pull` does, in the workspace), commits it with the lockfile to
 * `catalyst/drift/<target>` on top of the default branch, and opens or updates one pull request
 * whose body is the plan. Merging it brings the CMS edits into git; closing it and running apply
 * reverts them.
 */
export async function proposeDrift(
  octokit: Octokit,
  config: Config,
  target: SelectedTarget,
  options: { cwd: string; dir: string; base: string },
): Promise<DriftOutcome> {
  const pulling = { ...target, sync: { ...target.sync, mode: 'pull' as const } };
  const planned = await planTarget(config, pulling, { cwd: options.cwd, dir: options.dir, now: new Date().toISOString() });
  if (!planned.ok) return { kind: 'failed', reason: `catalyst could not plan target "${target.name}"; see the log.` };
  const { plan } = planned;
  if (plan.summary.yamlWrites === 0) return { kind: 'none' };
  if (!plan.applyable)
    return { kind: 'failed', reason: `the drift of target "${target.name}" is blocked; see the plan in the job summary.` };
  const result = await applyInWorkspace(plan, config, pulling, {
    cwd: options.cwd,
    allowDestructive: true,
    actor: `${context.actor} (GitHub Actions run ${context.runId})`,
  });
  if (result.failed || result.interrupted) return { kind: 'failed', reason: `pulling target "${target.name}" stopped; see the log.` };
  const written = [config.lockfilePath, ...result.yamlFiles];
  const workspace = process.env['GITHUB_WORKSPACE'] ?? options.cwd;
  const files: Array<{ path: string; content: string }> = [];
  const removed: string[] = [];
  for (const path of written) {
    const shown = relative(workspace, path).split(sep).join('/');
    const content = await readFile(path, 'utf8').catch(() => undefined);
    if (content === undefined) removed.push(shown);
    else files.push({ path: shown, content });
  }
  const branch = `catalyst/drift/${target.name}`;
  await commitToBranch(octokit, context.repo, {
    base: options.base,
    branch,
    files,
    removed,
    message: `catalyst: CMS edits on ${target.name} into YAML`,
  });
  const body = [
    `Changes made in the CMS (target \`${target.name}\`) since the last sync, written into the YAML. Merge to keep them in git; close this pull request and run apply to revert them in the CMS.`,
    '',
    renderPlanMarkdown(plan, { budget: 60_000 }),
  ].join('\n');
  const pull = await upsertPullRequest(octokit, context.repo, {
    head: branch,
    base: options.base,
    title: `catalyst: CMS edits on ${target.name}`,
    body,
  });
  core.info(`${pull.created ? 'Opened' : 'Updated'} #${pull.number} with the CMS edits on ${target.name}.`);
  return { kind: 'pull-request', ...pull };
}
