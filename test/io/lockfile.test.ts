import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentTypeDef, PropertyGroupDef } from '../../src/core/model.js';
import {
  createLockEntry,
  createSourceEntry,
  emptyLockfile,
  lockedSource,
  lockedTarget,
  removeLockEntry,
  removeSourceEntry,
  setLockEntry,
  setSourceEntry,
  type Lockfile,
} from '../../src/io/lockfile/lockfile.js';
import { parseLockfileText, readLockfile } from '../../src/io/lockfile/read-lockfile.js';
import { serializeLockfile, writeLockfile } from '../../src/io/lockfile/write-lockfile.js';
import { loadCorpus } from './helpers/wire-to-canonical.js';

const synced = { at: '2026-09-01T10:00:00.000Z', by: 'catalyst 0.1.0 (ci)' };
const article: ContentTypeDef = {
  key: 'Article',
  baseType: '_page',
  displayName: 'Article',
  properties: { title: { type: 'string', required: true } },
};
const seo: PropertyGroupDef = { key: 'SEO', displayName: 'SEO', sortOrder: 1 };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fullLock(): Lockfile {
  let lock = emptyLockfile();
  for (const file of loadCorpus()) {
    for (const def of file.contentTypes) {
      lock = setLockEntry(
        lock,
        file.name.replace(/\.json$/, ''),
        'contentType',
        def.key,
        createLockEntry(def, { etag: `"${def.key}-1"` }, synced),
      );
    }
  }
  lock = setLockEntry(lock, 'production', 'propertyGroup', 'SEO', createLockEntry(seo, { lastModified: '2026-08-30T12:00:00Z' }, synced));
  return setSourceEntry(
    lock,
    'catalyst',
    'contentType',
    'Article',
    createSourceEntry(article, { at: synced.at, origin: { database: 'site.db', website: 1, row: 7 } }),
  );
}

describe('lockfile round trip', () => {
  it('reads back exactly what was written, for every corpus type', async () => {
    const lock = fullLock();
    const path = join(dir, 'catalyst.lock.json');
    expect(await writeLockfile(path, lock)).toBe('created');
    const read = await readLockfile(path);
    expect(read.diagnostics).toEqual([]);
    expect(read.exists).toBe(true);
    expect(read.lock).toEqual(lock);
  });

  it('treats a missing file as an empty lockfile', async () => {
    const read = await readLockfile(join(dir, 'absent.json'));
    expect(read).toEqual({ lock: emptyLockfile(), exists: false, diagnostics: [] });
  });
});

