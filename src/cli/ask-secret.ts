import { UserError } from '../core/user-error.js';

/**
 * Asks for a secret on the terminal without echoing it. Without a terminal there is nobody to
 * ask: `missing` says what to set instead.
 */
export async function askSecret(stderr: NodeJS.WriteStream, question: string, missing: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) throw new UserError('No terminal to ask', missing);
  stderr.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') {
            input.off('data', onData);
            return resolve(typed);
          }
          if (char === '\u0003') {
            input.off('data', onData);
            return reject(new UserError('Cancelled', 'Nothing was saved.'));
          }
          typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    stderr.write('\n');
  }
}
