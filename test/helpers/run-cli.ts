import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI as it ships, built once per test run by test/global-setup.ts. */
export const CLI_MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  /** Called with the child as soon as it is spawned (to signal it, or watch its output). */
  onSpawn?: (child: ChildProcessWithoutNullStreams) => void;
}

/** Runs the built catalyst CLI in a child process, as a user would, in any working directory. */
export function runCli(args: string[], options: RunCliOptions = {}): Promise<CliResult> {
  return runProcess(process.execPath, [CLI_MAIN, ...args], { ...options, env: { NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env } });
}

/** Runs any command in a child process with this process's environment plus `options.env`, and collects its exit code and output. */
export function runProcess(command: string, args: string[], options: RunCliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
    options.onSpawn?.(child);
  });
}
