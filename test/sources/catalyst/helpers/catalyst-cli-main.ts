import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { exportCatalystCommand } from '../../../../src/cli/commands/export-catalyst.js';
import { importCatalystCommand } from '../../../../src/cli/commands/import-catalyst.js';
import { renderError } from '../../../../src/cli/render-error.js';

/**
 * The two Catalyst commands mounted as the CLI mounts them (`catalyst import catalyst`,
 * `catalyst export catalyst`), for child-process tests while src/cli/commands/index.ts does not
 * list them yet.
 */
try {
  await yargs(hideBin(process.argv))
    .scriptName('catalyst')
    .strict()
    .command('import', 'Import content types from a source', (y) => y.command(importCatalystCommand).demandCommand(1))
    .command('export', 'Export content types to a source', (y) => y.command(exportCatalystCommand).demandCommand(1))
    .demandCommand(1)
    .fail((message, error) => {
      throw error ?? new Error(message);
    })
    .parseAsync();
  process.exitCode = importCatalystCommand.exitCode ?? exportCatalystCommand.exitCode ?? 0;
} catch (error) {
  process.stderr.write(renderError(error));
  process.exitCode = 1;
}
