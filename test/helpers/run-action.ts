import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GitHubServer } from './github-server.js';
import { runProcess } from './run-cli.js';

/** The committed bundle, as GitHub runs it. */
export const ACTION_BUNDLE = resolve('action/dist/index.js');

export interface ActionRun {
  code: number;
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionRunOptions {
  /** The local GitHub API the Action talks to, its token and repository. */
  github: GitHubServer;
  token: string;
  /** Where each run's runner folder (event, outputs, summary) is made. */
  tempRoot: string;
  /** The environment: the CMS credentials and anything else. */
  env: Record<string, string | undefined>;
  fork?: boolean;
  pr?: number;
  push?: { sha: string; branch: string };
  schedule?: boolean;
  /** GITHUB_ACTOR: who triggered the run (merged the pull request, for a push). */
  actor?: string;
}

/**
 * Runs the bundle as a child process with the environment a runner sets, for a `pull_request`
 * event (default PR #7, of a fork or not), a `push` after a merge, or a `schedule`.
 */
export async function runActionBundle(dir: string, inputs: Record<string, string>, options: ActionRunOptions): Promise<ActionRun> {
  const temp = await mkdtemp(join(options.tempRoot, 'runner-'));
  const pr = options.pr ?? 7;
  const [owner, name] = options.github.repository.split('/') as [string, string];
  const repository = { name, full_name: options.github.repository, owner: { login: owner } };
  const event = options.schedule
    ? { schedule: '0 6 * * *' }
    : options.push
      ? { ref: `refs/heads/${options.push.branch}`, after: options.push.sha, repository }
      : {
          action: 'synchronize',
          number: pr,
          pull_request: {
            number: pr,
            head: {
              sha: 'f00dfeed1234567890abcdef1234567890abcdef',
              ref: 'feature/article',
              repo: { full_name: options.github.repository, fork: options.fork ?? false },
            },
            base: { ref: 'main', repo: { full_name: options.github.repository } },
          },
          repository,
        };
  const files = { event: join(temp, 'event.json'), output: join(temp, 'output'), summary: join(temp, 'summary.md') };
  await writeFile(files.event, JSON.stringify(event));
  await writeFile(files.output, '');
  await writeFile(files.summary, '');
  const input = Object.fromEntries(
    Object.entries({
      command: 'plan',
      'working-directory': '.',
      target: '',
      'github-token': options.token,
      'allow-destructive': 'false',
      comment: 'true',
      ...inputs,
    }).map(([key, value]) => [`INPUT_${key.toUpperCase()}`, value]),
  );
  const result = await runProcess(process.execPath, [ACTION_BUNDLE], {
    cwd: dir,
    env: {
      ...input,
      ...options.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTOR: options.actor ?? 'octocat',
      GITHUB_RUN_ID: '4242',
      GITHUB_EVENT_NAME: options.schedule ? 'schedule' : options.push ? 'push' : 'pull_request',
      GITHUB_EVENT_PATH: files.event,
      GITHUB_REPOSITORY: options.github.repository,
      GITHUB_SHA: options.push?.sha ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      GITHUB_REF: options.schedule ? 'refs/heads/main' : options.push ? `refs/heads/${options.push.branch}` : `refs/pull/${pr}/merge`,
      GITHUB_API_URL: options.github.url,
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: temp,
    },
  });
  return {
    code: result.code,
    log: `${result.stdout}${result.stderr}`,
    outputs: parseOutputs(await readFile(files.output, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
  };
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}
