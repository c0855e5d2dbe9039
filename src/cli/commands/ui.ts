import open from 'open';
import { UserError } from '../../core/user-error.js';
import { startUiServer, type RunningUiServer } from '../../ui/ui-server.js';
import { createCliContext, loadProject, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';

/** The dashboard's port unless `--port` names another. */
export const DEFAULT_UI_PORT = 4020;

/**
 * `catalyst ui [--port 4020] [--open]`: serves the project's dashboard on 127.0.0.1 until
 * interrupted. The printed address carries a random token; without it the API answers 403.
 */
export const uiCommand = defineCommand({
  command: 'ui',
  describe: 'Serve a local dashboard for the project: targets, plans, conflicts, history, apply (on 127.0.0.1, with a token)',
  builder: (yargs) =>
    yargs.options({
      config: PROJECT_OPTIONS.config,
      color: PROJECT_OPTIONS.color,
      port: { type: 'number', default: DEFAULT_UI_PORT, describe: 'Port on 127.0.0.1 (0: any free port)' },
      open: { type: 'boolean', default: false, describe: 'Open the dashboard in the default browser' },
    }),
  run: async (args) => {
    const context = createCliContext(args);
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65_535)
      throw new UserError('Invalid --port', `--port takes a port number from 0 to 65535 (0: any free port), not ${args.port}.`);
    const { config } = await loadProject(context, args);
    const server = await listen(context, args.port, args.config);
    context.stdout.write(
      `Dashboard for ${config.rootDir}:\n\n  ${server.url}\n\n` +
        'Only this machine can reach it (127.0.0.1), and only with the token in this address: do not share it. Press Ctrl-C to stop.\n',
    );
    if (args.open) open(server.url).catch(() => context.stderr.write('Could not open a browser: open the address above yourself.\n'));
    await interrupted();
    await server.close();
    return EXIT.ok;
  },
});

async function listen(context: ReturnType<typeof createCliContext>, port: number, config: string | undefined): Promise<RunningUiServer> {
  try {
    return await startUiServer({ context, project: config === undefined ? {} : { config }, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new UserError(`Port ${port} is in use`, 'Another program listens on it. Choose another with --port (0: any free port).');
    throw error;
  }
}

/** Resolves at the first Ctrl-C or SIGTERM. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
