import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const env = { OPTIMIZELY_CMS_API_URL: undefined, OPTIMIZELY_CMS_CLIENT_ID: undefined, OPTIMIZELY_CMS_CLIENT_SECRET: undefined };
let outer: string;
let project: string;

beforeAll(async () => {
  outer = await mkdtemp(join(tmpdir(), 'catalyst-search-'));
  project = join(outer, 'repo');
  await mkdir(join(project, '.git'), { recursive: true });
  await mkdir(join(project, 'cms', 'types'), { recursive: true });
  await mkdir(join(project, 'docs', 'deeper'), { recursive: true });
  await writeFile(join(outer, 'catalyst.config.json'), '{ not json');
  await writeFile(
    join(project, 'catalyst.config.json'),
    JSON.stringify({ contentTypesDir: 'cms/types', targets: { local: { url: 'embedded' } } }),
  );
  await writeFile(join(project, 'cms', 'types', 'Hero.yaml'), 'key: Hero\nbaseType: component\ndisplayName: Hero\n');
});

afterAll(async () => {
  await rm(outer, { recursive: true, force: true });
});

describe('finding the project from a subfolder, as git does', () => {
  it('uses the config of a parent folder, with paths relative to it', async () => {
    const validated = await runCli(['validate'], { cwd: join(project, 'docs', 'deeper'), env });
    expect(validated.stderr).toBe('');
    expect(validated.stdout).toContain('1 content type');

    const applied = await runCli(['apply', '--auto-approve'], { cwd: join(project, 'cms', 'types'), env });
    expect(applied.code, applied.stderr).toBe(0);
    expect(existsSync(join(project, 'catalyst.lock.json'))).toBe(true);
    expect(existsSync(join(project, 'cms', 'types', 'catalyst.lock.json'))).toBe(false);
    expect(existsSync(join(project, 'cms', 'types', '.catalyst'))).toBe(false);
  });

  it('stops at the repository root: a config above it is not used', async () => {
    await rm(join(project, 'catalyst.config.json'));
    try {
      const result = await runCli(['validate'], { cwd: join(project, 'docs'), env });
      expect(result.stderr).not.toContain('C001');
      expect(result.stderr).not.toContain('not json');
    } finally {
      await writeFile(
        join(project, 'catalyst.config.json'),
        JSON.stringify({ contentTypesDir: 'cms/types', targets: { local: { url: 'embedded' } } }),
      );
    }
  });
});
