import { projectProfile } from '../../engine/platforms.js';
import type { Argv } from 'yargs';
import { CONFLICT_STRATEGIES, type ConflictStrategy } from '../../io/config/config.js';
import { hasErrors } from '../../core/diagnostic.js';
import { parseOverrides } from '../../sources/catalyst/map/parse-overrides.js';
import { renderDiagnostics } from '../../render/diagnostics-text.js';
import { renderImportActions } from '../../sources/catalyst/render-catalyst-report.js';
import { runCatalystImport } from '../../sources/catalyst/import/run-catalyst-import.js';
import { createCliContext, loadProject, PROJECT_OPTIONS, type ProjectArgs } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';

interface ImportCatalystArgs extends ProjectArgs {
  db: string;
  website?: string[];
  out?: string;
  baseType?: string[];
  number?: string[];
  prefer?: 'yaml' | 'catalyst';
  strategy?: ConflictStrategy;
  dryRun?: boolean;
}

/**
 * `catalyst import catalyst`: Catalyst Studio's content types into YAML, as a three-way merge
 * with the YAML (see docs/catalyst-mapping.md). Exit 1 on errors or unsettled conflicts.
 */
export const importCatalystCommand = defineCommand<ImportCatalystArgs>({
  command: 'catalyst',
  describe: 'Import content types from a Catalyst Studio database (read-only) into YAML; re-imports merge with your edits',
  builder: (yargs: Argv) =>
    yargs
      .option('db', { type: 'string', demandOption: true, describe: "Catalyst Studio's SQLite database file (opened read-only)" })
      .option('website', { type: 'string', array: true, describe: 'Website id or name to import (repeatable); default: every website' })
      .options({ config: PROJECT_OPTIONS.config, color: PROJECT_OPTIONS.color })
      .option('out', { type: 'string', describe: 'Directory for the YAML (default: the config’s content types directory)' })
      .option('base-type', {
        type: 'string',
        array: true,
        describe: 'Choose a base type instead of the evidence: <Key>=page|component|folder (repeatable)',
      })
      .option('number', {
        type: 'string',
        array: true,
        describe: 'Choose integer or float for a number field: <Key>.<property>=integer|float (repeatable)',
      })
      .option('strategy', {
        choices: CONFLICT_STRATEGIES,
        describe:
          'What settles an edit made in the YAML and in Catalyst Studio: desired-wins (YAML), live-wins (Catalyst), merge, manual (default: the config’s strategy)',
      })
      .option('prefer', {
        choices: ['yaml', 'catalyst'] as const,
        describe: 'Older spelling of --strategy desired-wins (yaml) or live-wins (catalyst)',
      })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Show what would change and write nothing' })
      .example('$0 import catalyst --db prisma/dev.db', 'Import every website into ./content-types')
      .example(
        '$0 import catalyst --db prisma/dev.db --website "Kestrel Design" --dry-run',
        'Show what a re-import of one website would change',
      ) as unknown as Argv<ImportCatalystArgs>,

  async run(args) {
    const context = createCliContext(args);
    const overrides = parseOverrides(args.baseType ?? [], args.number ?? []);
    if (overrides.diagnostics.length > 0) {
      context.stderr.write(renderDiagnostics(overrides.diagnostics, context.errStyle));
      return EXIT.error;
    }
    const { config } = await loadProject(context, args);
    const dryRun = args.dryRun === true;
    const outcome = await runCatalystImport({
      db: args.db,
      websites: args.website ?? [],
      outDir: args.out ?? config.contentTypesDir,
      lockfilePath: config.lockfilePath,
      cwd: context.cwd,
      overrides: overrides.value,
      strategy: args.strategy ?? (args.prefer === 'yaml' ? 'desired-wins' : args.prefer === 'catalyst' ? 'live-wins' : config.strategy),
      dryRun,
      now: context.now(),
      defaults: projectProfile(config).defaults,
    });
    if (outcome.plan) context.stdout.write(`${renderImportActions(outcome.plan.actions, dryRun).join('\n')}\n`);
    if (outcome.diagnostics.length > 0) context.stderr.write(renderDiagnostics(outcome.diagnostics, context.errStyle));
    const conflicts = outcome.plan?.actions.some((action) => action.kind.includes('conflict')) ?? false;
    return !outcome.plan || hasErrors(outcome.diagnostics) || conflicts ? EXIT.error : EXIT.ok;
  },
});
