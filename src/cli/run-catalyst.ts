import yargs from 'yargs';
import { plainStyle } from '../render/style.js';
import { cliEnvironment } from './cli-environment.js';
import { COMMANDS, loadCommands } from './commands/index.js';
import { CommandExit, EXIT } from './define-command.js';
import { renderError } from './render-error.js';
import { createCliContext } from './cli-context.js';

/** One catalyst run: parses `argv` (without the node and script paths), runs the command, returns the exit code. */
export async function runCatalyst(argv: string[]): Promise<number> {
  const { stdout, stderr } = cliEnvironment();
  const cli = yargs(argv)
    .scriptName('catalyst')
    .usage('$0 <command> [options]\n\nKeep CMS content types in git: validate, plan, apply.')
    .command(await loadCommands(argv))
    .strict()
    .demandCommand(1, 'Name a command; `catalyst --help` lists them.')
    .recommendCommands()
    .wrap(Math.min(100, stdout.columns || 100))
    .fail((message, error) => {
      throw error ?? Object.assign(new Error(usageMessage(message, argv)), { name: 'UsageError' });
    });
  try {
    await cli.parseAsync();
  } catch (error) {
    if (error instanceof CommandExit) return error.code;
    const style = argv.includes('--no-color') ? plainStyle : createCliContext({}).errStyle;
    stderr.write(renderError(error, style));
    return EXIT.error;
  }
  return EXIT.ok;
}

const COMMAND_NAMES: ReadonlySet<string> = new Set(Object.keys(COMMANDS));

/** yargs reports a mistyped command as "Unknown argument: x" or only "Did you mean y?"; name the command that was not found. */
function usageMessage(message: string, argv: readonly string[]): string {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || COMMAND_NAMES.has(first)) return message;
  const suggestion = message.startsWith('Did you mean') ? ` ${message}` : '';
  return `Unknown command "${first}".${suggestion} \`catalyst --help\` lists the commands.`;
}
