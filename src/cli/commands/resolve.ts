import { relative } from 'node:path';
import { UserError } from '../../core/user-error.js';
import { createCliContext, loadTargetedProject, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';
import { SYNC_OPTIONS, withSyncOptions } from '../make-plan.js';
import { resolveInProject } from '../run-resolve.js';
import { authorizeRun } from '../authorize-run.js';

/**
 * `catalyst resolve <Type>[.<member path>] --take yaml|cms` (or `--all`): settles conflicts as a
 * change to files only, to be reviewed and merged like any other; apply then carries it out.
 */
export const resolveCommand = defineCommand({
  command: 'resolve [conflict]',
  describe: 'Settle conflicts as a file change: --take cms writes the CMS value into YAML, --take yaml keeps the YAML value',
  builder: (yargs) =>
    yargs
      .positional('conflict', { type: 'string', describe: 'A resource key, or key.member.path as the plan names the conflict' })
      .options({
        ...PROJECT_OPTIONS,
        ...SYNC_OPTIONS,
        take: { type: 'string', choices: ['yaml', 'cms'] as const, demandOption: true, describe: 'Which side wins' },
        all: { type: 'boolean', default: false, describe: 'Every conflict of the plan' },
      }),
  run: async (args) => {
    if ((args.conflict === undefined) === !args.all)
      throw new UserError(
        'Name a conflict or --all',
        'Give the conflict to settle (`Article` or `Article.displayName`, as the plan names it), or --all for every one.',
      );
    const context = createCliContext(args);
    const { config, lock, ...loaded } = await loadTargetedProject(context, args);
    const target = withSyncOptions(loaded.target, args);
    await authorizeRun(context, config, target.name, 'resolve', { lockHeld: false });
    const take = args.take as 'yaml' | 'cms';
    const result = await resolveInProject(context, { config, target, lock }, take, args.conflict);
    const shown = (path: string) => relative(context.cwd, path) || path;
    const where = args.take === 'cms' ? result.yamlFiles.map(shown).join(', ') : shown(config.lockfilePath);
    context.stdout.write(
      `${context.style.create('Resolved')} ${result.resolved.join(', ')} by taking the ${args.take === 'cms' ? 'CMS' : 'YAML'} side: changed ${where}.\n` +
        'Review the change (git diff), commit it, and apply it after the merge.\n',
    );
    return EXIT.ok;
  },
});
