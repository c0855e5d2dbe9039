import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type BinaryLike, type ScryptOptions } from 'node:crypto';

/** How a passphrase becomes a key; stored with each sealed secret so the cost can rise later. */
export interface ScryptParameters {
  name: 'scrypt';
  /** CPU/memory cost (a power of two). */
  N: number;
  r: number;
  p: number;
  /** 16 random bytes, base64: a new one each time a secret is sealed. */
  salt: string;
}

/** A secret encrypted with AES-256-GCM under a key derived from a passphrase. */
export interface SealedSecret {
  kdf: ScryptParameters;
  cipher: 'aes-256-gcm';
  /** 12 random bytes, base64: a new one each time a secret is sealed. */
  nonce: string;
  ciphertext: string;
  /** GCM's authentication tag, base64: a wrong passphrase or an edited entry fails it. */
  tag: string;
}

/** scrypt at N = 2^15 (32 MiB, about 0.1 s): OWASP's minimum for scrypt. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;

function deriveKey(passphrase: string, kdf: Omit<ScryptParameters, 'name'>): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r };
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase.normalize('NFC') as BinaryLike, Buffer.from(kdf.salt, 'base64'), 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Encrypts `secret` under `passphrase`, with a fresh salt and nonce. `context` (what the secret is
 * for: target, URL, client id) is authenticated but not encrypted, so an entry moved to another
 * target or URL does not decrypt.
 */
export async function sealSecret(secret: string, passphrase: string, context: string): Promise<SealedSecret> {
  const kdf: ScryptParameters = { name: 'scrypt', ...COST, salt: randomBytes(16).toString('base64') };
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, kdf), nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return {
    kdf,
    cipher: 'aes-256-gcm',
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The secret, or undefined when the passphrase is wrong or the entry (or its context) was changed. */
export async function openSecret(sealed: SealedSecret, passphrase: string, context: string): Promise<string | undefined> {
  const [nonce, tag] = [Buffer.from(sealed.nonce, 'base64'), Buffer.from(sealed.tag, 'base64')];
  // GCM accepts shorter tags (and other nonce sizes) unless told not to: only the full 16-byte tag and a 12-byte nonce open.
  if (nonce.length !== 12 || tag.length !== 16) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, sealed.kdf), nonce, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
