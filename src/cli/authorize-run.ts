import type { Identity, PolicyOperation } from '../core/access-policy.js';
import type { Plan } from '../core/plan.js';
import { authorize } from '../engine/authorize.js';
import { historyFileFor } from '../io/audit/history-chain.js';
import type { Config } from '../io/config/config.js';
import { ACCESS_CODES } from '../io/diagnostic-codes.js';
import { displayPath } from '../io/fs/display-path.js';
import { lockDirectory } from '../io/lock/target-lock.js';
import { readPolicy } from '../io/policy/read-policy.js';
import { failOnErrors, type CliContext } from './cli-context.js';
import { gitEmail } from './git-email.js';

/**
 * The access check of a CLI command, before it writes anything: reads the project's policy
 * (none: allowed), decides for the local identity, and on a denial prints which rule denied and
 * who holds the grant, and stops the command (the denial is recorded in the target's history).
 * `lockHeld`: the command already holds the target's lock (apply, rollback).
 */
export async function authorizeRun(
  context: CliContext,
  config: Config,
  target: string,
  operation: PolicyOperation,
  options: { plan?: Plan; lockHeld: boolean },
): Promise<void> {
  const read = await readPolicy(config.rootDir, { cwd: context.cwd, targets: config.targets.map((each) => each.name) });
  failOnErrors(
    context,
    read.diagnostics,
    'Invalid access policy',
    'Fix the policy as described above (it is reviewed like code), then run the command again. Nothing was sent to the CMS.',
  );
  const historyFile = historyFileFor(config.lockfilePath, target);
  const result = await authorize({
    policy: read.policy,
    target,
    operation,
    ...(options.plan ? { plan: options.plan } : {}),
    actor: localIdentity(context),
    history: {
      file: historyFile,
      actor: context.actor,
      actorSource: context.actorSource,
      now: context.now,
      ...(options.lockHeld ? {} : { lockDirectory: lockDirectory(config.rootDir) }),
    },
  });
  if (result.allowed) return;
  const who =
    result.holders.length > 0
      ? `${result.grant} on target "${target}" is held by ${result.holders.join(', ')}: ask one of them to run it, or, where the GitHub Action applies, to approve the pull request.`
      : `Nobody holds ${result.grant} on target "${target}": only a change to the policy (reviewed like code) can grant it.`;
  failOnErrors(
    context,
    [
      {
        code: ACCESS_CODES.denied,
        severity: 'error',
        summary: `catalyst ${operation} on target "${target}" is denied by the access policy`,
        detail: `${result.reason} ${who}`,
        ...(result.rule.location ? { location: result.rule.location } : {}),
        path: result.rule.path,
      },
    ],
    'Access denied',
    `Nothing was written to the CMS. The refusal is recorded in ${displayPath(historyFile, context.cwd)}.`,
  );
}

/** Who runs catalyst here, for the policy: the CI's login (set by the CI, though a person can set the same variables by hand), else git's user.email. */
export function localIdentity(context: CliContext): Identity {
  if (context.actorSource === 'ci') {
    const login = context.env['GITHUB_ACTOR'] ?? context.env['GITLAB_USER_LOGIN'];
    return login ? { login, source: 'ci' } : { source: 'ci' };
  }
  const email = gitEmail(context.cwd, context.env);
  return email ? { email, source: 'git' } : { source: 'os' };
}
