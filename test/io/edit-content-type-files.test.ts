import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import { editContentTypeFiles } from '../../src/io/yaml/edit-content-type-files.js';
import { parseContentTypeFiles } from '../../src/io/yaml/parse-content-type-files.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'yaml', 'pull');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-edit-'));
  await mkdir(join(dir, 'content-types'));
  await copyFile(join(FIXTURES, 'ArticlePage.before.yaml'), join(dir, 'content-types', 'ArticlePage.yaml'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function current(): Promise<ContentTypeDef> {
  const parsed = await parseContentTypeFiles(join(dir, 'content-types'), { cwd: dir, defaults: OPTIMIZELY_DEFAULTS });
  expect(parsed.diagnostics).toEqual([]);
  const document = parsed.documents[0]!;
  if (document.kind !== 'contentTypeFile') throw new Error('expected a content type file');
  return document.contentType;
}

describe('writing the CMS side into YAML with the smallest diff (golden: test/fixtures/yaml/pull)', () => {
  it('changes only the lines of the members that changed; comments, order, shorthands and styles stay', async () => {
    const before = await current();
    const after = structuredClone(before);
    after.displayName = 'Article (edited in the CMS)';
    after.properties['title']!.maxLength = 200;
    delete after.properties['legacy'];
    after.properties['summary'] = { type: 'string', displayName: 'Summary' };

    const written = await editContentTypeFiles('content-types', [{ kind: 'contentType', key: 'ArticlePage', action: 'write', after }], {
      cwd: dir,
      defaults: OPTIMIZELY_DEFAULTS,
    });
    expect(written).toEqual([join(dir, 'content-types', 'ArticlePage.yaml')]);
    const text = await readFile(join(dir, 'content-types', 'ArticlePage.yaml'), 'utf8');
    expect(text).toBe(await readFile(join(FIXTURES, 'ArticlePage.after.yaml'), 'utf8'));
    const original = await readFile(join(FIXTURES, 'ArticlePage.before.yaml'), 'utf8');
    const touched = diffArrays(original.split('\n'), text.split('\n'))
      .filter((part) => part.added || part.removed)
      .flatMap((part) => part.value.map((line) => `${part.added ? '+' : '-'}${line}`));
    expect(touched).toEqual([
      '-displayName: Article',
      '+displayName: Article (edited in the CMS)',
      '-  title: { type: string, required: true, maxLength: 120 }',
      '+  title: { type: string, required: true, maxLength: 200 }',
      '-  legacy: json # to be removed',
      '+  summary: { type: string, displayName: Summary }',
    ]);
    expect(await current()).toEqual(after);
  });

  it('removes a content type with its file, and writes a new one to its own file', async () => {
    const created: ContentTypeDef = { key: 'Teaser', baseType: '_component', displayName: 'Teaser', properties: {} };
    await editContentTypeFiles(
      'content-types',
      [
        { kind: 'contentType', key: 'ArticlePage', action: 'remove', after: null },
        { kind: 'contentType', key: 'Teaser', action: 'create', after: created },
      ],
      { cwd: dir, defaults: OPTIMIZELY_DEFAULTS },
    );
    expect(await current()).toEqual(created);
    await expect(readFile(join(dir, 'content-types', 'ArticlePage.yaml'), 'utf8')).rejects.toThrow();
  });
});

describe('property groups and display templates change in the list that holds them', () => {
  it('rewrites one group’s entry, removes another, and appends a new one to the same file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'catalyst-edit-groups-'));
    try {
      await mkdir(join(root, 'content-types'));
      const original = [
        '# Groups editors see as tabs.',
        'propertyGroups:',
        '  - { key: Seo, displayName: Search engines, sortOrder: 10 } # shown last',
        '  - Layout',
        '  - { key: Legacy, displayName: Old stuff }',
        '',
      ].join('\n');
      await writeFile(join(root, 'content-types', 'property-groups.yaml'), original);
      await editContentTypeFiles(
        'content-types',
        [
          { kind: 'propertyGroup', key: 'Seo', action: 'write', after: { key: 'Seo', displayName: 'Search and sharing', sortOrder: 10 } },
          { kind: 'propertyGroup', key: 'Legacy', action: 'remove', after: null },
          { kind: 'propertyGroup', key: 'Media', action: 'create', after: { key: 'Media', displayName: 'Media' } },
        ],
        { cwd: root, defaults: OPTIMIZELY_DEFAULTS },
      );
      const text = await readFile(join(root, 'content-types', 'property-groups.yaml'), 'utf8');
      expect(text.split('\n')[0]).toBe('# Groups editors see as tabs.');
      expect(text).toContain('  - { key: Seo, displayName: Search and sharing, sortOrder: 10 } # shown last');
      expect(text).toContain('  - Layout');
      expect(text).not.toContain('Legacy');
      const parsed = await parseContentTypeFiles(join(root, 'content-types'), { cwd: root, defaults: OPTIMIZELY_DEFAULTS });
      expect(parsed.diagnostics).toEqual([]);
      const groups = parsed.documents.flatMap((document) => (document.kind === 'propertyGroupsFile' ? document.propertyGroups : []));
      expect(groups.map((group) => `${group.key}:${group.displayName}`).sort()).toEqual([
        'Layout:Layout',
        'Media:Media',
        'Seo:Search and sharing',
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
