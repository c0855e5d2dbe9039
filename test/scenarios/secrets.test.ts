import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { CliResult } from '../helpers/run-cli.js';
import { startScenarioEmulator } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

const CLIENT_ID = 'scenario-client';
const SECRET = 'Sc3nario-s3cret-only-in-the-env-7f41c9';
const WRONG_SECRET = 'Wr0ng-s3cret-typed-by-mistake-2b8d55';

/**
 * The client secret lives in the environment only. Whatever catalyst prints or writes (plans,
 * the lockfile, the history, backups), on success or on an authentication failure, never
 * contains it, nor a mistyped one, nor a bearer token.
 */
describe('secrets never leave the environment', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  const outputs: Array<{ args: string[]; result: CliResult }> = [];

  const run = async (args: string[], env: Record<string, string> = {}) => {
    const result = await project.run(args, env);
    outputs.push({ args, result });
    return result;
  };

  beforeAll(async () => {
    emulator = await startScenarioEmulator({ clientId: CLIENT_ID, clientSecret: SECRET });
    project = await ScenarioProject.create({ apiUrl: emulator.url, clientId: CLIENT_ID, clientSecret: SECRET });
    await project.setContentTypes(await readFixture('lifecycle/v1'));
  });

  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  it('plans, saves, applies and reports with the secret from the environment', async () => {
    expect((await run(['plan'])).code).toBe(0);
    expect((await run(['plan', '--json', '--out', 'plan.json'])).code).toBe(0);
    expect((await run(['apply', 'plan.json'])).code).toBe(0);
    await project.setContentTypes(await readFixture('lifecycle/v2'));
    await project.edit('content-types/ArticlePage.yaml', (text) => text.replace(/^ {2}summary: .*\n/m, ''));
    expect((await run(['apply', '--auto-approve', '--allow-destructive'])).code).toBe(0);
    expect((await run(['status', '--all'])).code).toBe(0);
    expect((await project.history()).some((entry) => entry.backup !== undefined)).toBe(true);
  });

  it('a wrong secret fails authentication without echoing either secret', async () => {
    const commands = [['plan'], ['apply', '--auto-approve'], ['status']];
    const results = await Promise.all(commands.map((args) => run(args, { OPTIMIZELY_CMS_CLIENT_SECRET: WRONG_SECRET })));
    for (const result of results) {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Error: The CMS call failed: auth (POST /oauth/token)');
      expect(result.stderr).toContain(
        'Optimizely rejected the client credentials (invalid_client). Check OPTIMIZELY_CMS_CLIENT_ID and OPTIMIZELY_CMS_CLIENT_SECRET',
      );
    }
  });

  it('no output and no file catalyst wrote contains a secret or a token', async () => {
    expect(outputs.length).toBe(8);
    for (const { args, result } of outputs) {
      const text = `${result.stdout}\n${result.stderr}`;
      for (const needle of [SECRET, WRONG_SECRET, 'Bearer ', 'access_token'])
        expect({ args, leaks: text.includes(needle) }).toEqual({ args, leaks: false });
    }
    const files = await filesUnder(project.dir);
    expect(files).toEqual(expect.arrayContaining(['catalyst.lock.json', 'catalyst.history/cms.jsonl', 'plan.json']));
    expect(files.some((file) => file.startsWith('.catalyst/backups/'))).toBe(true);
    for (const file of files) {
      const text = await readFile(join(project.dir, file), 'utf8');
      for (const needle of [SECRET, WRONG_SECRET, 'Bearer ', 'access_token'])
        expect({ file, leaks: text.includes(needle) }).toEqual({ file, leaks: false });
    }
  });
});

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(dir, `${prefix}${entry.name}/`) : Promise.resolve([`${prefix}${entry.name}`]),
    ),
  );
  return nested.flat().sort();
}
