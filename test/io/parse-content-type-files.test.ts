import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import { parseContentTypeFiles } from '../../src/io/yaml/parse-content-type-files.js';
import type { ParsedDocument } from '../../src/io/yaml/parse-content-type-text.js';

const FIXTURES = resolve('test/fixtures/yaml');

function render(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.severity} ${d.code} ${d.summary}\n    ${d.detail}\n`)
    .join('');
}

function contentTypes(documents: readonly ParsedDocument[]): ContentTypeDef[] {
  return documents.flatMap((document) => (document.kind === 'contentTypeFile' ? [document.contentType] : []));
}

describe('a good project', () => {
  it('parses every YAML file below the directory (not dot folders, not other extensions) into canonical definitions', async () => {
    const { documents, diagnostics } = await parseContentTypeFiles('content-types', {
      defaults: OPTIMIZELY_DEFAULTS,
      cwd: join(FIXTURES, 'good'),
    });
    expect(diagnostics).toEqual([]);
    expect(documents.map((document) => [document.file, document.kind])).toEqual([
      ['content-types/Hero.yml', 'contentTypeFile'],
      ['content-types/SeoContract.yaml', 'contentTypeFile'],
      ['content-types/pages/ArticlePage.yaml', 'contentTypeFile'],
      ['content-types/property-groups.yaml', 'propertyGroupsFile'],
    ]);
    expect(contentTypes(documents)).toEqual([
      {
        key: 'Hero',
        baseType: '_component',
        displayName: 'Hero',
        compositionBehaviors: ['elementEnabled', 'sectionEnabled'],
        accessRights: [
          { name: 'ci-bot', type: 'application' },
          { name: 'WebEditors', type: 'role' },
        ],
        properties: {
          heading: { type: 'string', indexingType: 'searchable' },
          image: { type: 'contentReference', allowedTypes: ['_image'] },
          links: { type: 'array', items: { type: 'link' }, format: 'LinkCollection' },
        },
      },
      {
        key: 'SeoContract',
        baseType: null,
        isContract: true,
        displayName: 'SEO',
        properties: { metaDescription: { type: 'string', group: 'SEO', maxLength: 160 } },
      },
      {
        key: 'ArticlePage',
        baseType: '_page',
        displayName: 'Article',
        contracts: ['SeoContract'],
        mayContainTypes: ['ArticlePage'],
        properties: {
          title: { type: 'string', required: true, maxLength: 120, localized: true },
          body: { type: 'richText' },
          tags: { type: 'array', items: { type: 'string' } },
          hero: { type: 'component', contentType: 'Hero' },
          category: {
            type: 'string',
            enum: [
              { value: 'news', displayName: 'news' },
              { value: 'blog', displayName: 'blog' },
            ],
          },
          size: {
            type: 'string',
            enum: [
              { value: 's', displayName: 'Small' },
              { value: 'm', displayName: 'Medium' },
            ],
          },
          priority: {
            type: 'integer',
            enum: [
              { value: 3, displayName: 'High' },
              { value: 1, displayName: 'Low' },
            ],
          },
          related: { type: 'array', items: { type: 'contentReference', allowedTypes: ['ArticlePage'] }, maxItems: 5 },
          seoTitle: { type: 'string', group: 'SEO', sortOrder: 1 },
        },
      },
    ]);
    const groups = documents.find((document) => document.kind === 'propertyGroupsFile');
    expect(groups?.kind === 'propertyGroupsFile' && groups.propertyGroups).toEqual([
      { key: 'SEO', displayName: 'Search engines', sortOrder: 10 },
      { key: 'Layout', displayName: 'Layout' },
    ]);
  });

  it('locates paths of the canonical model in the file, falling back to what the file spells out', async () => {
    const { documents } = await parseContentTypeFiles('content-types', { defaults: OPTIMIZELY_DEFAULTS, cwd: join(FIXTURES, 'good') });
    const article = documents.find((document) => document.file.endsWith('ArticlePage.yaml'))!;
    const file = 'content-types/pages/ArticlePage.yaml';
    const cases: Array<[string, number, number]> = [
      ['key', 2, 6],
      ['baseType', 3, 11],
      ['properties.title', 8, 3],
      ['properties.title.maxLength', 8, 53],
      ['properties.body', 9, 9],
      ['properties.tags.items.type', 10, 3],
      ['properties.size.enum.1', 17, 26],
      ['properties.related.items.allowedTypes.0', 23, 53],
      ['properties.title.description', 8, 3],
      ['properties.nothing.type', 7, 1],
      ['', 2, 1],
    ];
    for (const [path, line, column] of cases) {
      expect([path, article.locate(path)]).toEqual([path, { file, line, column }]);
    }
    const groups = documents.find((document) => document.kind === 'propertyGroupsFile')!;
    expect(groups.locate('propertyGroups.Layout')).toEqual({ file: 'content-types/property-groups.yaml', line: 3, column: 5 });
    expect(groups.locate('propertyGroups.0.sortOrder')).toEqual({ file: 'content-types/property-groups.yaml', line: 2, column: 57 });
  });
});

describe('a bad project', () => {
  it('reports every problem in every file, with code, file:line:column and the fix (golden: expected-diagnostics.txt)', async () => {
    const cwd = join(FIXTURES, 'bad');
    const { documents, diagnostics } = await parseContentTypeFiles('content-types', { defaults: OPTIMIZELY_DEFAULTS, cwd });
    expect(render(diagnostics)).toBe(await readFile(join(cwd, 'expected-diagnostics.txt'), 'utf8'));
    expect(diagnostics.every((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    expect(documents.map((document) => document.file)).toEqual([
      'content-types/Dup1.yaml',
      'content-types/Good.yaml',
      'content-types/nested/Dup2.yaml',
      'content-types/seo-groups.yaml',
    ]);
  });

  it('leaves references to unknown types to the core validator', async () => {
    const { documents, diagnostics } = await parseContentTypeFiles('content-types', {
      defaults: OPTIMIZELY_DEFAULTS,
      cwd: join(FIXTURES, 'reference'),
    });
    expect(diagnostics).toEqual([]);
    expect(contentTypes(documents)[0]?.properties.hero).toEqual({ type: 'component', contentType: 'MissingHero' });
  });
});

describe('the directory and its files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalyst-yaml-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a missing directory is an error', async () => {
    const { documents, diagnostics } = await parseContentTypeFiles('content-types', { defaults: OPTIMIZELY_DEFAULTS, cwd: dir });
    expect(documents).toEqual([]);
    expect(render(diagnostics)).toBe(
      'content-types:1:1 error Y013 Content types directory content-types does not exist\n' +
        '    catalyst reads the desired content types from content-types. Create the directory (`catalyst import` can fill it from a live CMS), or point `contentTypesDir` in the config at the right one.\n',
    );
  });

  it('an empty directory is a warning: the plan would delete every managed type', async () => {
    await mkdir(join(dir, 'content-types'));
    const { diagnostics } = await parseContentTypeFiles('content-types', { defaults: OPTIMIZELY_DEFAULTS, cwd: dir });
    expect(diagnostics.map((d) => [d.code, d.severity, d.summary])).toEqual([
      ['Y015', 'warning', 'No content type files in content-types'],
    ]);
  });

  it('a directory named like a YAML file cannot be read', async () => {
    await mkdir(join(dir, 'content-types/Odd.yaml'), { recursive: true });
    const { diagnostics } = await parseContentTypeFiles('content-types', { defaults: OPTIMIZELY_DEFAULTS, cwd: dir });
    expect(render(diagnostics)).toBe(
      'content-types/Odd.yaml:1:1 error Y011 File cannot be read\n' +
        '    catalyst could not read content-types/Odd.yaml: it is a directory. Check that it is a readable file (permissions), or move it out of the content types directory.\n',
    );
  });

  it('accepts a UTF-8 byte order mark and refuses UTF-16', async () => {
    await mkdir(join(dir, 'content-types'));
    await writeFile(
      join(dir, 'content-types/Bom.yaml'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('key: Bom\nbaseType: _page\n')]),
    );
    await writeFile(join(dir, 'content-types/Wide.yaml'), Buffer.from('\ufeffkey: Wide\n', 'utf16le'));
    const { documents, diagnostics } = await parseContentTypeFiles('content-types', { defaults: OPTIMIZELY_DEFAULTS, cwd: dir });
    expect(contentTypes(documents).map((def) => def.key)).toEqual(['Bom']);
    expect(render(diagnostics)).toBe(
      'content-types/Wide.yaml:1:1 error Y012 File is not UTF-8\n' +
        '    content-types/Wide.yaml cannot be read as UTF-8: it is UTF-16 (it starts with a UTF-16 byte order mark). Save the file with UTF-8 encoding.\n',
    );
  });

  it('names files by absolute path when the directory lies outside the working directory', async () => {
    await mkdir(join(dir, 'types'));
    await writeFile(join(dir, 'types/Bad.yaml'), 'key: Bad\n');
    const { diagnostics } = await parseContentTypeFiles(join(dir, 'types'), { defaults: OPTIMIZELY_DEFAULTS, cwd: join(dir, 'elsewhere') });
    expect(diagnostics[0]?.location?.file).toBe(join(dir, 'types/Bad.yaml'));
  });
});
