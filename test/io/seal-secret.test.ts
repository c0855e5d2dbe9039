import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from '../../src/io/credentials/seal-secret.js';

describe('sealSecret / openSecret (AES-256-GCM under a scrypt key)', () => {
  const passphrase = 'correct horse battery staple';

  it('opens what it sealed, with the same passphrase and context only', async () => {
    const sealed = await sealSecret('s3cret', passphrase, 'target a');
    expect(await openSecret(sealed, passphrase, 'target a')).toBe('s3cret');
    expect(await openSecret(sealed, 'another passphrase', 'target a')).toBeUndefined();
    expect(await openSecret(sealed, passphrase, 'target b')).toBeUndefined();
  });

  it('refuses a shortened tag, which GCM would otherwise check only as far as it goes', async () => {
    const sealed = await sealSecret('s3cret', passphrase, 'target a');
    const short = Buffer.from(sealed.tag, 'base64').subarray(0, 4).toString('base64');
    expect(await openSecret({ ...sealed, tag: short }, passphrase, 'target a')).toBeUndefined();
  });

  it('refuses a nonce of another size', async () => {
    const sealed = await sealSecret('s3cret', passphrase, 'target a');
    const longer = Buffer.concat([Buffer.from(sealed.nonce, 'base64'), Buffer.alloc(4)]).toString('base64');
    expect(await openSecret({ ...sealed, nonce: longer }, passphrase, 'target a')).toBeUndefined();
  });
});
