import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliResult } from '../../../helpers/run-cli.js';

const MAIN = fileURLToPath(new URL('../../../../src/cli/main.ts', import.meta.url));
/** Resolved here, not from the child's working directory (a temp project has no node_modules). */
const TSX = import.meta.resolve('tsx');

/**
 * Runs the catalyst CLI from source in a child process, as a user would, in `cwd` (a temporary
 * project). Unlike test/helpers/run-cli.ts it loads tsx from this repository, so the working
 * directory need not have node_modules.
 */
export function runCatalystCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
