import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
const env = { OPTIMIZELY_CMS_API_URL: undefined, OPTIMIZELY_CMS_CLIENT_ID: undefined, OPTIMIZELY_CMS_CLIENT_SECRET: undefined };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-markdown-'));
  await mkdir(join(dir, 'content-types'));
  await writeFile(join(dir, 'catalyst.config.json'), JSON.stringify({ targets: { review: { url: 'embedded' } } }));
  await writeFile(
    join(dir, 'content-types', 'Teaser.yaml'),
    'key: Teaser\nbaseType: component\ndisplayName: Teaser\nproperties:\n  title: string\n',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('catalyst plan --markdown', () => {
  it('prints the plan as Markdown for a pull request comment, with the detailed exit code', async () => {
    const result = await runCli(['plan', '--markdown', '--detailed-exitcode'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^### catalyst plan for `review`/);
    expect(result.stdout).toContain('**Plan: 1 to create, 0 to update, 0 to delete.**');
    expect(result.stdout).toContain('<details><summary><code>+</code> content type <b>Teaser</b> will be created</summary>');
  });

  it('refuses --markdown together with --json', async () => {
    const result = await runCli(['plan', '--markdown', '--json'], { cwd: dir, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('mutually exclusive');
  });
});
