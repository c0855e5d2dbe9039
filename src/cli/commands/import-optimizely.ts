import { isAbsolute, relative, resolve } from 'node:path';
import type { ServerDefaults } from '../../core/defaults.js';
import type { ContentTypeDef } from '../../core/model.js';
import { UserError } from '../../core/user-error.js';
import { importLive } from '../../engine/import-live.js';
import { profileOf } from '../../engine/platforms.js';
import { YAML_CODES } from '../../io/diagnostic-codes.js';
import { displayPath } from '../../io/fs/display-path.js';
import { parseContentTypeFiles } from '../../io/yaml/parse-content-type-files.js';
import { createCliContext, failOnErrors, loadTargetedProject, PROJECT_OPTIONS, type CliContext } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';
import { withTarget } from '../with-target.js';

export const importOptimizelyCommand = defineCommand({
  command: 'optimizely',
  describe: 'Write YAML for the content types the CMS has and record them as synced (adopt an existing CMS)',
  builder: (yargs) =>
    yargs.options({
      ...PROJECT_OPTIONS,
      out: { type: 'string', describe: 'Directory for the YAML, inside the content types directory (default: that directory)' },
      only: { type: 'string', describe: 'Comma-separated keys to import (content types, property groups or display templates)' },
      'include-system': {
        type: 'boolean',
        default: false,
        describe: 'Also write the platform’s read-only system types (for reference; catalyst never manages them)',
      },
      overwrite: {
        type: 'boolean',
        default: false,
        describe: 'Replace YAML that differs from the CMS (otherwise import refuses and names the types)',
      },
    }),
  run: async (args) => {
    const context = createCliContext(args);
    const { config, target, lock } = await loadTargetedProject(context, args);
    const dir = args.out !== undefined ? resolve(context.cwd, args.out) : config.contentTypesDir;
    refuseOutsidePlannedYaml(dir, config.contentTypesDir, context.cwd);
    const existing = await readExisting(context, dir, profileOf(target).defaults);
    const only = args.only
      ?.split(',')
      .map((key) => key.trim())
      .filter(Boolean);
    context.progress.status('Reading the CMS…');
    const result = await withTarget(context, target, (opened) =>
      importLive({
        adapter: opened.adapter,
        lock,
        lockfilePath: config.lockfilePath,
        targetName: target.name,
        dir,
        cwd: context.cwd,
        ...(only ? { only } : {}),
        includeSystem: args.includeSystem,
        existing,
        overwrite: args.overwrite,
        actor: context.actor,
        now: context.now(),
      }),
    );
    context.progress.stop();
    const shown = (path: string) => relative(context.cwd, path) || '.';
    for (const file of result.files) context.stdout.write(`  ${file.status.padEnd(9)} ${shown(file.path)}\n`);
    context.stdout.write(
      `\nImported ${countOf(result.contentTypes.length, 'content type')}, ${countOf(result.propertyGroups.length, 'property group')} and ${countOf(result.displayTemplates.length, 'display template')} into ${shown(dir)}, recorded as synced in ${shown(config.lockfilePath)}.\n`,
    );
    if (result.systemTypes.length > 0) {
      context.stdout.write(
        `${context.style.warning('Note:')} ${result.systemTypes.join(', ')} are platform types: read-only. catalyst will refuse to plan them; keep them out of the content types directory, or delete their files.\n`,
      );
    }
    return EXIT.ok;
  },
});

/**
 * The content types already in YAML where the import writes, by key. YAML that does not parse
 * stops the import: catalyst cannot tell which type such a file holds, so writing could replace
 * someone's unfinished edit.
 */
async function readExisting(context: CliContext, dir: string, defaults: ServerDefaults): Promise<Map<string, ContentTypeDef>> {
  const parsed = await parseContentTypeFiles(dir, { cwd: context.cwd, defaults });
  const problems = parsed.diagnostics.filter(
    (diagnostic) => diagnostic.code !== YAML_CODES.missingDirectory && diagnostic.code !== YAML_CODES.noFiles,
  );
  const shown = displayPath(dir, context.cwd);
  failOnErrors(
    context,
    problems,
    'Cannot import over invalid YAML',
    `Nothing was written: catalyst cannot tell which content type a file with errors holds, so importing could replace someone's edits. Fix the files above, or move them out of ${shown}, then import again.`,
  );
  const existing = new Map<string, ContentTypeDef>();
  for (const document of parsed.documents)
    if (document.kind === 'contentTypeFile') existing.set(document.contentType.key, document.contentType);
  return existing;
}

/**
 * Imported types are recorded as synced, so their YAML must be where `plan` reads it: written
 * anywhere else, the next plan would find them gone from the YAML and delete them from the CMS.
 */
function refuseOutsidePlannedYaml(dir: string, contentTypesDir: string, cwd: string): void {
  const inside = relative(contentTypesDir, dir);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) return;
  const shown = (path: string) => displayPath(path, cwd);
  throw new UserError(
    '--out is outside the content types directory',
    `catalyst plans the YAML in ${shown(contentTypesDir)}, and import records what it writes as synced: types written to ${shown(dir)} would be deleted from the CMS by the next apply. Nothing was written. Choose a folder inside ${shown(contentTypesDir)}, or change contentTypesDir in the config.`,
  );
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
