import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { context } from '@actions/github';
import { hasErrors } from '../../src/core/diagnostic.js';
import type { Plan } from '../../src/core/plan.js';
import { authorize } from '../../src/engine/authorize.js';
import { historyFileFor } from '../../src/io/audit/history-chain.js';
import type { Config, SelectedTarget } from '../../src/io/config/config.js';
import { lockDirectory } from '../../src/io/lock/target-lock.js';
import { POLICY_FILE_NAMES, readPolicy } from '../../src/io/policy/read-policy.js';
import { renderDiagnostics } from '../../src/render/diagnostics-text.js';
import { plainStyle } from '../../src/render/style.js';
import { commitFiles } from './commit-files.js';
import { gitHubIdentities } from './github-identities.js';
import type { Octokit } from './octokit.js';

/**
 * The access check of an apply after a merge, with GitHub's identities (the actor, and who
 * approved the pull request, with their teams). Undefined: allowed (or no policy). Otherwise why
 * not, for the pull request; a denial is recorded in the target's history, which is committed to
 * the branch before anything is written to the CMS. A pull request that also edits the policy is
 * denied: the policy that authorizes a change must be in force before it.
 */
export async function authorizeApply(
  octokit: Octokit,
  config: Config,
  target: SelectedTarget,
  plan: Plan,
  options: { cwd: string; pullRequest: number; headSha: string; branch: string },
): Promise<string | undefined> {
  const read = await readPolicy(config.rootDir, { cwd: options.cwd, targets: config.targets.map((each) => each.name) });
  if (hasErrors(read.diagnostics))
    return `the access policy has errors, so catalyst applies nothing until it is fixed:\n\n\`\`\`text\n${renderDiagnostics(read.diagnostics, plainStyle).trimEnd()}\n\`\`\``;
  const workspace = process.env['GITHUB_WORKSPACE'] ?? options.cwd;
  const inRepository = (path: string) => relative(workspace, path).split(sep).join('/');
  const changed = await octokit.paginate(octokit.rest.pulls.listFiles, {
    ...context.repo,
    pull_number: options.pullRequest,
    per_page: 100,
  });
  // Any policy file, present or not: a pull request that deletes the policy must not escape it.
  const policyPaths = new Set(POLICY_FILE_NAMES.map((name) => inRepository(join(config.rootDir, name))));
  const changesPolicy = changed.some(
    (file) => policyPaths.has(file.filename) || (file.previous_filename !== undefined && policyPaths.has(file.previous_filename)),
  );
  // A pull request that removes the policy is judged by an empty one: it is refused, and the refusal recorded, like any policy edit.
  const policy =
    read.policy ??
    (changesPolicy
      ? { file: `${[...policyPaths].join(' or ')}, removed by this pull request`, roles: new Map(), targets: new Map() }
      : undefined);
  if (!policy) return undefined;
  const { actor, approvals } = await gitHubIdentities(octokit, policy, options.pullRequest, options.headSha);
  const historyFile = historyFileFor(config.lockfilePath, target.name);
  const result = await authorize({
    policy,
    target: target.name,
    operation: 'apply',
    plan,
    actor,
    approvals,
    changesPolicy,
    history: {
      file: historyFile,
      actor: `${context.actor} (GitHub Actions run ${context.runId})`,
      actorSource: 'ci',
      now: () => new Date().toISOString(),
      lockDirectory: lockDirectory(config.rootDir),
    },
  });
  if (result.allowed) return undefined;
  const path = inRepository(historyFile);
  await commitFiles(
    octokit,
    context.repo,
    options.branch,
    [{ path, content: await readFile(historyFile, 'utf8') }],
    `catalyst: denied applying #${options.pullRequest} to ${target.name} [skip ci]`,
  );
  const who = changesPolicy
    ? ''
    : result.holders.length > 0
      ? `An approving review from one of ${result.holders.join(', ')} satisfies it: have one of them approve a pull request with this change (or re-run this job once one has approved #${options.pullRequest}).`
      : `Nobody holds ${result.grant} on target "${target.name}": only a change to the policy can grant it.`;
  return `applying to target "${target.name}" is denied by the access policy (A010, ${result.record.rule}). ${result.reason} ${who}${who ? ' ' : ''}Nothing was written to the CMS; the refusal is recorded in \`${path}\`.`;
}
