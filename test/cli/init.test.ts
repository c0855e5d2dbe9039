import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runProcess } from '../helpers/run-cli.js';

const env = { OPTIMIZELY_CMS_API_URL: undefined, OPTIMIZELY_CMS_CLIENT_ID: undefined, OPTIMIZELY_CMS_CLIENT_SECRET: undefined };
const SHIPPED = resolve('schemas');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'catalyst-init-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function folder(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

describe('catalyst init', () => {
  it('starts a project that validates and plans its example, with schema paths that resolve, and never overwrites', async () => {
    const dir = await folder('fresh');
    await writeFile(join(dir, '.gitignore'), 'node_modules/');
    const result = await runCli(['init'], { cwd: dir, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created   catalyst.config.json');
    expect(result.stdout).toContain('created   content-types/ArticlePage.yaml');
    expect(result.stdout).toContain('Target "local" is the embedded Optimizely emulator');

    const config = JSON.parse(await readFile(join(dir, 'catalyst.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ contentTypesDir: 'content-types', targets: { local: { url: 'embedded', apiVersion: 'v1' } } });
    expect(resolve(dir, config['$schema'] as string)).toBe(join(SHIPPED, 'config.schema.json'));
    const example = join(dir, 'content-types', 'ArticlePage.yaml');
    const schemaLine = /^# yaml-language-server: \$schema=(.+)$/m.exec(await readFile(example, 'utf8'));
    expect(resolve(dirname(example), schemaLine![1]!)).toBe(join(SHIPPED, 'content-type.schema.json'));
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toMatch(/^node_modules\/\n# .*\n\.catalyst\/\n$/);

    expect((await runCli(['validate'], { cwd: dir, env })).code).toBe(0);
    const plan = await runCli(['plan', '--detailed-exitcode'], { cwd: dir, env });
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('+ content type ArticlePage');
    expect(existsSync(join(dir, '.catalyst'))).toBe(false);

    const before = await readFile(join(dir, 'catalyst.config.json'), 'utf8');
    const again = await runCli(['init', '--url', 'https://example.com'], { cwd: dir, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('A catalyst config already exists');
    expect(await readFile(join(dir, 'catalyst.config.json'), 'utf8')).toBe(before);
  });

  it('takes the target from flags, keeps YAML that is already there, and refuses bad flags before writing anything', async () => {
    const dir = await folder('flags');
    await mkdir(join(dir, 'types'));
    await writeFile(join(dir, 'types', 'Hero.yaml'), 'key: Hero\nbaseType: component\ndisplayName: Hero\n');
    const bad = await runCli(['init', '--target', 'prod cms', '--url', 'ftp://cms'], { cwd: dir, env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Invalid options for the config');
    expect(existsSync(join(dir, 'catalyst.config.json'))).toBe(false);
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);

    const result = await runCli(
      ['init', '--target', 'prod', '--url', 'https://cms.example.com', '--api-version', 'preview3', '--content-types-dir', 'types'],
      { cwd: dir, env },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('skipped   the example type: types already holds 1 YAML file');
    expect(result.stdout).toContain('OPTIMIZELY_CMS_CLIENT_SECRET');
    const config = JSON.parse(await readFile(join(dir, 'catalyst.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({
      contentTypesDir: 'types',
      targets: { prod: { platform: 'optimizely', url: 'https://cms.example.com', apiVersion: 'preview3' } },
    });
    expect(existsSync(join(dir, 'types', 'ArticlePage.yaml'))).toBe(false);
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toContain('.catalyst/\n');
  });

  it('installed under its scoped name, as a devDependency: `catalyst init` points the editor at the schemas in node_modules', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { name: string; bin: Record<string, string> };
    expect(pkg.name).toMatch(/^@[a-z0-9-]+\/[a-z0-9-]+$/);
    expect(pkg.bin).toEqual({ catalyst: './bin/catalyst.js' });
    const dir = await folder('installed');
    const installed = join(dir, 'node_modules', ...pkg.name.split('/'));
    await mkdir(dirname(installed), { recursive: true });
    await symlink(resolve('.'), installed, 'dir');
    const result = await runProcess(
      process.execPath,
      ['--preserve-symlinks', '--preserve-symlinks-main', join(installed, pkg.bin['catalyst']!), 'init'],
      { cwd: dir, env: { ...env, NO_COLOR: '1' } },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const config = JSON.parse(await readFile(join(dir, 'catalyst.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config['$schema']).toBe(`./node_modules/${pkg.name}/schemas/config.schema.json`);
    expect(await readFile(join(dir, 'content-types', 'ArticlePage.yaml'), 'utf8')).toMatch(
      new RegExp(`^# yaml-language-server: \\$schema=\\.\\./node_modules/${pkg.name}/schemas/content-type\\.schema\\.json\n`),
    );
  });
});
