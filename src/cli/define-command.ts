import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

/** Exit codes: documented in the README. */
export const EXIT = {
  ok: 0,
  error: 1,
  changesPresent: 2,
} as const;

export interface CatalystCommand<A> {
  command: string | readonly string[];
  describe: string;
  builder: (yargs: Argv) => Argv<A>;
  /** Does the work and returns the process exit code. Throws only for errors the top-level handler renders. */
  run: (args: ArgumentsCamelCase<A>) => Promise<number>;
}

/** Adapts a command that returns an exit code to yargs. The code becomes the process's exit code. */
export function defineCommand<A>(spec: CatalystCommand<A>): CommandModule<object, A> {
  return {
    command: spec.command,
    describe: spec.describe,
    builder: spec.builder as CommandModule<object, A>['builder'],
    handler: async (args) => {
      process.exitCode = await spec.run(args);
    },
  };
}
