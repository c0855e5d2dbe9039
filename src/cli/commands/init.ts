import { createInterface } from 'node:readline/promises';
import { initProject } from '../../engine/init-project.js';
import { PLATFORM_PROFILES } from '../../engine/platforms.js';
import { DEFAULT_CONTENT_TYPES_DIR } from '../../io/config/config.js';
import { createCliContext, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';

const DEFAULTS = { target: 'local', url: 'embedded', apiVersion: 'v1' } as const;

/**
 * `catalyst init`: starts a project in the working directory. The target comes from the flags,
 * else from prompts when a person is at the terminal, else the embedded emulator.
 */
export const initCommand = defineCommand({
  command: 'init',
  describe: 'Start a catalyst project here: a config, a content types folder with an example type, .catalyst/ in .gitignore',
  builder: (yargs) =>
    yargs.options({
      target: { type: 'string', describe: `Name of the target (default: ${DEFAULTS.target})` },
      url: { type: 'string', describe: 'The CMS API host, or `embedded` for the built-in emulator (default: embedded)' },
      'api-version': { type: 'string', choices: PLATFORM_PROFILES.optimizely.apiVersions, describe: 'The API version (default: v1)' },
      'content-types-dir': { type: 'string', default: DEFAULT_CONTENT_TYPES_DIR, describe: 'Where the YAML goes' },
      color: PROJECT_OPTIONS.color,
    }),
  run: async (args) => {
    const context = createCliContext(args);
    const asked = args.target === undefined && args.url === undefined && args.apiVersion === undefined && process.stdin.isTTY === true;
    const target = asked
      ? await prompt()
      : { name: args.target ?? DEFAULTS.target, url: args.url ?? DEFAULTS.url, apiVersion: args.apiVersion ?? DEFAULTS.apiVersion };
    const result = await initProject({ cwd: context.cwd, contentTypesDir: args.contentTypesDir, target });
    const { style } = context;
    const label = (word: string, color: (text: string) => string) => color(word.padEnd(9));
    const lines = result.written.map((path) => `  ${label('created', style.create)} ${path}`);
    if (result.exampleSkipped) lines.push(`  ${label('skipped', style.muted)} the example type: ${result.exampleSkipped}`);
    const gitignore = {
      present: label('kept', style.muted),
      added: label('updated', style.update),
      created: label('created', style.create),
    };
    lines.push(`  ${gitignore[result.gitignore]} .gitignore (.catalyst/ is local state)`);
    const where =
      target.url === 'embedded'
        ? 'the embedded Optimizely emulator (no account needed)'
        : `${target.url} (Optimizely ${target.apiVersion})`;
    const credentials =
      target.url === 'embedded'
        ? []
        : [
            `Set ${PLATFORM_PROFILES.optimizely.env.clientId} and ${PLATFORM_PROFILES.optimizely.env.clientSecret} in the environment (never in the config), then check them with \`npx catalyst login\`.`,
          ];
    context.stdout.write(
      `${lines.join('\n')}\n\nTarget "${target.name}" is ${where}.\n${[...credentials, 'Next: `npx catalyst plan`, then `npx catalyst apply`.'].join('\n')}\n`,
    );
    return EXIT.ok;
  },
});

async function prompt(): Promise<{ name: string; url: string; apiVersion: string }> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const ask = async (question: string, fallback: string) => (await terminal.question(`${question} [${fallback}]: `)).trim() || fallback;
    const name = await ask('Target name', DEFAULTS.target);
    const url = await ask('CMS API host, or "embedded" for the built-in emulator', DEFAULTS.url);
    const apiVersion = await ask(`API version (${PLATFORM_PROFILES.optimizely.apiVersions.join(', ')})`, DEFAULTS.apiVersion);
    return { name, url, apiVersion };
  } finally {
    terminal.close();
  }
}
