import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

/** Exit codes: documented in the README. */
export const EXIT = {
  ok: 0,
  error: 1,
  changesPresent: 2,
  /** The plan is blocked only by conflicts: it needs a person's decision, nothing is broken. */
  needsDecision: 3,
} as const;

export interface CatalystCommand<A> {
  command: string | readonly string[];
  describe: string;
  builder: (yargs: Argv) => Argv<A>;
  /** Does the work and returns the process exit code. Throws only for errors the top-level handler renders. */
  run: (args: ArgumentsCamelCase<A>) => Promise<number>;
}

/**
 * A command's non-zero exit code, carried out of yargs to `main` (yargs drops a handler's return
 * value). Its output is already written: `main` exits with the code and prints nothing more.
 */
export class CommandExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'CommandExit';
  }
}

/** Adapts a command that returns an exit code to yargs: a non-zero code reaches `main` as a CommandExit. */
export function defineCommand<A>(spec: CatalystCommand<A>): CommandModule<object, A> {
  return {
    command: spec.command,
    describe: spec.describe,
    builder: spec.builder as CommandModule<object, A>['builder'],
    handler: async (args) => {
      const code = await spec.run(args);
      if (code !== EXIT.ok) throw new CommandExit(code);
    },
  };
}
