import type { CliResult } from '../../../helpers/run-cli.js';
import { runInProcess } from '../../../helpers/run-in-process.js';

/**
 * Runs a catalyst command on a temporary project, in process (test/helpers/run-in-process.ts):
 * these tests are about what the Catalyst Studio source reads and writes, and end-to-end.test.ts
 * runs the same commands as child processes.
 */
export function runCatalystCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return runInProcess(args, { cwd, env });
}
