import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { Api, sampleType } from './helpers/api.js';

let dir: string;
let dataFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-emulator-data-'));
  dataFile = join(dir, 'cms.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('dataFile', () => {
  it('keeps types, groups, templates, content and versions across a restart', async () => {
    const first = await startEmulator({ port: 0, dataFile });
    const api = new Api(first.url);
    await api.post('/v1/contenttypes', sampleType('Persisted'));
    await api.post('/v1/propertygroups', { key: 'Kept', displayName: 'Kept' });
    await api.post('/v1/displaytemplates', { key: 'KeptStyle', displayName: 'Style', nodeType: 'row' });
    const item = await api.post('/v1/content', { contentType: 'Persisted', initialVersion: { displayName: 'Item' } });
    await api.delete('/v1/content/' + item.json.key);
    const kept = await api.post('/v1/content', { contentType: 'Persisted', initialVersion: { displayName: 'Kept item' } });
    const version = await api.get('/v1/contenttypes/Persisted');
    await first.close();

    const second = await startEmulator({ port: 0, dataFile });
    try {
      const again = new Api(second.url);
      const read = await again.get('/v1/contenttypes/Persisted');
      expect(read.json).toEqual(version.json);
      expect(read.headers.get('etag')).toBe(version.headers.get('etag'));
      expect((await again.get('/v1/propertygroups/Kept')).status).toBe(200);
      expect((await again.get('/v1/displaytemplates/KeptStyle')).status).toBe(200);
      expect((await again.get(`/v1/content/${kept.json.key}`)).status).toBe(200);
      expect(
        (await again.post('/v1/content', { key: item.json.key, contentType: 'Persisted', initialVersion: { displayName: 'x' } })).status,
      ).toBe(409);
      expect((await again.delete('/v1/contenttypes/Persisted')).status).toBe(409);
      const patched = await again.patch('/v1/contenttypes/Persisted', { description: 'after restart' });
      expect(patched.headers.get('etag')).not.toBe(version.headers.get('etag'));
    } finally {
      await second.close();
    }
  });

  it('never gives an ETag again after a restart, so a precondition from before it cannot match a later version', async () => {
    const etagsOf = (emulator: RunningEmulator, edits: number, label: string): string[] =>
      Array.from(
        { length: edits },
        (_, index) => emulator.store.editContentType('Versions', (doc) => ({ ...doc, description: `${label} ${index}` })).etag,
      );
    const first = await startEmulator({ port: 0, dataFile });
    await new Api(first.url).post('/v1/contenttypes', sampleType('Versions'));
    const before = etagsOf(first, 40, 'before');
    await first.close();

    const second = await startEmulator({ port: 0, dataFile });
    try {
      const after = etagsOf(second, 40, 'after');
      expect(after.filter((etag) => before.includes(etag))).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('accepts a token issued before the restart (same credentials)', async () => {
    const first = await startEmulator({ port: 0, dataFile });
    const token = await new Api(first.url).bearer();
    await first.close();
    const second = await startEmulator({ port: 0, dataFile });
    try {
      expect((await new Api(second.url).get('/v1/contenttypes', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('is written after every change, as JSON, with no temporary files left', async () => {
    const emulator = await startEmulator({ port: 0, dataFile });
    try {
      await new Api(emulator.url).post('/v1/contenttypes', sampleType('Written'));
      await emulator.close();
      const state = JSON.parse(await readFile(dataFile, 'utf8'));
      expect(state).toMatchObject({ format: 'catalyst-emulator-state', version: 1 });
      expect(state.contentTypes.map((stored: { doc: { key: string } }) => stored.doc.key)).toContain('Written');
      expect(await readdir(dir)).toEqual(['cms.json']);
    } finally {
      await emulator.close();
    }
  });

  it('holds memory state only without dataFile', async () => {
    const first = await startEmulator({ port: 0 });
    await new Api(first.url).post('/v1/contenttypes', sampleType('Ephemeral'));
    await first.close();
    const second = await startEmulator({ port: 0 });
    try {
      expect((await new Api(second.url).get('/v1/contenttypes/Ephemeral')).status).toBe(404);
    } finally {
      await second.close();
    }
  });

  it.each([
    ['not JSON', '{oops', /is not valid JSON/],
    ['another kind of file', '{"name":"package"}', /is not a catalyst emulator data file/],
    [
      'another version',
      '{"format":"catalyst-emulator-state","version":99,"etagCounter":0,"contentTypes":[],"propertyGroups":[],"displayTemplates":[],"contentItems":[],"deletedContentKeys":[]}',
      /has version 99/,
    ],
  ])('refuses to start on a data file that is %s, saying what to do', async (_name, text, message) => {
    await writeFile(dataFile, text);
    await expect(startEmulator({ port: 0, dataFile })).rejects.toThrow(message);
    expect(await readFile(dataFile, 'utf8')).toBe(text);
  });
});
