import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { runInProcess } from '../helpers/run-in-process.js';

const CLIENT_ID = 'saved-client';
const SECRET = 'canary-at-rest-5d1e0b93-never-stored-in-clear';
const KEY = 'correct horse battery staple';

let emulator: RunningEmulator;
let dir: string;
let credentials: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, clientId: CLIENT_ID, clientSecret: SECRET });
  dir = await mkdtemp(join(tmpdir(), 'catalyst-credentials-'));
  credentials = join(dir, 'home', 'catalyst', 'credentials.json');
  await writeFile(join(dir, 'catalyst.config.json'), JSON.stringify({ targets: { cms: { url: emulator.url } } }));
  await mkdir(join(dir, 'content-types'));
  await writeFile(join(dir, 'content-types', 'Article.yaml'), 'key: Article\nbaseType: page\ndisplayName: Article\n');
});
afterAll(async () => {
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A run with no credentials in the environment unless given, and the credentials file in the test folder. */
const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  runInProcess(args, {
    cwd: dir,
    env: {
      OPTIMIZELY_CMS_API_URL: undefined,
      OPTIMIZELY_CMS_CLIENT_ID: undefined,
      OPTIMIZELY_CMS_CLIENT_SECRET: undefined,
      CATALYST_KEY: undefined,
      CATALYST_ACTOR: 'credentials-test',
      CATALYST_CREDENTIALS_FILE: credentials,
      ...env,
    },
  });
const withSecret = { OPTIMIZELY_CMS_CLIENT_ID: CLIENT_ID, OPTIMIZELY_CMS_CLIENT_SECRET: SECRET };

describe('login --save: the client secret at rest, encrypted', () => {
  it('saves the secret sealed in a 0600 file that holds no plaintext, and later runs use it with the passphrase', async () => {
    const saved = await run(['login', '--save'], { ...withSecret, CATALYST_KEY: KEY });
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain('Signed in: target "cms"');
    expect(saved.stdout).toContain('Saved the client secret of target "cms"');
    expect(saved.stdout + saved.stderr).not.toContain(SECRET);
    expect((await stat(credentials)).mode & 0o777).toBe(0o600);
    const text = await readFile(credentials, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(text).not.toContain(KEY);
    const entry = JSON.parse(text).credentials[`cms ${emulator.url}`];
    expect(entry).toMatchObject({ target: 'cms', apiUrl: emulator.url, clientId: CLIENT_ID, secret: { cipher: 'aes-256-gcm' } });

    const plan = await run(['plan'], { CATALYST_KEY: KEY });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('Plan: 1 to create');
  });

  it('a second save seals with a new salt and nonce', async () => {
    const before = JSON.parse(await readFile(credentials, 'utf8')).credentials[`cms ${emulator.url}`].secret;
    expect((await run(['login', '--save'], { ...withSecret, CATALYST_KEY: KEY })).code).toBe(0);
    const after = JSON.parse(await readFile(credentials, 'utf8')).credentials[`cms ${emulator.url}`].secret;
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(after.nonce).not.toBe(before.nonce);
    expect(after.ciphertext).not.toBe(before.ciphertext);
  });

  it('a wrong passphrase is K001 naming the file and the fix, not a crash', async () => {
    const result = await run(['plan'], { CATALYST_KEY: 'not the passphrase at all' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('K001 Saved credentials of target "cms" do not open');
    expect(result.stderr).toContain('credentials.json:1:1');
    expect(result.stderr).not.toContain('Internal error');
    expect(result.stderr).not.toContain(SECRET);
  });

  it('without CATALYST_KEY and without a terminal, says what to set', async () => {
    const result = await run(['plan']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No terminal to ask');
    expect(result.stderr).toContain('CATALYST_KEY');
  });

  it('the environment wins over the saved secret', async () => {
    const result = await run(['plan'], {
      ...withSecret,
      CATALYST_KEY: KEY,
      OPTIMIZELY_CMS_CLIENT_SECRET: 'a-wrong-secret-from-the-environment',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rejected the client credentials');
  });

  it('another client id in the environment does not get the saved secret: it belongs to the id it was saved with', async () => {
    const result = await run(['plan'], { CATALYST_KEY: KEY, OPTIMIZELY_CMS_CLIENT_ID: 'another-client' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('C007 No credentials for target');
  });

  it('an entry edited to another client id does not open (the seal covers target, URL and client id)', async () => {
    const original = await readFile(credentials, 'utf8');
    await writeFile(credentials, original.replace(`"clientId": "${CLIENT_ID}"`, '"clientId": "someone-else"'), { mode: 0o600 });
    try {
      const result = await run(['plan'], { CATALYST_KEY: KEY });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('K001');
    } finally {
      await writeFile(credentials, original, { mode: 0o600 });
    }
  });

  it('a file others can read is refused (K003); a damaged one is K002', async () => {
    const original = await readFile(credentials, 'utf8');
    await chmod(credentials, 0o644);
    const open = await run(['plan'], { CATALYST_KEY: KEY });
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('K003 Saved credentials are readable by others');
    expect(open.stderr).toContain('chmod 600');
    await chmod(credentials, 0o600);
    await writeFile(credentials, '{"version": 1, "credentials": {"x": 1}}');
    const damaged = await run(['plan'], { CATALYST_KEY: KEY });
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('K002 Saved credentials cannot be read');
    // A cost weaker than catalyst seals with (an attacker's N = 2) is a damaged file too, never tried.
    await writeFile(credentials, original.replace(/"N":\s*32768/, '"N": 2'), { mode: 0o600 });
    const weak = await run(['plan'], { CATALYST_KEY: KEY });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('K002 Saved credentials cannot be read');
    await writeFile(credentials, original, { mode: 0o600 });
  });

  it('is bound to the target URL: a config pointing the target elsewhere does not get the secret', async () => {
    const config = join(dir, 'other.config.json');
    await writeFile(config, JSON.stringify({ targets: { cms: { url: 'http://127.0.0.1:9' } } }));
    const result = await run(['plan', '--config', config], { CATALYST_KEY: KEY });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('C007');
  });

  it('refuses a short passphrase, and a target that is the emulator without credentials', async () => {
    const short = await run(['login', '--save'], { ...withSecret, CATALYST_KEY: 'short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('Passphrase too short');
    const config = join(dir, 'embedded.config.json');
    await writeFile(config, JSON.stringify({ targets: { local: {} } }));
    const embedded = await run(['login', '--save', '--config', config], { ...withSecret, CATALYST_KEY: KEY });
    expect(embedded.code).toBe(1);
    expect(embedded.stderr).toContain('is the embedded emulator without credentials');
  });

  it('logout removes it; the next run needs credentials again', async () => {
    const result = await run(['logout']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Removed the saved credentials of target "cms"');
    await expect(stat(credentials)).rejects.toThrow();
    const plan = await run(['plan'], { CATALYST_KEY: KEY });
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('C007');
  });
});
