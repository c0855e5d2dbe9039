import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { exportCatalystCommand } from '../../../../src/cli/commands/export-catalyst.js';
import { importCatalystCommand } from '../../../../src/cli/commands/import-catalyst.js';

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
  // defineCommand sets process.exitCode itself, or (older contract) leaves the code on the module.
  const fromModule = [importCatalystCommand, exportCatalystCommand].map((command) => (command as { exitCode?: number }).exitCode).find((code) => code !== undefined);
  if (fromModule !== undefined) process.exitCode = fromModule;
} catch (error) {
  process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
