import { chmod, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Environment } from '../config/resolve-config.js';
import type { SealedSecret } from './seal-secret.js';

/** One saved credential: the client id in the clear, the secret sealed. */
export interface SavedCredential {
  target: string;
  apiUrl: string;
  clientId: string;
  secret: SealedSecret;
}

/** `credentials.json`: saved credentials by `savedCredentialId`. Never inside a repository unless CATALYST_CREDENTIALS_FILE says so. */
export interface CredentialsFile {
  version: 1;
  credentials: Record<string, SavedCredential>;
}

/** Why a credentials file cannot be used; the caller phrases the diagnostic. */
export class CredentialsFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'CredentialsFileError';
  }
}

/**
 * Where saved credentials live: CATALYST_CREDENTIALS_FILE, else `catalyst/credentials.json` in
 * the user's config folder ($XDG_CONFIG_HOME, else %APPDATA% on Windows, else ~/.config).
 */
export function credentialsFilePath(env: Environment, cwd: string): string {
  const named = env['CATALYST_CREDENTIALS_FILE']?.trim();
  if (named) return resolve(cwd, named);
  const base = env['XDG_CONFIG_HOME']?.trim() || env['APPDATA']?.trim() || join(env['HOME']?.trim() || homedir(), '.config');
  return join(base, 'catalyst', 'credentials.json');
}

/** A target's saved credential is bound to its name and API URL: a saved secret is never sent to another CMS. */
export function savedCredentialId(target: string, apiUrl: string): string {
  return `${target} ${apiUrl}`;
}

/** What the seal authenticates besides the secret: which target, URL and client id it belongs to. */
export function sealContext(credential: Pick<SavedCredential, 'target' | 'apiUrl' | 'clientId'>): string {
  return JSON.stringify([credential.target, credential.apiUrl, credential.clientId]);
}

/** The file, or an empty one when there is none; a damaged file is a CredentialsFileError. */
export async function readCredentialsFile(path: string): Promise<CredentialsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, credentials: {} };
    throw new CredentialsFileError(path, `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CredentialsFileError(path, 'it is not JSON');
  }
  if (!isCredentialsFile(value)) throw new CredentialsFileError(path, 'it is not a catalyst credentials file (version 1)');
  return { version: 1, credentials: Object.assign(Object.create(null) as Record<string, SavedCredential>, value.credentials) };
}

/** Writes the file readable by its owner only (0600, its folder 0700); an empty file is removed. */
export async function writeCredentialsFile(path: string, file: CredentialsFile): Promise<void> {
  if (Object.keys(file.credentials).length === 0) {
    await rm(path, { force: true });
    return;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`, { encoding: 'utf8', fsync: true, mode: 0o600 });
  await chmod(path, 0o600);
}

/** Group or others can read the file (POSIX only): the caller warns. */
export async function readableByOthers(path: string): Promise<boolean> {
  if (process.platform === 'win32') return false;
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && (info.mode & 0o077) !== 0;
}

function isCredentialsFile(value: unknown): value is CredentialsFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<CredentialsFile>;
  if (file.version !== 1 || typeof file.credentials !== 'object' || file.credentials === null) return false;
  return Object.values(file.credentials).every(isSavedCredential);
}

function isSavedCredential(value: unknown): value is SavedCredential {
  const entry = value as Partial<SavedCredential> | null;
  const secret = entry?.secret as Partial<SealedSecret> | undefined;
  const kdf = secret?.kdf;
  const text = (candidate: unknown) => typeof candidate === 'string';
  const integer = (candidate: unknown) => Number.isSafeInteger(candidate) && (candidate as number) > 0;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    text(entry.target) &&
    text(entry.apiUrl) &&
    text(entry.clientId) &&
    secret?.cipher === 'aes-256-gcm' &&
    text(secret.nonce) &&
    text(secret.ciphertext) &&
    text(secret.tag) &&
    kdf?.name === 'scrypt' &&
    text(kdf.salt) &&
    integer(kdf.N) &&
    (kdf.N & (kdf.N - 1)) === 0 &&
    // No weaker than catalyst seals with (N 2^15, r 8, p 1), and no costlier than about 1 GiB of memory.
    kdf.N >= 2 ** 15 &&
    kdf.N <= 2 ** 20 &&
    kdf.r === 8 &&
    integer(kdf.p) &&
    kdf.p >= 1 &&
    kdf.p <= 4
  );
}
