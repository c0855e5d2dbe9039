import { PassThrough } from 'node:stream';
import { withCliEnvironment } from '../../src/cli/cli-environment.js';
import { runCatalyst } from '../../src/cli/run-catalyst.js';
import type { CliResult } from './run-cli.js';

/** A stream that collects what is written to it, standing in for a terminal that is not one. */
function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return { stream: Object.assign(stream, { isTTY: false, columns: 100 }) as unknown as NodeJS.WriteStream, text: () => text };
}

/**
 * Runs catalyst inside the test process, in its own working directory, environment and output
 * streams (so runs may overlap): the same parsing, commands and error rendering as the CLI,
 * without the cost of a new Node process. For what only a process shows (exit on signals, the
 * terminal, stdin), use runCli.
 */
export async function runInProcess(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  const stdout = capture();
  const stderr = capture();
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  const code = await withCliEnvironment({ cwd: options.cwd, env, stdout: stdout.stream, stderr: stderr.stream }, () => runCatalyst(args));
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
