import { createCliContext, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand } from '../define-command.js';
import { forgetCredentials } from '../save-credentials.js';

/** `catalyst logout`: removes the credentials `login --save` stored for the target. */
export const logoutCommand = defineCommand({
  command: 'logout',
  describe: 'Remove the credentials `catalyst login --save` stored for the target',
  builder: (yargs) => yargs.options(PROJECT_OPTIONS),
  run: async (args) => forgetCredentials(createCliContext(args), args),
});
