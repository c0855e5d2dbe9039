import type { CommandModule } from 'yargs';
import { exportCatalystCommand } from './export-catalyst.js';

/** `catalyst export <destination>`: write the YAML state back into a modelling tool. */
export const exportCommand: CommandModule = {
  command: 'export <destination>',
  describe: 'Write the YAML content types into a destination: catalyst (a Catalyst Studio database)',
  builder: (yargs) => yargs.command(exportCatalystCommand).demandCommand(1, 'Name the destination: catalyst.'),
  handler: () => undefined,
};
