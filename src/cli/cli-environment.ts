import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What a catalyst run reads from its surroundings: the working directory, the environment and
 * the output streams. A run from the shell uses the process's; a run inside another program (the
 * test suite, a future server) supplies its own, and concurrent runs each see their own.
 */
export interface CliEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

const supplied = new AsyncLocalStorage<CliEnvironment>();

/** The environment of the current run: the one supplied to `withCliEnvironment`, else the process's. */
export function cliEnvironment(): CliEnvironment {
  return supplied.getStore() ?? { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

/** Runs `run` (a whole catalyst run) in `environment`. */
export function withCliEnvironment<T>(environment: CliEnvironment, run: () => Promise<T>): Promise<T> {
  return supplied.run(environment, run);
}
