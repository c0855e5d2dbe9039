import { UserError } from '../core/user-error.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { SavedCredentialsLookup } from '../io/config/load-config.js';
import {
  credentialsFilePath,
  CredentialsFileError,
  readableByOthers,
  readCredentialsFile,
  savedCredentialId,
  sealContext,
} from '../io/credentials/credentials-file.js';
import { openSecret } from '../io/credentials/seal-secret.js';
import { CREDENTIAL_CODES } from '../io/diagnostic-codes.js';
import { displayPath } from '../io/fs/display-path.js';
import { askSecret } from './ask-secret.js';
import type { CliContext } from './cli-context.js';

/** The passphrase that unlocks saved credentials: CATALYST_KEY, else asked on the terminal. */
export async function passphrase(context: Pick<CliContext, 'env' | 'stderr' | 'interactive'>, question: string): Promise<string> {
  const key = context.env['CATALYST_KEY'];
  if (key !== undefined && key !== '') return key;
  if (context.interactive === false)
    throw new UserError(
      'No one to ask for the passphrase',
      'The dashboard cannot ask for the passphrase of saved credentials. Stop `catalyst ui`, set CATALYST_KEY, and start it again; or set the target’s credential variables.',
    );
  return askSecret(
    context.stderr,
    question,
    'catalyst needs the passphrase of the saved credentials and there is no terminal to ask for it. Set CATALYST_KEY (from a secret store), or set the target’s credential variables instead.',
  );
}

/** Saved credentials for `loadConfig`: found by target name and URL in the credentials file, opened with the passphrase. */
export function savedCredentialsLookup(context: CliContext): SavedCredentialsLookup {
  return async (target) => {
    const path = credentialsFilePath(context.env, context.cwd);
    const shown = displayPath(path, context.cwd);
    const problem = (code: string, summary: string, detail: string): Diagnostic[] => [
      { code, severity: 'error', summary, detail, location: { file: shown, line: 1, column: 1 } },
    ];
    let file;
    try {
      file = await readCredentialsFile(path);
    } catch (error) {
      if (!(error instanceof CredentialsFileError)) throw error;
      return problem(
        CREDENTIAL_CODES.damagedFile,
        'Saved credentials cannot be read',
        `${shown}: ${error.reason}. Remove it (catalyst logout, or delete the file) and save the credentials again with \`catalyst login --save\`.`,
      );
    }
    const saved = file.credentials[savedCredentialId(target.name, target.endpoint.apiUrl)];
    if (!saved) return undefined;
    if (await readableByOthers(path))
      return problem(
        CREDENTIAL_CODES.fileTooOpen,
        'Saved credentials are readable by others',
        `${shown} can be read by other users of this machine, so catalyst will not use it. Run \`chmod 600 ${shown}\`, then run the command again.`,
      );
    const key = await passphrase(context, `Passphrase for the saved credentials of target "${target.name}": `);
    const secret = await openSecret(saved.secret, key, sealContext(saved));
    if (secret === undefined)
      return problem(
        CREDENTIAL_CODES.wrongPassphrase,
        `Saved credentials of target "${target.name}" do not open`,
        `The passphrase (CATALYST_KEY, or the one typed) does not open the client secret saved in ${shown}, or the entry was changed. Use the passphrase it was saved with; or save it again with \`catalyst login --save\`; or set ${target.env.clientSecret} in the environment, which always wins.`,
      );
    return { clientId: saved.clientId, clientSecret: secret };
  };
}
