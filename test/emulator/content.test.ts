import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT_CONTENT_KEY } from '../../src/emulator/index.js';
import { sampleType } from './helpers/api.js';
import { useEmulator } from './helpers/use-emulator.js';

const { emulator, api } = useEmulator();
beforeAll(async () => {
  for (const key of ['Story', 'Note', 'Locked']) await api.post('/v1/contenttypes', sampleType(key));
});

/** The route FIDELITY.md fixes for counting a type's items, per dialect. */
const COUNT_ROUTES = [
  ['v1', `/v1/content/${ROOT_CONTENT_KEY}/items`, 'totalCount'],
  ['v1 under /_cms', `/_cms/v1/content/${ROOT_CONTENT_KEY}/items`, 'totalCount'],
  ['preview3', `/preview3/experimental/content/${ROOT_CONTENT_KEY}/items`, 'totalItemCount'],
  ['preview2', `/_cms/preview2/content/${ROOT_CONTENT_KEY}/items`, 'totalItemCount'],
] as const;

async function count(type: string, route: readonly [string, string, string] = COUNT_ROUTES[0]): Promise<number> {
  const response = await api.get(`${route[1]}?contentTypes=${type}&pageSize=1`);
  expect(response.status).toBe(200);
  return response.json[route[2]] as number;
}

describe('content items', () => {
  it('v1: POST /content with NewContent creates an item under the root (201, ETag, Location)', async () => {
    const response = await api.post('/v1/content', {
      contentType: 'Story',
      initialVersion: { displayName: 'First story', locale: 'en', properties: { title: { value: 'Hi' } } },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(response.json).toMatchObject({
      key: expect.stringMatching(/^[0-9a-f]{32}$/),
      container: ROOT_CONTENT_KEY,
      contentType: 'Story',
      primaryLocale: 'en',
      initialVersion: { displayName: 'First story', status: 'draft', contentType: 'Story', properties: { title: { value: 'Hi' } } },
    });
    expect(response.headers.get('location')).toBe(`/v1/content/${response.json.key}`);
    expect((await api.get(`/v1/content/${response.json.key}`)).json.contentType).toBe('Story');
  });

  it('preview3: POST /experimental/content takes a flat ContentItem', async () => {
    const response = await api.post('/preview3/experimental/content', {
      contentType: 'Story',
      displayName: 'Second story',
      container: ROOT_CONTENT_KEY,
    });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      contentType: 'Story',
      displayName: 'Second story',
      container: ROOT_CONTENT_KEY,
      status: 'draft',
    });
    const metadata = await api.get(`/preview3/experimental/content/${response.json.key}`);
    expect(metadata.json).toMatchObject({ key: response.json.key, contentType: 'Story', hasItems: false });
  });

  it('preview2: POST /content takes a flat ContentItem with a chosen key', async () => {
    const response = await api.post('/_cms/preview2/content', {
      key: '6946107a8ad6414f8f1786364dab1ec2',
      contentType: 'Note',
      displayName: 'A note',
    });
    expect(response.status).toBe(201);
    expect(response.json.key).toBe('6946107a8ad6414f8f1786364dab1ec2');
  });

  it.each([
    ['no contentType', { initialVersion: { displayName: 'x' } }, ['contentType']],
    ['an unknown contentType', { contentType: 'Nope', initialVersion: { displayName: 'x' } }, ['contentType']],
    ['no initialVersion', { contentType: 'Story' }, ['initialVersion']],
    ['no displayName', { contentType: 'Story', initialVersion: {} }, ['initialVersion.displayName']],
    ['an unknown container', { contentType: 'Story', container: 'missing', initialVersion: { displayName: 'x' } }, ['container']],
    [
      'a container and an owner',
      { contentType: 'Story', container: ROOT_CONTENT_KEY, owner: ROOT_CONTENT_KEY, initialVersion: { displayName: 'x' } },
      ['owner'],
    ],
  ])('v1 refuses %s (400)', async (_name, body, fields) => {
    const response = await api.post('/v1/content', body);
    expect(response.status).toBe(400);
    expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual(fields);
  });

  it('refuses content of a contract (400) and of a type nobody may create (403)', async () => {
    await api.post('/v1/contenttypes', { key: 'OnlyAContract', displayName: 'C', isContract: true });
    expect((await api.post('/v1/content', { contentType: 'OnlyAContract', initialVersion: { displayName: 'x' } })).status).toBe(400);
    await api.post('/v1/contenttypes', sampleType('Closed', { accessRights: [] }));
    expect((await api.post('/v1/content', { contentType: 'Closed', initialVersion: { displayName: 'x' } })).status).toBe(403);
  });

  it("keeps a deleted item's key reserved: 404 to read, 409 to create again", async () => {
    const created = await api.post('/v1/content', { key: 'a1b2c3', contentType: 'Note', initialVersion: { displayName: 'Short-lived' } });
    expect(created.status).toBe(201);
    expect((await api.delete('/v1/content/a1b2c3')).status).toBe(204);
    expect((await api.get('/v1/content/a1b2c3')).status).toBe(404);
    expect((await api.post('/v1/content', { key: 'a1b2c3', contentType: 'Note', initialVersion: { displayName: 'Again' } })).status).toBe(
      409,
    );
  });

  it('does not delete the root', async () => {
    expect((await api.delete(`/v1/content/${ROOT_CONTENT_KEY}`)).status).toBe(403);
  });
});

