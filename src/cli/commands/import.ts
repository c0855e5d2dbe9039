import type { CommandModule } from 'yargs';
import { importCatalystCommand } from './import-catalyst.js';
import { importOptimizelyCommand } from './import-optimizely.js';

/** `catalyst import <source>`: write YAML from a live CMS or from a modelling tool. */
export const importCommand: CommandModule = {
  command: 'import <source>',
  describe: 'Write YAML content types from a source: optimizely (the target CMS) or catalyst (a Catalyst Studio database)',
  builder: (yargs) =>
    yargs.command(importOptimizelyCommand).command(importCatalystCommand).demandCommand(1, 'Name the source: optimizely or catalyst.'),
  handler: () => undefined,
};
