import { runCli, type CliResult } from '../../../helpers/run-cli.js';

/** Runs the catalyst CLI as a child process in `cwd` (a temporary project). */
export function runCatalystCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return runCli(args, { cwd, env });
}
