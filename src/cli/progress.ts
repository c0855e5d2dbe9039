import { createLogUpdate } from 'log-update';

/** Reports the steps of a long operation: a line per step in CI, one live status line in a terminal. */
export interface Progress {
  /** A step began or advanced: shown live in a terminal, not logged in CI. */
  status(message: string): void;
  /** A step finished: always printed as its own line. */
  done(message: string): void;
  /** Clears any live line. Call before printing anything else. */
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream, options: { interactive?: boolean } = {}): Progress {
  const interactive = options.interactive ?? (stream.isTTY === true && !process.env.CI);
  if (!interactive) {
    return {
      status: () => undefined,
      done: (message) => {
        stream.write(`${message}\n`);
      },
      stop: () => undefined,
    };
  }
  const live = createLogUpdate(stream, { showCursor: true });
  return {
    status: (message) => live(message),
    done: (message) => {
      live.clear();
      stream.write(`${message}\n`);
    },
    stop: () => live.clear(),
  };
}
