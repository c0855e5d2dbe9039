import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentTypeDef, PropertyGroupDef } from '../../src/core/model.js';
import { parseContentTypeFiles } from '../../src/io/yaml/parse-content-type-files.js';
import { writeContentTypeFiles } from '../../src/io/yaml/write-content-type-files.js';
import { loadCorpus } from './helpers/wire-to-canonical.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const article: ContentTypeDef = { key: 'Article', baseType: '_page', displayName: 'Article', properties: { title: { type: 'string' } } };
const hero: ContentTypeDef = { key: 'Hero', baseType: '_component', displayName: 'Hero', properties: {} };
const seo: PropertyGroupDef = { key: 'SEO', displayName: 'SEO', sortOrder: 1 };

function summary(written: Awaited<ReturnType<typeof writeContentTypeFiles>>) {
  return written.map((file) => [relative(dir, file.path), file.status, file.keys.join(',')]);
}

describe('writeContentTypeFiles', () => {
  it('writes one file per type and reads back exactly the same definitions (a whole corpus file)', async () => {
    const corpus = loadCorpus().find((file) => file.propertyGroups.length > 0)!;
    const written = await writeContentTypeFiles('content-types', corpus.contentTypes, {
      defaults: OPTIMIZELY_DEFAULTS,
      cwd: dir,
      propertyGroups: corpus.propertyGroups,
      schema: 'schemas/content-type.schema.json',
    });
    expect(written.every((file) => file.status === 'created')).toBe(true);
    expect((await readdir(join(dir, 'content-types'))).sort()).toEqual(
      [...corpus.contentTypes.map((def) => `${def.key}.yaml`), 'property-groups.yaml'].sort(),
    );
    const parsed = await parseContentTypeFiles('content-types', { defaults: OPTIMIZELY_DEFAULTS, cwd: dir });
    expect(parsed.diagnostics).toEqual([]);
    const types = parsed.documents.flatMap((d) => (d.kind === 'contentTypeFile' ? [d.contentType] : []));
    expect(types.sort((a, b) => a.key.localeCompare(b.key))).toEqual([...corpus.contentTypes].sort((a, b) => a.key.localeCompare(b.key)));
    const first = await readFile(join(dir, 'content-types', `${corpus.contentTypes[0]!.key}.yaml`), 'utf8');
    expect(first.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/content-type.schema.json');

    const again = await writeContentTypeFiles('content-types', corpus.contentTypes, {
      defaults: OPTIMIZELY_DEFAULTS,
      cwd: dir,
      propertyGroups: corpus.propertyGroups,
      schema: 'schemas/content-type.schema.json',
    });
    expect(again.every((file) => file.status === 'unchanged')).toBe(true);
  });

  it('rewrites a type in the file that already defines it, wherever it is', async () => {
    await mkdir(join(dir, 'types/pages'), { recursive: true });
    await writeFile(join(dir, 'types/pages/article.yaml'), '# hand-written\nkey: Article\nbaseType: _page\n');
    const written = await writeContentTypeFiles('types', [article, hero], {
      defaults: OPTIMIZELY_DEFAULTS,
      cwd: dir,
      headerComments: (def) => [`Imported: ${def.key}`],
      schema: 'https://example.com/content-type.schema.json',
    });
    expect(summary(written)).toEqual([
      ['types/pages/article.yaml', 'updated', 'Article'],
      ['types/Hero.yaml', 'created', 'Hero'],
    ]);
    expect(await readFile(join(dir, 'types/pages/article.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=https://example.com/content-type.schema.json',
        '# Imported: Article',
        '',
        'key: Article',
        'baseType: _page',
        'properties:',
        '  title: string',
        '',
      ].join('\n'),
    );
  });

  it('never overwrites a file that holds another type', async () => {
    await mkdir(join(dir, 'types'));
    await writeFile(join(dir, 'types/Hero.yaml'), 'key: Banner\nbaseType: _component\n');
    const written = await writeContentTypeFiles('types', [hero], { defaults: OPTIMIZELY_DEFAULTS, cwd: dir });
    expect(summary(written)).toEqual([['types/Hero-1.yaml', 'created', 'Hero']]);
    expect(await readFile(join(dir, 'types/Hero.yaml'), 'utf8')).toBe('key: Banner\nbaseType: _component\n');
  });

  it('refuses a folder holding YAML with errors, which it could not match to a type, and writes nothing', async () => {
    await mkdir(join(dir, 'types'));
    await writeFile(join(dir, 'types/Hero.yaml'), 'key: Hero\nbaseType: [\n');
    await expect(writeContentTypeFiles('types', [hero], { defaults: OPTIMIZELY_DEFAULTS, cwd: dir })).rejects.toThrow(
      /^Internal error: .* whose YAML has errors \(Hero\.yaml\)/,
    );
    expect(await readdir(join(dir, 'types'))).toEqual(['Hero.yaml']);
    expect(await readFile(join(dir, 'types/Hero.yaml'), 'utf8')).toBe('key: Hero\nbaseType: [\n');
  });

  it('updates property groups where they are defined and adds new ones to the first groups file', async () => {
    await mkdir(join(dir, 'types'));
    await writeFile(join(dir, 'types/groups.yaml'), 'propertyGroups:\n  - { key: SEO, displayName: Old }\n  - Layout\n');
    const written = await writeContentTypeFiles('types', [], {
      defaults: OPTIMIZELY_DEFAULTS,
      cwd: dir,
      propertyGroups: [seo, { key: 'Media', displayName: 'Media' }],
    });
    expect(summary(written)).toEqual([['types/groups.yaml', 'updated', 'SEO,Layout,Media']]);
    expect(await readFile(join(dir, 'types/groups.yaml'), 'utf8')).toBe(
      'propertyGroups:\n  - Layout\n  - Media\n  - { key: SEO, sortOrder: 1 }\n',
    );
  });
});
