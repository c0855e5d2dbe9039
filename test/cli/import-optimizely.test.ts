import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
const env = { OPTIMIZELY_CMS_API_URL: undefined, OPTIMIZELY_CMS_CLIENT_ID: undefined, OPTIMIZELY_CMS_CLIENT_SECRET: undefined };
const HERO = 'key: Hero\nbaseType: component\ndisplayName: Hero\nproperties:\n  heading: string\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-import-'));
  await mkdir(join(dir, 'content-types'));
  await writeFile(join(dir, 'catalyst.config.json'), JSON.stringify({ targets: { local: { url: 'embedded' } } }));
  await writeFile(join(dir, 'content-types', 'Hero.yaml'), HERO);
  expect((await runCli(['apply', '--auto-approve'], { cwd: dir, env })).code).toBe(0);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `import optimizely` with `args`, which must be refused with `summary`, leaving every file as it was. */
async function expectImportRefused(args: string[], summary: string): Promise<string> {
  const lock = await readFile(join(dir, 'catalyst.lock.json'), 'utf8');
  const files = await snapshot();
  const result = await runCli(['import', 'optimizely', ...args], { cwd: dir, env });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`Error: ${summary}`);
  expect(await snapshot()).toEqual(files);
  expect(await readFile(join(dir, 'catalyst.lock.json'), 'utf8')).toBe(lock);
  return result.stderr;
}

async function snapshot(): Promise<Record<string, string>> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.yaml')).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}

describe('catalyst import optimizely never overwrites YAML it was not asked to', () => {
  it('refuses while a YAML file does not parse (an unfinished edit), naming the problem', async () => {
    await writeFile(
      join(dir, 'content-types', 'Hero.yaml'),
      'key: Hero\nbaseType: component\ndisplayName: Hero banner\nproperties:\n  heading: { type: string\n',
    );
    const stderr = await expectImportRefused([], 'Cannot import over invalid YAML');
    expect(stderr).toMatch(/^content-types\/Hero\.yaml:\d+:\d+: error Y001 YAML syntax error$/m);
    await writeFile(join(dir, 'content-types', 'Hero.yaml'), HERO);
  });

  it('compares with the YAML in an --out folder too, and refuses to replace a differing definition there', async () => {
    await mkdir(join(dir, 'content-types', 'imported'));
    await writeFile(join(dir, 'content-types', 'imported', 'Hero.yaml'), HERO.replace('displayName: Hero\n', 'displayName: Hero banner\n'));
    const stderr = await expectImportRefused(['--out', 'content-types/imported'], 'Import would overwrite YAML edits');
    expect(stderr).toContain('The YAML of Hero differs from the CMS.');
    await rm(join(dir, 'content-types', 'imported'), { recursive: true });
  });

  it('refuses an --out folder outside the content types directory, where the next plan would not see the YAML', async () => {
    const stderr = await expectImportRefused(['--out', 'elsewhere'], '--out is outside the content types directory');
    expect(stderr).toContain('would be deleted from the CMS by the next apply');
    expect(stderr).toContain('Choose a folder inside content-types');
    await expectImportRefused(['--out', '..'], '--out is outside the content types directory');
  });
});
