import { describe, expect, it } from 'vitest';
import { passphrase } from '../../src/cli/saved-credentials.js';
import { isUserError } from '../../src/core/user-error.js';

describe('passphrase', () => {
  const stderr = process.stderr;

  it('is CATALYST_KEY when set', async () => {
    expect(await passphrase({ env: { CATALYST_KEY: 'from the store' }, stderr }, 'Passphrase: ')).toBe('from the store');
  });

  it('is never asked for where nobody can answer (a dashboard request): a user error says to set CATALYST_KEY', async () => {
    const error = await passphrase({ env: {}, stderr, interactive: false }, 'Passphrase: ').catch((caught: unknown) => caught);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^No one to ask for the passphrase: .*set CATALYST_KEY/);
  });
});
