import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commands } from './commands/index.js';
import { EXIT } from './define-command.js';
import { renderError } from './render-error.js';

async function main(argv: string[]): Promise<number> {
  let ran: (typeof commands)[number] | undefined;
  const cli = yargs(argv)
    .scriptName('catalyst')
    .usage('$0 <command> [options]\n\nKeep CMS content types in git: validate, plan, apply.')
    .strict()
    .strictCommands()
    .demandCommand(1, 'Name a command; `catalyst --help` lists them.')
    .recommendCommands()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  for (const command of commands) {
    cli.command({
      ...command,
      handler: async (args) => {
        ran = command;
        await command.handler(args);
      },
    });
  }
  try {
    await cli.parseAsync();
  } catch (error) {
    process.stderr.write(renderError(error));
    return EXIT.error;
  }
  return ran?.exitCode ?? EXIT.ok;
}

class UsageError extends Error {
  override name = 'UsageError';
}

process.exitCode = await main(hideBin(process.argv));
