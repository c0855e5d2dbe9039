import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
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
