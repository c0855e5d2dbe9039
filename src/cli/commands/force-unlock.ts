import { forceUnlock, lockDirectory } from '../../io/lock/target-lock.js';
import { UserError } from '../../core/user-error.js';
import { createCliContext, loadProject, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';

/**
 * `catalyst force-unlock <id>`: removes a target's lock that a run left behind (Terraform's
 * `force-unlock`). The ID must match the lock's, so a lock taken since is never broken by mistake.
 */
export const forceUnlockCommand = defineCommand({
  command: 'force-unlock <id>',
  describe: 'Remove the lock a dead run left on a target (the ID is in the "is locked" error)',
  builder: (yargs) =>
    yargs.positional('id', { type: 'string', demandOption: true, describe: 'The lock ID the error showed' }).options(PROJECT_OPTIONS),
  run: async (args) => {
    const context = createCliContext(args);
    const { config } = await loadProject(context, args);
    const target = args.target ?? config.defaultTarget ?? (config.targets.length === 1 ? config.targets[0]!.name : undefined);
    if (target === undefined)
      throw new UserError(
        'Which target?',
        `The config has targets ${config.targets.map((t) => t.name).join(', ')}; name one with --target.`,
      );
    const removed = await forceUnlock(lockDirectory(config.rootDir), target, String(args.id));
    context.stdout.write(
      `Removed the lock of target ${target} (held by ${removed.owner}, ${removed.operation}, since ${removed.createdAt}).\n`,
    );
    return EXIT.ok;
  },
});
