import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const env = { OPTIMIZELY_CMS_API_URL: undefined, OPTIMIZELY_CMS_CLIENT_ID: undefined, OPTIMIZELY_CMS_CLIENT_SECRET: undefined };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-stray-'));
  await mkdir(join(dir, 'content-types'));
  await writeFile(join(dir, 'catalyst.config.json'), JSON.stringify({ targets: { local: { url: 'embedded' } } }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('local state of the embedded target', () => {
  it('a run that fails, or only reads, leaves no .catalyst/ behind; the first write creates it', async () => {
    await writeFile(
      join(dir, 'content-types', 'Article.yaml'),
      'key: Article\nbaseType: page\ndisplayName: Article\nproperties:\n  attachment: { type: binary }\n',
    );
    const failed = await runCli(['plan'], { cwd: dir, env });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('V032');
    expect(existsSync(join(dir, '.catalyst'))).toBe(false);

    await writeFile(join(dir, 'content-types', 'Article.yaml'), 'key: Article\nbaseType: page\ndisplayName: Article\n');
    expect((await runCli(['plan'], { cwd: dir, env })).code).toBe(0);
    expect((await runCli(['status'], { cwd: dir, env })).code).toBe(0);
    expect(existsSync(join(dir, '.catalyst'))).toBe(false);

    expect((await runCli(['apply', '--auto-approve'], { cwd: dir, env })).code).toBe(0);
    expect(existsSync(join(dir, '.catalyst', 'emulator.json'))).toBe(true);
    expect((await runCli(['plan', '--detailed-exitcode'], { cwd: dir, env })).code).toBe(0);
  });
});
