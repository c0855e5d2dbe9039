import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { runProcess, type CliResult } from '../helpers/run-cli.js';

/**
 * The official Optimizely CLI (`@optimizely/cms-cli`, a devDependency) pushes and pulls a small
 * SDK project against the emulator, exactly as a user would against a CMS: it reaches the
 * emulator's `/_cms/v1` routes because 127.0.0.1 is not a SaaS gateway host.
 */
const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

const CONFIG = `export default {
  components: ['./components/*.mjs'],
  propertyGroups: [{ key: 'seo', displayName: 'SEO' }],
};
`;

function components(withBody: boolean): string {
  return `import { contentType, contract, displayTemplate } from '@optimizely/cms-sdk';

export const SeoFields = contract({
  key: 'SeoFields',
  displayName: 'SEO fields',
  properties: { metaTitle: { type: 'string', displayName: 'Meta title', group: 'seo' } },
});

export const Hero = contentType({
  key: 'Hero',
  displayName: 'Hero',
  baseType: '_component',
  compositionBehaviors: ['sectionEnabled'],
  properties: { heading: { type: 'string', isLocalized: true } },
});

export const Article = contentType({
  key: 'Article',
  displayName: 'Article',
  baseType: '_page',
  extends: SeoFields,
  mayContainTypes: ['_self'],
  properties: {
    title: { type: 'string', isRequired: true },
    hero: { type: 'component', contentType: Hero },
    ${withBody ? "body: { type: 'richText' }," : ''}
    tags: { type: 'array', items: { type: 'string', enum: [{ value: 'news', displayName: 'News' }] } },
  },
});

export const ArticleWide = displayTemplate({
  key: 'ArticleWide',
  displayName: 'Wide',
  contentType: 'Article',
  isDefault: true,
  settings: { width: { displayName: 'Width', editor: 'select', sortOrder: 1, choices: { wide: { displayName: 'Wide', sortOrder: 1 } } } },
});
`;
}

/** The official CLI's code generator, which tells content types from display templates by `isContract`. */
const GENERATE = '@optimizely/cms-cli/dist/utils/generate.js';

describe('the official Optimizely CLI against the emulator', () => {
  let emulator: RunningEmulator;
  let project: string;

  const cli = (args: string[], secret = DEMO_CLIENT_SECRET): Promise<CliResult> =>
    runProcess('npx', ['--no-install', 'optimizely-cms-cli', ...args], {
      cwd: project,
      env: {
        OPTIMIZELY_CMS_API_URL: emulator.url,
        OPTIMIZELY_CMS_CLIENT_ID: DEMO_CLIENT_ID,
        OPTIMIZELY_CMS_CLIENT_SECRET: secret,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
    });

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    project = await mkdtemp(join(tmpdir(), 'catalyst-official-cli-'));
    await symlink(NODE_MODULES, join(project, 'node_modules'), 'dir');
    await mkdir(join(project, 'components'));
    await writeFile(join(project, 'optimizely.config.mjs'), CONFIG);
    await writeFile(join(project, 'components', 'article.mjs'), components(true));
  });
  afterAll(async () => {
    await emulator.close();
    await rm(project, { recursive: true, force: true });
  });

  it('pushes a configuration: the manifest import creates every resource', async () => {
    const run = await cli(['config', 'push', './optimizely.config.mjs']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Content type 'Article' was created.");
    expect(run.stdout).not.toContain('Errors:');

    const article = emulator.store.contentTypes.get('Article');
    expect(article?.doc).toMatchObject({
      baseType: '_page',
      contracts: ['SeoFields'],
      mayContainTypes: ['Article'],
      properties: {
        title: { type: 'string', isRequired: true },
        hero: { type: 'component', contentType: 'Hero' },
        body: { type: 'richText' },
      },
    });
    expect(emulator.store.contentTypes.get('SeoFields')?.doc.isContract).toBe(true);
    expect(emulator.store.propertyGroups.get('seo')?.doc).toEqual({ key: 'seo', displayName: 'SEO', sortOrder: 1 });
    expect(emulator.store.displayTemplates.get('ArticleWide')?.doc.contentType).toBe('Article');
  });

  it('pulls the configuration back, without read-only types unless asked', async () => {
    const run = await cli(['config', 'pull', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(run.stdout);
    const keys = manifest.contentTypes.map((type: { key: string }) => type.key);
    expect(keys).toEqual(expect.arrayContaining(['Article', 'Hero', 'SeoFields']));
    expect(keys).not.toContain('ImageMedia');
    expect(manifest.displayTemplates.map((template: { key: string }) => template.key)).toEqual(['ArticleWide']);
    expect(manifest.propertyGroups.map((group: { key: string }) => group.key)).toEqual(['seo']);

    const all = await cli(['config', 'pull', '--json', '--includeReadOnly']);
    expect(all.code, all.stderr).toBe(0);
    expect(JSON.parse(all.stdout).contentTypes.map((type: { key: string }) => type.key)).toContain('ImageMedia');
  });

  it('pulls the configuration as code: content types as content types, contracts as contracts, templates as templates', async () => {
    const run = await cli(['config', 'pull', '--json']);
    expect(run.code, run.stderr).toBe(0);
    // `config pull` writes code only on a terminal; this is the CLI's own generator for that code.
    const { generateManifestCode } = (await import(GENERATE)) as { generateManifestCode: (manifest: unknown) => string };
    const code = generateManifestCode(JSON.parse(run.stdout));
    expect(code).toMatch(/export const ArticleCT = contentType\(\{\n  key: 'Article',\n  displayName: 'Article',\n  baseType: '_page',/);
    expect(code).toMatch(/export const HeroCT = contentType\(\{\n  key: 'Hero',\n  displayName: 'Hero',\n  baseType: '_component',/);
    expect(code).toMatch(/export const SeoFieldsContract = contract\(\{\n  key: 'SeoFields',/);
    expect(code).toMatch(/export const ArticleWideDT = displayTemplate\(\{\n  key: 'ArticleWide',/);
    expect(code).toMatch(/ {4}title: \{\n {6}type: 'string',/);
  });

  it('pushes the same configuration again without changing anything', async () => {
    const before = emulator.store.contentTypes.get('Article')?.etag;
    const run = await cli(['config', 'push']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Content type 'Article' is unchanged.");
    expect(emulator.store.contentTypes.get('Article')?.etag).toBe(before);
  });

  it('is refused a property removal until --force, with the server message the CLI rewrites', async () => {
    await writeFile(join(project, 'components', 'article.mjs'), components(false));
    const refused = await cli(['config', 'push']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      "The changes to 'Article' are considered breaking and could potentially result in data loss. Use the '--force' flag",
    );
    expect(emulator.store.contentTypes.get('Article')?.doc.properties.body).toBeDefined();

    const forced = await cli(['config', 'push', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain("Content type 'Article' was updated.");
    expect(emulator.store.contentTypes.get('Article')?.doc.properties.body).toBeUndefined();
  });

  it('reports wrong credentials as the CLI expects (invalid_client)', async () => {
    const run = await cli(['config', 'pull', '--json'], 'not-the-secret');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('The client credentials are invalid');
  });
});