describe('lockfile text is deterministic', () => {
  it('does not depend on the order entries were set in', () => {
    const entryA = createLockEntry(article, { etag: '"1"' }, synced);
    const entryB = createLockEntry({ ...article, key: 'Blog' }, { etag: '"2"' }, synced);
    const one = setLockEntry(setLockEntry(emptyLockfile(), 't', 'contentType', 'Article', entryA), 't', 'contentType', 'Blog', entryB);
    const two = setLockEntry(setLockEntry(emptyLockfile(), 't', 'contentType', 'Blog', entryB), 't', 'contentType', 'Article', entryA);
    expect(serializeLockfile(one)).toBe(serializeLockfile(two));
  });

  it('is sorted, 2-space indented JSON with a trailing newline', () => {
    const text = serializeLockfile(
      setLockEntry(emptyLockfile(), 'prod', 'contentType', 'Article', createLockEntry(article, { etag: '"1"' }, synced)),
    );
    expect(text).toBe(
      [
        '{',
        '  "lockVersion": 1,',
        '  "targets": {',
        '    "prod": {',
        '      "contentTypes": {',
        '        "Article": {',
        '          "definition": {',
        '            "baseType": "_page",',
        '            "displayName": "Article",',
        '            "key": "Article",',
        '            "properties": {',
        '              "title": {',
        '                "required": true,',
        '                "type": "string"',
        '              }',
        '            }',
        '          },',
        `          "digest": "${createLockEntry(article, {}, synced).digest}",`,
        '          "syncedAt": "2026-09-01T10:00:00.000Z",',
        '          "syncedBy": "catalyst 0.1.0 (ci)",',
        '          "version": {',
        '            "etag": "\\"1\\""',
        '          }',
        '        }',
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('writeLockfile is atomic', () => {
  it('replaces the file by rename (a new inode), leaves no temporary file, and skips identical content', async () => {
    const path = join(dir, 'catalyst.lock.json');
    await writeLockfile(path, emptyLockfile());
    const before = await stat(path);
    expect(await writeLockfile(path, fullLock())).toBe('updated');
    const after = await stat(path);
    expect(after.ino).not.toBe(before.ino);
    expect(await readdir(dir)).toEqual(['catalyst.lock.json']);
    expect(await writeLockfile(path, fullLock())).toBe('unchanged');
    expect((await stat(path)).ino).toBe(after.ino);
  });
});

describe('lockfile helpers', () => {
  it('set, read back, and remove entries, dropping sections left empty', () => {
    const entry = createLockEntry(article, { etag: '"1"' }, synced);
    let lock = setLockEntry(emptyLockfile(), 'prod', 'contentType', 'Article', entry);
    lock = setLockEntry(lock, 'prod', 'propertyGroup', 'SEO', createLockEntry(seo, {}, synced));
    expect(lockedTarget(lock, 'prod').contentTypes.Article).toEqual(entry);
    expect(lockedTarget(lock, 'staging')).toEqual({ contentTypes: {}, propertyGroups: {}, displayTemplates: {} });
    const template = createLockEntry({ key: 'Wide', displayName: 'Wide', nodeType: 'row' }, {}, synced);
    lock = setLockEntry(lock, 'prod', 'displayTemplate', 'Wide', template);
    expect(lock.targets?.prod?.displayTemplates).toEqual({ Wide: template });
    lock = removeLockEntry(lock, 'prod', 'displayTemplate', 'Wide');
    expect(lock.targets?.prod?.displayTemplates).toBeUndefined();
    lock = removeLockEntry(lock, 'prod', 'contentType', 'Article');
    expect(lock.targets?.prod).toEqual({ propertyGroups: { SEO: createLockEntry(seo, {}, synced) } });
    lock = removeLockEntry(lock, 'prod', 'propertyGroup', 'SEO');
    expect(lock).toEqual(emptyLockfile());
    expect(removeLockEntry(lock, 'prod', 'contentType', 'Nothing')).toEqual(lock);
  });

  it('keeps sources apart from targets', () => {
    const entry = createSourceEntry(article, { at: synced.at, origin: { row: 1 } });
    let lock = setSourceEntry(emptyLockfile(), 'catalyst', 'contentType', 'Article', entry);
    expect(lockedSource(lock, 'catalyst').contentTypes.Article).toEqual(entry);
    expect(lockedTarget(lock, 'catalyst').contentTypes).toEqual({});
    lock = removeSourceEntry(lock, 'catalyst', 'contentType', 'Article');
    expect(lock).toEqual(emptyLockfile());
  });

  it('does not modify the lockfile it is given', () => {
    const lock = setLockEntry(emptyLockfile(), 'prod', 'contentType', 'Article', createLockEntry(article, {}, synced));
    const copy = structuredClone(lock);
    setLockEntry(lock, 'prod', 'contentType', 'Blog', createLockEntry({ ...article, key: 'Blog' }, {}, synced));
    removeLockEntry(lock, 'prod', 'contentType', 'Article');
    expect(lock).toEqual(copy);
  });

  it('records version tokens without empty members', () => {
    expect(createLockEntry(article, { etag: undefined, lastModified: '2026-01-01T00:00:00Z' }, synced).version).toEqual({
      lastModified: '2026-01-01T00:00:00Z',
    });
  });
});

describe('invalid lockfiles give diagnostics, never an empty lock', () => {
  const valid = serializeLockfile(
    setLockEntry(emptyLockfile(), 'prod', 'contentType', 'Article', createLockEntry(article, { etag: '"1"' }, synced)),
  );
  const cases: Array<{ name: string; text: string; code: string; line: number; column: number; summary: string; detail?: RegExp }> = [
    {
      name: 'truncated JSON',
      text: valid.slice(0, 40),
      code: 'L001',
      line: 4,
      column: 4,
      summary: 'Lockfile is not valid JSON',
      detail: /^catalyst.lock.json cannot be parsed: .+\. Restore it from version control/,
    },
    {
      name: 'git merge conflict markers',
      text: `{\n  "lockVersion": 1,\n<<<<<<< HEAD\n  "targets": {}\n=======\n  "targets": {"a": {}}\n>>>>>>> feature\n}\n`,
      code: 'L006',
      line: 3,
      column: 1,
      summary: 'Lockfile has merge conflict markers',
      detail: /Take one side of the conflict whole/,
    },
    {
      name: 'a newer format version',
      text: '{\n  "lockVersion": 2\n}\n',
      code: 'L003',
      line: 1,
      column: 1,
      summary: 'Lockfile was written by a newer catalyst',
      detail: /lockVersion 2, but this catalyst reads lockVersion 1 only\. Upgrade catalyst/,
    },
    {
      name: 'a member the canonical model does not have',
      text: valid.replace('"displayName": "Article",', '"displayName": "Article",\n            "colour": "red",'),
      code: 'L002',
      line: 10,
      column: 13,
      summary: 'Unknown member "colour"',
      detail: /a newer catalyst may have written it/,
    },
    {
      name: 'a malformed digest',
      text: valid.replace(/"digest": "sha256:[0-9a-f]+"/, '"digest": "md5:abc"'),
      code: 'L002',
      line: 18,
      column: 21,
      summary: 'targets.prod.contentTypes.Article.digest has an invalid value',
    },
    {
      name: 'a definition edited by hand',
      text: valid.replace('"required": true', '"required": true, "localized": true'),
      code: 'L004',
      line: 18,
      column: 21,
      summary: 'Lockfile entry prod Article does not match its digest',
      detail: /edited by hand or damaged/,
    },
  ];
  it.each(cases)('$name', ({ text, code, line, column, summary, detail }) => {
    const result = parseLockfileText(text, 'catalyst.lock.json');
    expect(result.lock).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.summary, d.location])).toEqual([
      [code, 'error', summary, { file: 'catalyst.lock.json', line, column }],
    ]);
    if (detail) expect(result.diagnostics[0]!.detail).toMatch(detail);
  });

  it('names the file relative to the working directory when read from disk', async () => {
    await writeFile(join(dir, 'catalyst.lock.json'), '{"lockVersion": 1, "targets": 5}\n');
    const result = await readLockfile('catalyst.lock.json', { cwd: dir });
    expect(result.lock).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.code} ${d.summary}`)).toEqual([
      'catalyst.lock.json:1:31 L002 targets must be a mapping',
    ]);
    expect(await readFile(join(dir, 'catalyst.lock.json'), 'utf8')).toBe('{"lockVersion": 1, "targets": 5}\n');
  });
});

describe('lock.schema.json describes the canonical model', () => {
  it('lists exactly the model’s property types, base types, composition behaviors, indexing types and display modes', async () => {
    const model = await import('../../src/core/model.js');
    const schema = JSON.parse(await readFile(new URL('../../schemas/lock.schema.json', import.meta.url), 'utf8')) as {
      definitions: Record<
        string,
        { properties: Record<string, { enum?: string[]; anyOf?: Array<{ enum?: string[] }>; items?: { enum?: string[] } }> }
      >;
    };
    const { contentTypeDef, propertyDef, itemDef } = schema.definitions;
    expect(propertyDef!.properties.type!.enum).toEqual([...model.PROPERTY_TYPES]);
    expect(itemDef!.properties.type!.enum).toEqual(model.PROPERTY_TYPES.filter((type) => type !== 'array'));
    expect(contentTypeDef!.properties.baseType!.anyOf![0]!.enum).toEqual([...model.BASE_TYPES]);
    expect(contentTypeDef!.properties.compositionBehaviors!.items!.enum).toEqual([...model.COMPOSITION_BEHAVIORS]);
    expect(propertyDef!.properties.indexingType!.enum).toEqual([...model.INDEXING_TYPES]);
    expect(propertyDef!.properties.displayMode!.enum).toEqual([...model.DISPLAY_MODES]);
  });
});
