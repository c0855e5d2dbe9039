import { PLATFORM_PROFILES } from '../../src/engine/platforms.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { loadConfig, type LoadConfigOptions } from '../../src/io/config/load-config.js';
import { Secret } from '../../src/io/config/secret.js';
import { useTempDir } from '../helpers/temp-dir.js';

const FIXTURES = resolve('test/fixtures/config');
const CREDENTIALS = { OPTIMIZELY_CMS_CLIENT_ID: 'client-id-123', OPTIMIZELY_CMS_CLIENT_SECRET: 'very-secret-value' };

function load(fixture: string, options: Partial<LoadConfigOptions> = {}) {
  return loadConfig({ cwd: join(FIXTURES, fixture), env: {}, platforms: PLATFORM_PROFILES, ...options });
}

function lines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${d.severity} ${d.code} ${d.location ? `${d.location.file}:${d.location.line}:${d.location.column}` : '-'} ${d.summary}`,
  );
}

describe('config sources', () => {
  it('with no config file: content-types/, catalyst.lock.json, one embedded target named default', async () => {
    const { config, target, diagnostics } = await load('none');
    expect(diagnostics).toEqual([]);
    const root = join(FIXTURES, 'none');
    expect(config).toMatchObject({
      rootDir: root,
      contentTypesDir: join(root, 'content-types'),
      lockfilePath: join(root, 'catalyst.lock.json'),
      mode: 'push',
      strategy: 'manual',
      defaultTarget: 'default',
    });
    expect(config?.configFile).toBeUndefined();
    expect(target).toMatchObject({
      name: 'default',
      platform: 'optimizely',
      apiVersion: 'v1',
      endpoint: { kind: 'embedded', dataFile: join(root, '.catalyst/emulator.json') },
    });
    expect(target?.credentials.clientId).toBe('catalyst-demo');
    expect(target?.credentials.clientSecret.reveal()).toBe('catalyst-demo-secret');
  });

  it('with no config file and credentials in the environment: the official API host', async () => {
    const { target, diagnostics } = await load('none', { env: CREDENTIALS });
    expect(diagnostics).toEqual([]);
    expect(target?.endpoint).toEqual({ kind: 'remote', apiUrl: 'https://api.cms.optimizely.com' });
    expect(target?.credentials.clientId).toBe('client-id-123');
    expect(target?.credentials.clientSecret.reveal()).toBe('very-secret-value');
  });

  it('catalyst.config.ts (through jiti, importing defineConfig)', async () => {
    const { config, target, diagnostics } = await load('ts');
    expect(diagnostics).toEqual([]);
    const root = join(FIXTURES, 'ts');
    expect(config).toMatchObject({
      configFile: join(root, 'catalyst.config.ts'),
      contentTypesDir: join(root, 'types'),
      lockfilePath: join(root, 'state/catalyst.lock.json'),
      strategy: 'merge',
      defaultTarget: 'local',
    });
    expect(config?.targets.map((t) => [t.name, t.endpoint.kind])).toEqual([
      ['local', 'embedded'],
      ['production', 'remote'],
    ]);
    expect(target?.name).toBe('local');
  });

  it('catalyst.config.ts: a target reads the environment variables it names', async () => {
    const { target, diagnostics } = await load('ts', {
      targetName: 'production',
      env: { PROD_CMS_CLIENT_ID: 'pid', PROD_CMS_CLIENT_SECRET: 'psecret', ...CREDENTIALS },
    });
    expect(diagnostics).toEqual([]);
    expect(target?.endpoint).toEqual({ kind: 'remote', apiUrl: 'https://api.cms.optimizely.com' });
    expect(target?.credentials.clientId).toBe('pid');
    expect(target?.credentials.clientSecret.reveal()).toBe('psecret');
  });

  it('catalyst.config.mjs (trailing slash of the URL removed, preview3)', async () => {
    const { config, target, diagnostics } = await load('mjs', { env: CREDENTIALS });
    expect(diagnostics).toEqual([]);
    expect(config?.contentTypesDir).toBe(join(FIXTURES, 'mjs/cms/types'));
    expect(target).toMatchObject({
      name: 'staging',
      apiVersion: 'preview3',
      endpoint: { kind: 'remote', apiUrl: 'https://staging.example.com' },
    });
  });

  it('catalyst.config.js (ESM) and catalyst.config.cjs (CommonJS)', async () => {
    const esm = await load('js');
    expect(esm.diagnostics).toEqual([]);
    expect(esm.config).toMatchObject({ contentTypesDir: join(FIXTURES, 'js/js-types'), mode: 'pull' });
    const cjs = await load('cjs');
    expect(cjs.diagnostics).toEqual([]);
    expect(cjs.config).toMatchObject({ contentTypesDir: join(FIXTURES, 'cjs/cjs-types'), strategy: 'live-wins' });
  });

  it('catalyst.config.json', async () => {
    const { config, target, diagnostics } = await load('json');
    expect(diagnostics).toEqual([]);
    expect(config?.configFile).toBe(join(FIXTURES, 'json/catalyst.config.json'));
    expect(target).toMatchObject({ name: 'production', endpoint: { kind: 'embedded' } });
  });

  it('sync settings per target over the top level: mode, strategy, strategies and cmsOwns', async () => {
    const prod = await load('sync');
    expect(prod.diagnostics).toEqual([]);
    expect(prod.target?.sync).toEqual({
      mode: 'bidirectional',
      strategy: 'merge',
      strategies: [
        ['BlogPost', 'desired-wins'],
        ['Blog*', 'live-wins'],
      ],
      cmsOwns: [
        ['Article', ['displayName', 'properties.*.group']],
        ['*', ['sortOrder']],
      ],
    });
    const staging = await load('sync', { targetName: 'staging' });
    expect(staging.target?.sync).toEqual({
      mode: 'push',
      strategy: 'manual',
      strategies: [['Blog*', 'live-wins']],
      cmsOwns: [['*', ['sortOrder']]],
    });
  });

  it('catalyst.config.yaml', async () => {
    const { config, target, diagnostics } = await load('yaml');
    expect(diagnostics).toEqual([]);
    expect(config?.contentTypesDir).toBe(join(FIXTURES, 'yaml/content'));
    expect(target).toMatchObject({ name: 'dev', endpoint: { kind: 'embedded' } });
  });

  it('package.json#catalyst', async () => {
    const { config, diagnostics } = await load('package-json');
    expect(diagnostics).toEqual([]);
    expect(config?.configFile).toBe(join(FIXTURES, 'package-json/package.json'));
    expect(config?.contentTypesDir).toBe(join(FIXTURES, 'package-json/src/content-types'));
  });

  it('--config names a file elsewhere: paths are relative to that file', async () => {
    const { config, diagnostics } = await loadConfig({
      cwd: FIXTURES,
      configPath: 'yaml/catalyst.config.yaml',
      env: {},
      platforms: PLATFORM_PROFILES,
    });
    expect(diagnostics).toEqual([]);
    expect(config?.rootDir).toBe(join(FIXTURES, 'yaml'));
    expect(config?.contentTypesDir).toBe(join(FIXTURES, 'yaml/content'));
  });

  it('several config files: the first is used, with a warning', async () => {
    const { config, diagnostics } = await load('several');
    expect(config?.contentTypesDir).toBe(join(FIXTURES, 'several/from-json'));
    expect(lines(diagnostics)).toEqual(['warning C010 catalyst.config.json:1:1 Several config files']);
    expect(diagnostics[0]!.detail).toBe(
      'catalyst uses catalyst.config.json and ignores catalyst.config.yaml. Delete the ones you do not use, so nobody edits the wrong file.',
    );
  });
});

describe('environment overrides', () => {
  it('OPTIMIZELY_CMS_API_URL does not redirect a target that states its url: an error naming the fix', async () => {
    const { diagnostics } = await load('mjs', { env: { ...CREDENTIALS, OPTIMIZELY_CMS_API_URL: 'http://127.0.0.1:4010/' } });
    expect(lines(diagnostics)).toEqual(['error C012 catalyst.config.mjs:3:25 OPTIMIZELY_CMS_API_URL would redirect target "staging"']);
    expect(diagnostics[0]!.detail).toBe(
      'Target "staging" states its url (https://staging.example.com/), and OPTIMIZELY_CMS_API_URL in the environment names another CMS (http://127.0.0.1:4010/). ' +
        'catalyst will not send a target to a CMS its config does not name. Unset OPTIMIZELY_CMS_API_URL, choose the target meant for that CMS, ' +
        'or let the environment decide for this target by adding `urlEnv: OPTIMIZELY_CMS_API_URL` to it.',
    );
  });

  it('an environment URL equal to the stated one is no redirect', async () => {
    const { target, diagnostics } = await load('mjs', { env: { ...CREDENTIALS, OPTIMIZELY_CMS_API_URL: 'https://staging.example.com' } });
    expect(diagnostics).toEqual([]);
    expect(target?.endpoint).toEqual({ kind: 'remote', apiUrl: 'https://staging.example.com' });
  });

  it('a target that names urlEnv lets that variable override its url', async () => {
    const { target, diagnostics } = await load('url-env', { env: { ...CREDENTIALS, CMS_URL: 'http://127.0.0.1:4010/' } });
    expect(diagnostics).toEqual([]);
    expect(target?.endpoint).toEqual({ kind: 'remote', apiUrl: 'http://127.0.0.1:4010' });
  });

  it('an embedded target ignores OPTIMIZELY_CMS_API_URL, with a warning', async () => {
    const { target, diagnostics } = await load('yaml', { env: { OPTIMIZELY_CMS_API_URL: 'https://api.cms.optimizely.com' } });
    expect(target?.endpoint.kind).toBe('embedded');
    expect(lines(diagnostics)).toEqual(['warning C011 catalyst.config.yaml:6:10 OPTIMIZELY_CMS_API_URL is ignored for target "dev"']);
  });

  it('a URL only in the environment makes the default target remote', async () => {
    const { target } = await load('none', { env: { ...CREDENTIALS, OPTIMIZELY_CMS_API_URL: 'https://api.cmstest.optimizely.com' } });
    expect(target?.endpoint).toEqual({ kind: 'remote', apiUrl: 'https://api.cmstest.optimizely.com' });
  });

  it('empty variables count as unset', async () => {
    const { target } = await load('none', {
      env: { OPTIMIZELY_CMS_API_URL: '', OPTIMIZELY_CMS_CLIENT_ID: ' ', OPTIMIZELY_CMS_CLIENT_SECRET: '' },
    });
    expect(target?.endpoint.kind).toBe('embedded');
  });
});

describe('invalid configurations: every problem, with file, line, key and fix', () => {
  const cases: Array<{
    name: string;
    fixture: string;
    options?: Partial<LoadConfigOptions>;
    expected: string[];
    detail?: string;
    configLoaded: boolean;
  }> = [
    {
      name: 'schema violations in YAML, all of them',
      fixture: 'invalid-yaml',
      configLoaded: false,
      expected: [
        'error C003 catalyst.config.yaml:1:1 Unknown member "contentTypeDir"',
        'error C002 catalyst.config.yaml:2:7 mode has an unknown value "pushh"',
        'error C008 catalyst.config.yaml:5:5 Invalid URL for target "production"',
        'error C002 catalyst.config.yaml:6:17 targets.production.apiVersion has an unknown value "v2"',
        'error C002 catalyst.config.yaml:7:3 Invalid target name "bad name"',
      ],
      detail: 'The config has no member "contentTypeDir". Did you mean "contentTypesDir"? Correct the name or remove the member.',
    },
    {
      name: 'literal credentials in YAML',
      fixture: 'literal-secret',
      configLoaded: false,
      expected: [
        'error C004 catalyst.config.yaml:4:5 Credential "clientId" in the config file',
        'error C004 catalyst.config.yaml:5:5 Credential "clientSecret" in the config file',
      ],
    },
    {
      name: 'a literal credential in TypeScript',
      fixture: 'literal-secret-ts',
      configLoaded: false,
      expected: ['error C004 catalyst.config.ts:5:7 Credential "apiKey" in the config file'],
      detail:
        'Credentials never go in the config file, which is committed and shared. Remove "apiKey" and set the environment variable OPTIMIZELY_CMS_CLIENT_SECRET (or name another variable with `clientSecretEnv`); in CI, fill it from the secret store.',
    },
    {
      name: 'a schema violation in package.json#catalyst',
      fixture: 'invalid-package-json',
      configLoaded: false,
      expected: ['error C002 package.json:4:17 strategy has an unknown value "theirs"'],
      detail: '"theirs" is not one of the values strategy accepts: manual, desired-wins, live-wins, merge. Use one of them.',
    },
    {
      name: 'invalid JSON',
      fixture: 'bad-json',
      configLoaded: false,
      expected: ['error C001 catalyst.config.json:3:15 Config file cannot be loaded'],
    },
    {
      name: 'an unknown --target lists the known ones',
      fixture: 'ts',
      options: { targetName: 'prod' },
      configLoaded: true,
      expected: ['error C005 - Unknown target "prod"'],
      detail: '`--target` names "prod", but the config defines only: local, production. Did you mean "production"? Use one of those names.',
    },
    {
      name: 'several targets and none chosen',
      fixture: 'multi-target',
      configLoaded: true,
      expected: ['error C006 catalyst.config.yaml:1:1 No target chosen'],
      detail:
        'The config defines several targets (staging, production). Choose one with `--target <name>`, or set `defaultTarget` in the config.',
    },
    {
      name: 'a remote target without credentials in the environment',
      fixture: 'multi-target',
      options: { targetName: 'staging', env: { OPTIMIZELY_CMS_CLIENT_ID: 'id' } },
      configLoaded: true,
      expected: ['error C007 - No credentials for target "staging"'],
      detail:
        'Target "staging" talks to https://staging.example.com, but the environment does not set OPTIMIZELY_CMS_CLIENT_SECRET. Set it to the client credentials of an Optimizely API key (in CI, from the secret store). Credentials are never read from the config file.',
    },
    {
      name: 'an environment URL that is not http(s)',
      fixture: 'none',
      options: { env: { ...CREDENTIALS, OPTIMIZELY_CMS_API_URL: 'api.cms.optimizely.com' } },
      configLoaded: true,
      expected: ['error C008 - Invalid URL for target "default"'],
      detail:
        'The OPTIMIZELY_CMS_API_URL in the environment is "api.cms.optimizely.com", which is not an http or https URL. Set it to the API host, e.g. https://api.cms.optimizely.com (catalyst adds the version path), or unset OPTIMIZELY_CMS_API_URL.',
    },
    {
      name: 'a URL that carries a password',
      fixture: 'none',
      options: { env: { ...CREDENTIALS, OPTIMIZELY_CMS_API_URL: 'https://user:hunter2@cms.example.com' } },
      configLoaded: true,
      expected: ['error C004 - Credentials in the URL of target "default"'],
    },
    {
      name: '--config naming a missing file',
      fixture: 'none',
      options: { configPath: 'missing.yaml' },
      configLoaded: false,
      expected: ['error C009 - Config file missing.yaml not found'],
    },
  ];
  it.each(cases)('$name', async ({ fixture, options, expected, detail, configLoaded }) => {
    const result = await load(fixture, options);
    expect(lines(result.diagnostics)).toEqual(expected);
    if (detail) expect(result.diagnostics[0]!.detail).toBe(detail);
    expect(result.target).toBeUndefined();
    expect(result.config !== undefined).toBe(configLoaded);
  });

  it('validate needs no target: requireTarget false skips selection and credentials', async () => {
    const result = await load('multi-target', { requireTarget: false });
    expect(result.diagnostics).toEqual([]);
    expect(result.config?.targets.map((t) => t.name)).toEqual(['staging', 'production']);
    expect(result.target).toBeUndefined();
  });
});

describe('config modules that fail', () => {
  const temp = useTempDir('config');
  const cases = [
    {
      name: 'a TypeScript syntax error',
      file: 'catalyst.config.ts',
      text: 'export default {\n  mode: "push",\n  targets: {\n    a: { url: \n',
      expected: 'error C001 catalyst.config.ts:5:1 Config file cannot be loaded',
      detail: /^catalyst could not load catalyst.config.ts: it has a syntax error: Unexpected token\. Fix the file/,
    },
    {
      name: 'a module that throws',
      file: 'catalyst.config.ts',
      text: 'const vault = 1;\nthrow new Error("cannot reach vault");\nexport default {};\n',
      expected: 'error C001 catalyst.config.ts:2:7 Config file cannot be loaded',
      detail: /^catalyst could not load catalyst.config.ts: running it failed: cannot reach vault\. Fix the file/,
    },
    {
      name: 'no default export',
      file: 'catalyst.config.mjs',
      text: 'export const config = { mode: "push" };\n',
      expected: 'error C001 catalyst.config.mjs:1:1 Config file cannot be loaded',
      detail: /it has no default export\. Export the configuration as `export default \{ … \}`\./,
    },
    {
      name: 'a YAML syntax error',
      file: 'catalyst.config.yaml',
      text: 'targets:\n  prod:\n    url: "https://x.example\n',
      expected: 'error C001 catalyst.config.yaml:4:1 Config file cannot be loaded',
      detail: /it is not valid YAML: Missing closing "quote/,
    },
  ];
  it.each(cases)('$name', async ({ name, file, text, expected, detail }) => {
    const cwd = join(temp.path, name.replace(/\W+/g, '-'));
    await mkdir(cwd, { recursive: true });
    await writeFile(join(cwd, file), text);
    const result = await loadConfig({ cwd, env: {}, platforms: PLATFORM_PROFILES });
    expect(lines(result.diagnostics)).toEqual([expected]);
    expect(result.diagnostics[0]!.detail).toMatch(detail);
    expect(result.config).toBeUndefined();
  });
});

describe('secrets never print', () => {
  it('Secret redacts itself in every rendering but reveal()', () => {
    const secret = new Secret('p@ss');
    expect(String(secret)).toBe('[redacted]');
    expect(`${secret}`).toBe('[redacted]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect(secret)).toBe('[redacted]');
    expect(inspect({ nested: { secret } }, { depth: 10, showHidden: true })).not.toContain('p@ss');
    expect(secret.reveal()).toBe('p@ss');
  });

  it('neither JSON.stringify nor util.inspect of a loaded config or target shows the client secret', async () => {
    const result = await load('ts', {
      targetName: 'production',
      env: { PROD_CMS_CLIENT_ID: 'pid', PROD_CMS_CLIENT_SECRET: 'prod-secret-xyz', ...CREDENTIALS },
    });
    const renderings = [
      JSON.stringify(result),
      JSON.stringify(result.config),
      JSON.stringify(result.target),
      inspect(result, { depth: 20 }),
      inspect(result.config, { depth: 20, showHidden: true }),
      inspect(result.target, { depth: 20, showHidden: true }),
      String(result.target?.credentials.clientSecret),
    ];
    for (const text of renderings) {
      expect(text).not.toContain('prod-secret-xyz');
      expect(text).not.toContain('catalyst-demo-secret');
    }
    expect(JSON.stringify(result.target)).toContain('"clientSecret":"[redacted]"');
    expect(result.target?.credentials.clientSecret.reveal()).toBe('prod-secret-xyz');
  });

  it('a literal secret in a config file is not echoed in the diagnostic', async () => {
    const result = await load('literal-secret');
    expect(JSON.stringify(result)).not.toContain('s3cr3t-value');
  });
});
