import { userInfo } from 'node:os';
import { join } from 'node:path';
import pc from 'picocolors';
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/user-error.js';
import type { Config, SelectedTarget } from '../io/config/config.js';
import { PLATFORM_PROFILES } from '../engine/platforms.js';
import { loadConfig } from '../io/config/load-config.js';
import { readLockfile } from '../io/lockfile/read-lockfile.js';
import { historyFileFor } from '../io/audit/history-chain.js';
import { journalFileFor } from '../io/audit/journal.js';
import { acquireTargetLock, lockDirectory } from '../io/lock/target-lock.js';
import type { Lockfile } from '../io/lockfile/lockfile.js';
import { renderDiagnostics } from '../render/diagnostics-text.js';
import { plainStyle, type Style } from '../render/style.js';
import { cliEnvironment } from './cli-environment.js';
import { createProgress, type Progress } from './progress.js';
import { savedCredentialsLookup } from './saved-credentials.js';
import { gitEmail } from './git-email.js';

/** Options every command that reads the project accepts. */
export interface ProjectArgs {
  config?: string;
  target?: string;
  color?: boolean;
}

export const PROJECT_OPTIONS = {
  config: { type: 'string', describe: 'Config file to use (default: catalyst.config.* found from the working directory)' },
  target: { type: 'string', describe: 'Target to use, by name (default: the config’s defaultTarget, or its only target)' },
  color: { type: 'boolean', describe: 'Colour the output (default: when the terminal supports it; --no-color or NO_COLOR turn it off)' },
} as const;

/** What a command needs from its surroundings; built once per run in the CLI layer, the only place that reads the process. */
export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  style: Style;
  errStyle: Style;
  progress: Progress;
  /** Who runs catalyst, for the lockfile and history. Never a secret. */
  actor: string;
  /** Where `actor` comes from: the CI's identity, CATALYST_ACTOR (self-declared), git's user or the OS user. */
  actorSource: ActorSource;
  now: () => string;
  /** `false` where nobody can answer a prompt (the dashboard's requests): a secret is never asked for there. */
  interactive?: false;
}

export type ActorSource = 'ci' | 'declared' | 'git' | 'os';

export function createCliContext(args: { color?: boolean }): CliContext {
  const { cwd, env, stdout, stderr } = cliEnvironment();
  return {
    cwd,
    env,
    stdout,
    stderr,
    style: styleFor(stdout, args.color),
    errStyle: styleFor(stderr, args.color),
    progress: createProgress(stderr, { interactive: stderr.isTTY === true && !env.CI }),
    ...actorFrom(env, cwd),
    now: () => new Date().toISOString(),
  };
}

function styleFor(stream: NodeJS.WriteStream, color: boolean | undefined): Style {
  const enabled = color ?? (stream.isTTY === true && pc.isColorSupported);
  if (!enabled) return plainStyle;
  const colors = pc.createColors(true);
  return {
    create: colors.green,
    update: colors.yellow,
    remove: colors.red,
    warning: colors.yellow,
    error: colors.red,
    strong: colors.bold,
    muted: colors.dim,
  };
}

/**
 * The CI's identity where there is one (it cannot be set by hand there), else CATALYST_ACTOR
 * (recorded as self-declared), else git's configured user, else the OS user.
 */
function actorFrom(env: NodeJS.ProcessEnv, cwd: string): { actor: string; actorSource: ActorSource } {
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_ACTOR)
    return { actor: `${env.GITHUB_ACTOR}${env.GITHUB_RUN_ID ? ` (GitHub Actions run ${env.GITHUB_RUN_ID})` : ''}`, actorSource: 'ci' };
  if (env.GITLAB_CI === 'true' && env.GITLAB_USER_LOGIN) return { actor: `${env.GITLAB_USER_LOGIN} (CI)`, actorSource: 'ci' };
  const job = env.CI ? ' (CI)' : '';
  if (env.CATALYST_ACTOR) return { actor: `${env.CATALYST_ACTOR}${job}`, actorSource: 'declared' };
  const git = gitEmail(cwd, env);
  if (git) return { actor: `${git}${job}`, actorSource: 'git' };
  return { actor: `${safeUser()}${job}`, actorSource: 'os' };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Loads the config without choosing a target (for commands that never contact a CMS), printing warnings; errors become a UserError. */
