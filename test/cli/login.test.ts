import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { runCli } from '../helpers/run-cli.js';

let emulator: RunningEmulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'catalyst-login-'));
  await writeFile(join(dir, 'catalyst.config.json'), JSON.stringify({ targets: { cms: { url: emulator.url, apiVersion: 'preview3' } } }));
});

afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

const login = (secret: string) =>
  runCli(['login'], {
    cwd: dir,
    env: { OPTIMIZELY_CMS_API_URL: undefined, OPTIMIZELY_CMS_CLIENT_ID: DEMO_CLIENT_ID, OPTIMIZELY_CMS_CLIENT_SECRET: secret },
  });

describe('catalyst login', () => {
  it('says who and where once the CMS accepts the credentials, and never prints the secret', async () => {
    const result = await login(DEMO_CLIENT_SECRET);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `Signed in: target "cms", optimizely preview3 at ${emulator.url}/preview3, as client ${DEMO_CLIENT_ID}.`,
    );
    expect(result.stdout).toMatch(/The CMS holds \d+ property groups, \d+ content types, 0 display templates\./);
    expect(result.stdout + result.stderr).not.toContain(DEMO_CLIENT_SECRET);
  });

  it('fails with exit 1 and the reason when the CMS refuses them, without echoing them', async () => {
    const result = await login('a-wrong-secret-value');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/credentials/i);
    expect(result.stdout + result.stderr).not.toContain('a-wrong-secret-value');
  });
});
