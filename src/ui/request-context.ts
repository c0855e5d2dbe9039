import { Writable } from 'node:stream';
import type { CliContext } from '../cli/cli-context.js';
import { plainStyle } from '../render/style.js';

/**
 * The CLI context for one request of the web UI: the server's (who acts, the environment, the
 * clock) with its own quiet output. What the CLI helpers would print (diagnostics, warnings) is
 * collected, so the response can carry it.
 */
export function requestContext(base: CliContext): { context: CliContext; messages: () => string } {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const stream = Object.assign(sink, { isTTY: false, columns: 100 }) as unknown as NodeJS.WriteStream;
  const silent = { status: () => undefined, done: () => undefined, stop: () => undefined };
  return {
    context: { ...base, stdout: stream, stderr: stream, style: plainStyle, errStyle: plainStyle, progress: silent, interactive: false },
    messages: () => text.trim(),
  };
}
