import { spawnSync } from 'node:child_process';

/** git's configured user.email in `cwd` (with the run's environment, so GIT_CONFIG_* apply), or undefined. */
export function gitEmail(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  const result = spawnSync('git', ['config', 'user.email'], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 2_000,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const email = result.status === 0 ? result.stdout.trim() : '';
  return email === '' ? undefined : email;
}
