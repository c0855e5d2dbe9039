import { relative, resolve } from 'node:path';
import type { ContentTypeDef } from '../../core/model.js';
import { importLive } from '../../engine/import-live.js';
import { loadDesired } from '../../engine/load-desired.js';
import { writeLockfile } from '../../io/lockfile/write-lockfile.js';
import { createCliContext, loadTargetedProject, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';
import { withTarget } from '../with-target.js';

export const importOptimizelyCommand = defineCommand({
  command: 'optimizely',
  describe: 'Write YAML for the content types the CMS has and record them as synced (adopt an existing CMS)',
  builder: (yargs) =>
    yargs.options({
      ...PROJECT_OPTIONS,
      out: { type: 'string', describe: 'Directory for the YAML (default: the config’s content types directory)' },
      only: { type: 'string', describe: 'Comma-separated keys to import (content types or property groups)' },
      'include-system': { type: 'boolean', default: false, describe: 'Also write the platform’s read-only system types (for reference; catalyst never manages them)' },
      overwrite: { type: 'boolean', default: false, describe: 'Replace YAML that differs from the CMS (otherwise import refuses and names the types)' },
    }),
  run: async (args) => {
    const context = createCliContext(args);
    const { config, target, lock } = await loadTargetedProject(context, args);
    const dir = args.out !== undefined ? resolve(context.cwd, args.out) : config.contentTypesDir;
    const existing = new Map<string, ContentTypeDef>();
    if (dir === config.contentTypesDir) {
      const loaded = await loadDesired(config, { cwd: context.cwd }).catch(() => undefined);
      for (const { def } of loaded?.desired.contentTypes ?? []) existing.set(def.key, def);
    }
    const only = args.only?.split(',').map((key) => key.trim()).filter(Boolean);
    context.progress.status('Reading the CMS…');
    const result = await withTarget(context, target, (opened) =>
      importLive({
        adapter: opened.adapter,
        lock,
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
    await writeLockfile(config.lockfilePath, result.lock);
    const shown = (path: string) => relative(context.cwd, path) || '.';
    for (const file of result.files) context.stdout.write(`  ${file.status.padEnd(9)} ${shown(file.path)}\n`);
    context.stdout.write(
      `\nImported ${result.contentTypes.length} content type${result.contentTypes.length === 1 ? '' : 's'} and ${result.propertyGroups.length} property group${result.propertyGroups.length === 1 ? '' : 's'} into ${shown(dir)}, recorded as synced in ${shown(config.lockfilePath)}.\n`,
    );
    if (result.systemTypes.length > 0) {
      context.stdout.write(`${context.style.warning('Note:')} ${result.systemTypes.join(', ')} are platform types: read-only. catalyst will refuse to plan them; keep them out of the content types directory, or delete their files.\n`);
    }
    return EXIT.ok;
  },
});
