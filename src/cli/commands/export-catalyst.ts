import { projectProfile } from '../../engine/platforms.js';
import type { Argv } from 'yargs';
import { hasErrors } from '../../core/diagnostic.js';
import { renderDiagnostics } from '../../render/diagnostics-text.js';
import { renderExportChanges } from '../../sources/catalyst/render-catalyst-report.js';
import { runCatalystExport } from '../../sources/catalyst/export/run-catalyst-export.js';
import { createCliContext, loadProject, PROJECT_OPTIONS, type ProjectArgs } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';

interface ExportCatalystArgs extends ProjectArgs {
  db: string;
  website?: string[];
  from?: string;
  allowDestructive?: boolean;
  dryRun?: boolean;
}

/**
 * `catalyst export catalyst`: the YAML state into a Catalyst Studio database, after a backup copy,
 * in one transaction, keeping each row's JSON shape. Deletes only with --allow-destructive.
 */
export const exportCatalystCommand = defineCommand<ExportCatalystArgs>({
  command: 'catalyst',
  describe: 'Write the YAML content types into a Catalyst Studio database (backup first, one transaction)',
  builder: (yargs: Argv) =>
    yargs
      .option('db', { type: 'string', demandOption: true, describe: "Catalyst Studio's SQLite database file" })
      .option('website', {
        type: 'string',
        array: true,
        describe: 'Website id or name: where new content types go, and the scope of deletions',
      })
      .options({ config: PROJECT_OPTIONS.config, color: PROJECT_OPTIONS.color })
      .option('from', { type: 'string', describe: 'Directory to read the YAML from (default: the config’s content types directory)' })
      .option('allow-destructive', {
        type: 'boolean',
        default: false,
        describe: 'Delete content types, fields and relationships that are no longer in the YAML',
      })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Show what would change and write nothing' })
      .example(
        '$0 export catalyst --db prisma/dev.db --dry-run',
        'Show which rows an export would change',
      ) as unknown as Argv<ExportCatalystArgs>,

  async run(args) {
    const context = createCliContext(args);
    const { config } = await loadProject(context, args);
    const dryRun = args.dryRun === true;
    const outcome = await runCatalystExport({
      db: args.db,
      websites: args.website ?? [],
      yamlDir: args.from ?? config.contentTypesDir,
      lockfilePath: config.lockfilePath,
      cwd: context.cwd,
      allowDestructive: args.allowDestructive === true,
      dryRun,
      now: new Date(context.now()),
      defaults: projectProfile(config).defaults,
    });
    if (outcome.plan) context.stdout.write(`${renderExportChanges(outcome.plan.changes, dryRun).join('\n')}\n`);
    if (outcome.backup) context.stdout.write(`Backup of the database before writing: ${outcome.backup}\n`);
    if (outcome.diagnostics.length > 0) context.stderr.write(renderDiagnostics(outcome.diagnostics, context.errStyle));
    return !outcome.plan || hasErrors(outcome.diagnostics) ? EXIT.error : EXIT.ok;
  },
});