describe('counting the items of a type (the route in FIDELITY.md)', () => {
  beforeAll(async () => {
    await api.post('/v1/contenttypes', sampleType('Counted'));
  });

  it.each(COUNT_ROUTES)('%s: %s?contentTypes=…&pageSize=1 says the count in %s', async (name, path, total) => {
    const start = await count('Counted', [name, path, total]);
    for (let index = 0; index < 3; index += 1) {
      await api.post('/v1/content', { contentType: 'Counted', initialVersion: { displayName: `Item ${index}` } });
    }
    const response = await api.get(`${path}?contentTypes=Counted&pageSize=1`);
    expect(response.json[total]).toBe(start + 3);
    expect(response.json.items).toHaveLength(1);
    expect(response.json.items[0].contentType).toBe('Counted');
  });

  it("filters by base type too, and lists only the container's direct items", async () => {
    await api.post('/v1/contenttypes', sampleType('Folderish', { baseType: '_folder', mayContainTypes: ['*'] }));
    const folder = await api.post('/v1/content', { contentType: 'Folderish', initialVersion: { displayName: 'Folder' } });
    await api.post('/v1/content', { contentType: 'Note', container: folder.json.key, initialVersion: { displayName: 'Nested' } });
    const folders = await api.get(`/v1/content/${ROOT_CONTENT_KEY}/items?contentTypes=_folder`);
    expect(folders.json.items.map((item: { key: string }) => item.key)).toEqual([folder.json.key]);
    const inFolder = await api.get(`/v1/content/${folder.json.key}/items`);
    expect(inFolder.json).toMatchObject({ totalCount: 1, items: [{ contentType: 'Note', container: folder.json.key }] });
    expect((await api.get(`/preview3/experimental/content/${folder.json.key}`)).json.hasItems).toBe(true);
  });

  it('answers 404 for a container that does not exist', async () => {
    expect((await api.get('/v1/content/0000/items')).status).toBe(404);
  });

  it('sees items a test adds through the store, as a CMS user would', async () => {
    const before = await count('Story');
    emulator.store.addContentItem({ contentType: 'Story', displayName: 'Made in the CMS' });
    expect(await count('Story')).toBe(before + 1);
    expect(emulator.store.countContentItems('Story')).toBe(before + 1);
  });
});

describe('deleting a type that has items', () => {
  it('answers 409 DependencyConflict until the items are gone', async () => {
    await api.post('/v1/contenttypes', sampleType('InUse'));
    const item = await api.post('/v1/content', { contentType: 'InUse', initialVersion: { displayName: 'Keeps it alive' } });
    for (const prefix of ['/v1', '/preview3', '/_cms/preview2']) {
      const refused = await api.delete(`${prefix}/contenttypes/InUse`);
      expect(refused.status).toBe(409);
      expect(refused.json).toMatchObject({
        status: 409,
        code: 'DependencyConflict',
        detail: expect.stringContaining('1 content item use it'),
      });
    }
    expect(emulator.store.contentTypes.has('InUse')).toBe(true);
    await api.delete(`/v1/content/${item.json.key}`);
    expect((await api.delete('/v1/contenttypes/InUse')).status).toBe(204);
  });

  it('counts nested items too', async () => {
    await api.post('/v1/contenttypes', sampleType('DeepInUse'));
    const folder = emulator.store.addContentItem({ contentType: 'SysContentFolder', displayName: 'Folder' });
    emulator.store.addContentItem({ contentType: 'DeepInUse', displayName: 'Deep', container: folder.key });
    expect((await api.delete('/v1/contenttypes/DeepInUse')).status).toBe(409);
    await api.delete(`/v1/content/${folder.key}`);
    expect((await api.delete('/v1/contenttypes/DeepInUse')).status).toBe(204);
  });
});
