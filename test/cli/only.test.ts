import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const env = { OPTIMIZELY_CMS_API_URL: undefined, OPTIMIZELY_CMS_CLIENT_ID: undefined, OPTIMIZELY_CMS_CLIENT_SECRET: undefined };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-only-'));
  await mkdir(join(dir, 'content-types'));
  await writeFile(join(dir, 'catalyst.config.json'), JSON.stringify({ targets: { local: { url: 'embedded' } } }));
  await writeFile(
    join(dir, 'content-types', 'Article.yaml'),
    'key: Article\nbaseType: page\ndisplayName: Article\nproperties:\n  hero: { type: component, contentType: Hero }\n',
  );
  await writeFile(join(dir, 'content-types', 'Hero.yaml'), 'key: Hero\nbaseType: component\ndisplayName: Hero\n');
  await writeFile(join(dir, 'content-types', 'News.yaml'), 'key: News\nbaseType: page\ndisplayName: News\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--only on plan and apply', () => {
  it('applies just the named type and what it needs, with a warning; a full plan then shows the rest', async () => {
    const applied = await runCli(['apply', '--auto-approve', '--only', 'Article'], { cwd: dir, env });
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('PL114 A partial plan');
    expect(applied.stdout).toContain('+ content type Hero');
    expect(applied.stdout).not.toContain('News');

    const rest = await runCli(['plan', '--json'], { cwd: dir, env });
    const plan = JSON.parse(rest.stdout) as { steps: Array<{ action: string; key: string }> };
    expect(plan.steps.map((step) => `${step.action} ${step.key}`)).toEqual(['create News']);
  });

  it('refuses --only with a saved plan, and a key nobody has', async () => {
    const saved = await runCli(['apply', 'plan.json', '--only', 'News'], { cwd: dir, env });
    expect(saved.code).toBe(1);
    expect(saved.stderr).toContain('--only with a saved plan');
    const unknown = await runCli(['plan', '--only', 'Nwes,News'], { cwd: dir, env });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('PL113 `--only` names "Nwes", which no resource has');
  });
});
