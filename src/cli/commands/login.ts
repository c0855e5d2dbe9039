import { KIND_TABLE } from '../../core/resource-kinds.js';
import { readLive } from '../../engine/read-live.js';
import type { SelectedTarget } from '../../io/config/config.js';
import { createCliContext, loadTargetedProject, PROJECT_OPTIONS, type CliContext } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';
import { saveCredentials } from '../save-credentials.js';
import { withTarget } from '../with-target.js';

/**
 * `catalyst login`: checks that the target's credentials are accepted and its API version is
 * served, by reading what the CMS holds, and says who and where. Never prints the secret.
 * `--save` then keeps the secret, encrypted, in the user's credentials file.
 */
export const loginCommand = defineCommand({
  command: 'login',
  describe: 'Check the target’s credentials and API version, and print who and where (never the secret); --save keeps them encrypted',
  builder: (yargs) =>
    yargs.options({
      ...PROJECT_OPTIONS,
      save: {
        type: 'boolean',
        default: false,
        describe:
          'Save the client secret, encrypted with a passphrase (CATALYST_KEY, or asked), in your credentials file for later runs; `catalyst logout` removes it',
      },
    }),
  run: async (args) => {
    const context = createCliContext(args);
    if (args.save) return saveCredentials(context, args, signIn);
    const { target } = await loadTargetedProject(context, args);
    await signIn(context, target);
    return EXIT.ok;
  },
});

/** Reads the CMS with the target's credentials and says who and where. */
async function signIn(context: CliContext, target: SelectedTarget): Promise<void> {
  context.progress.status('Signing in and reading the CMS…');
  const { where, counts } = await withTarget(context, target, async (opened) => {
    const live = await readLive(opened.adapter);
    const counts = KIND_TABLE.map((descriptor) => {
      const count = live[descriptor.section].length;
      return `${count} ${count === 1 ? descriptor.label : descriptor.plural}`;
    });
    const where =
      target.endpoint.kind === 'embedded' ? `the embedded emulator (${target.platform} ${target.apiVersion})` : opened.adapter.describe();
    return { where, counts };
  });
  context.progress.stop();
  context.stdout.write(
    `${context.style.create('Signed in:')} target "${target.name}", ${where}, as client ${target.credentials.clientId}.\n` +
      `The CMS holds ${counts.join(', ')}.\n`,
  );
}