export async function loadProject(context: CliContext, args: ProjectArgs): Promise<{ config: Config }> {
  const { config } = await loadConfigOrFail(context, args, false);
  return { config };
}

/** Loads the config, the chosen target with its credentials, and the lockfile: what every command that talks to a CMS starts with. */
export async function loadTargetedProject(
  context: CliContext,
  args: ProjectArgs,
): Promise<{ config: Config; target: SelectedTarget; lock: Lockfile }> {
  const { config, target } = await loadConfigOrFail(context, args, true);
  if (!target)
    throw new UserError('Invalid configuration', 'No target could be selected. Fix the problems above, then run the command again.');
  return { config, target, lock: await loadLock(context, config) };
}

/** `--lock-timeout`, for the commands that write: apply and pull. */
export const LOCK_TIMEOUT_OPTION = {
  type: 'number',
  default: 0,
  describe: 'Seconds to wait for another run’s lock on the target (default 0: refuse at once)',
} as const;

/**
 * `loadTargetedProject` for a command that writes: the target's lock is taken before the
 * lockfile is read, so a run that finished meanwhile is never overwritten with an old copy.
 * The caller runs its work inside `locked` and the lock is released after it, however it ends.
 */
export async function withLockedProject<T>(
  context: CliContext,
  args: ProjectArgs & { lockTimeout?: number },
  operation: string,
  locked: (project: { config: Config; target: SelectedTarget; lock: Lockfile }) => Promise<T>,
): Promise<T> {
  const { config, target } = await loadConfigOrFail(context, args, true);
  if (!target)
    throw new UserError('Invalid configuration', 'No target could be selected. Fix the problems above, then run the command again.');
  const held = await acquireTargetLock(
    lockDirectory(config.rootDir),
    target.name,
    { owner: context.actor, operation },
    { timeoutMs: Math.max(0, args.lockTimeout ?? 0) * 1000 },
  );
  try {
    return await locked({ config, target, lock: await loadLock(context, config) });
  } finally {
    await held.release();
  }
}

async function loadConfigOrFail(
  context: CliContext,
  args: ProjectArgs,
  requireTarget: boolean,
): Promise<{ config: Config; target?: SelectedTarget }> {
  const result = await loadConfig({
    cwd: context.cwd,
    env: context.env,
    platforms: PLATFORM_PROFILES,
    requireTarget,
    savedCredentials: savedCredentialsLookup(context),
    ...(args.config !== undefined ? { configPath: args.config } : {}),
    ...(args.target !== undefined ? { targetName: args.target } : {}),
  });
  failOnErrors(
    context,
    result.diagnostics,
    'Invalid configuration',
    'Fix the configuration as described above, then run the command again.',
  );
  if (!result.config)
    throw new UserError(
      'Invalid configuration',
      'The configuration could not be loaded. Fix the problems above, then run the command again.',
    );
  return result.target ? { config: result.config, target: result.target } : { config: result.config };
}

/** Reads the lockfile; a damaged one stops the command (it is never silently reset). */
export async function loadLock(context: CliContext, config: Config): Promise<Lockfile> {
  const result = await readLockfile(config.lockfilePath, { cwd: context.cwd });
  failOnErrors(context, result.diagnostics, 'Invalid lockfile', 'Fix or restore the lockfile (it is in git), then run the command again.');
  if (!result.lock)
    throw new UserError('Invalid lockfile', 'The lockfile could not be read. Restore it from git, then run the command again.');
  return result.lock;
}

/** Prints warnings; throws on errors, after printing every diagnostic. */
export function failOnErrors(context: CliContext, diagnostics: readonly Diagnostic[], summary: string, detail: string): void {
  if (diagnostics.length > 0) context.stderr.write(renderDiagnostics(diagnostics, context.errStyle));
  if (hasErrors(diagnostics)) throw new UserError(summary, detail);
}

/** Where apply keeps its audit history and backups, next to the config. */
export function stateFiles(config: Config, target: string): { historyFile: string; backupDir: string; journalFile: string } {
  return {
    historyFile: historyFileFor(config.lockfilePath, target),
    backupDir: join(config.rootDir, '.catalyst', 'backups'),
    journalFile: journalFileFor(config.rootDir, target),
  };
}
