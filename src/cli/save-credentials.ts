import type { ResolvedTarget, SelectedTarget } from '../io/config/config.js';
import { Secret } from '../io/config/secret.js';
import { loadConfig } from '../io/config/load-config.js';
import { PLATFORM_PROFILES } from '../engine/platforms.js';
import { UserError } from '../core/user-error.js';
import {
  credentialsFilePath,
  CredentialsFileError,
  readCredentialsFile,
  savedCredentialId,
  sealContext,
  writeCredentialsFile,
  type CredentialsFile,
} from '../io/credentials/credentials-file.js';
import { sealSecret } from '../io/credentials/seal-secret.js';
import { displayPath } from '../io/fs/display-path.js';
import { askSecret } from './ask-secret.js';
import { loadProject, type CliContext, type ProjectArgs } from './cli-context.js';
import { EXIT } from './define-command.js';
import { passphrase } from './saved-credentials.js';

/** The shortest passphrase `login --save` accepts. */
const MIN_PASSPHRASE = 12;

/**
 * `login --save`: signs in with the target's credentials (the environment's, else asked), then
 * seals the secret with the passphrase and stores it in the user's credentials file (0600),
 * bound to the target's name and URL.
 */
export async function saveCredentials(
  context: CliContext,
  args: ProjectArgs,
  signIn: (context: CliContext, target: SelectedTarget) => Promise<void>,
): Promise<number> {
  const target = await remoteTarget(context, args);
  const ask = (what: string, variable: string) =>
    askSecret(context.stderr, `${what} of target "${target.name}": `, `Set ${variable} to save it, or run login --save on a terminal.`);
  const clientId = context.env[target.env.clientId]?.trim() || (await ask('Client id', target.env.clientId)).trim();
  const secret = context.env[target.env.clientSecret]?.trim() || (await ask('Client secret', target.env.clientSecret)).trim();
  if (clientId === '' || secret === '')
    throw new UserError('No credentials to save', 'Both the client id and the client secret are needed.');
  await signIn(context, { ...target, credentials: { clientId, clientSecret: new Secret(secret) } });

  const key = await newPassphrase(context);
  const path = credentialsFilePath(context.env, context.cwd);
  const shown = displayPath(path, context.cwd);
  const file = await readOrFail(path, shown);
  const entry = { target: target.name, apiUrl: target.endpoint.apiUrl, clientId };
  file.credentials[savedCredentialId(target.name, target.endpoint.apiUrl)] = {
    ...entry,
    secret: await sealSecret(secret, key, sealContext(entry)),
  };
  await writeCredentialsFile(path, file);
  context.stdout.write(
    `Saved the client secret of target "${target.name}" (${target.endpoint.apiUrl}), encrypted, in ${shown} (readable by you only).\n` +
      `Runs without ${target.env.clientSecret} use it and need the passphrase (CATALYST_KEY, or asked); the environment always wins. \`catalyst logout\` removes it.\n`,
  );
  return EXIT.ok;
}

/** `catalyst logout`: removes the target's saved credentials. */
export async function forgetCredentials(context: CliContext, args: ProjectArgs): Promise<number> {
  const target = await remoteTarget(context, args);
  const path = credentialsFilePath(context.env, context.cwd);
  const shown = displayPath(path, context.cwd);
  const file = await readOrFail(path, shown);
  const id = savedCredentialId(target.name, target.endpoint.apiUrl);
  if (!Object.hasOwn(file.credentials, id)) {
    context.stdout.write(`No credentials saved for target "${target.name}" (${target.endpoint.apiUrl}) in ${shown}.\n`);
    return EXIT.ok;
  }
  delete file.credentials[id];
  await writeCredentialsFile(path, file);
  context.stdout.write(`Removed the saved credentials of target "${target.name}" from ${shown}.\n`);
  return EXIT.ok;
}

/**
 * The chosen target, which must be a remote CMS whose URL does not depend on the credentials
 * being in the environment (else, without them, it is the embedded emulator and a saved secret
 * would never be used).
 */
async function remoteTarget(context: CliContext, args: ProjectArgs): Promise<ResolvedTarget & { endpoint: { kind: 'remote' } }> {
  const { config } = await loadProject(context, args);
  const name = args.target ?? config.defaultTarget;
  const target = config.targets.find((candidate) => candidate.name === name);
  if (!target)
    throw new UserError(
      'No target chosen',
      `Name the target whose credentials to save with --target (the config has ${config.targets.map((each) => each.name).join(', ')}).`,
    );
  const withoutCredentials = { ...context.env, [target.env.clientId]: undefined, [target.env.clientSecret]: undefined };
  const bare = await loadConfig({
    cwd: context.cwd,
    env: withoutCredentials,
    platforms: PLATFORM_PROFILES,
    requireTarget: false,
    ...(args.config !== undefined ? { configPath: args.config } : {}),
  });
  const endpoint = bare.config?.targets.find((candidate) => candidate.name === target.name)?.endpoint;
  if (target.endpoint.kind !== 'remote' || endpoint?.kind !== 'remote' || endpoint.apiUrl !== target.endpoint.apiUrl)
    throw new UserError(
      `Target "${target.name}" is the embedded emulator without credentials`,
      `Target "${target.name}" names no CMS URL, so without credentials in the environment it runs the built-in emulator, which needs none; saved credentials would never be used. Add \`url: https://…\` to the target in the config (or set ${target.env.url}), then run login --save again.`,
    );
  return target as ResolvedTarget & { endpoint: { kind: 'remote' } };
}

async function readOrFail(path: string, shown: string): Promise<CredentialsFile> {
  try {
    return await readCredentialsFile(path);
  } catch (error) {
    if (!(error instanceof CredentialsFileError)) throw error;
    throw new UserError(
      'Saved credentials cannot be read',
      `${shown}: ${error.reason}. Move it aside or delete it, then run the command again.`,
    );
  }
}

/** The passphrase to seal with: CATALYST_KEY, or typed twice; at least MIN_PASSPHRASE characters. */
async function newPassphrase(context: CliContext): Promise<string> {
  const key = await passphrase(context, 'Passphrase to encrypt the secret with: ');
  if (context.env['CATALYST_KEY'] === undefined || context.env['CATALYST_KEY'] === '') {
    const again = await passphrase(context, 'The same passphrase again: ');
    if (again !== key)
      throw new UserError('The passphrases differ', 'Nothing was saved. Run login --save again and type the same passphrase twice.');
  }
  if ([...key].length < MIN_PASSPHRASE)
    throw new UserError(
      'Passphrase too short',
      `The passphrase has fewer than ${MIN_PASSPHRASE} characters; a short one is guessed quickly from a copied credentials file. Nothing was saved. Choose a longer one (a few random words).`,
    );
  return key;
}
