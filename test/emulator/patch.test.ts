import { beforeAll, describe, expect, it } from 'vitest';
import { PREFIX, sampleType } from './helpers/api.js';
import { useEmulator } from './helpers/use-emulator.js';

const { emulator, api } = useEmulator();

const REPRESENTATION = { headers: { prefer: 'return=representation' } };

describe('PATCH is a JSON merge patch (RFC 7396)', () => {
  beforeAll(async () => {
    await api.post(
      '/v1/contenttypes',
      sampleType('Merged', {
        description: 'Before',
        mayContainTypes: ['_page', '_image'],
        properties: {
          title: { type: 'string', displayName: 'Title', isRequired: true },
          summary: { type: 'string', description: 'Short' },
        },
      }),
    );
  });

  it('merges objects member by member and keeps what the patch does not name', async () => {
    const response = await api.patch(
      '/v1/contenttypes/Merged',
      { displayName: 'Merged!', properties: { title: { displayName: 'Headline' } } },
      REPRESENTATION,
    );
    expect(response.status).toBe(200);
    expect(response.json.displayName).toBe('Merged!');
    expect(response.json.description).toBe('Before');
    expect(response.json.properties.title).toEqual({ type: 'string', displayName: 'Headline', isRequired: true });
    expect(response.json.properties.summary).toEqual({ type: 'string', description: 'Short' });
  });

  it('removes a member given as null', async () => {
    const response = await api.patch(
      '/v1/contenttypes/Merged',
      { description: null, properties: { summary: { description: null } } },
      REPRESENTATION,
    );
    expect(response.json).not.toHaveProperty('description');
    expect(response.json.properties.summary).toEqual({ type: 'string' });
  });

  it('replaces arrays whole', async () => {
    const response = await api.patch('/v1/contenttypes/Merged', { mayContainTypes: ['*'] }, REPRESENTATION);
    expect(response.json.mayContainTypes).toEqual(['*']);
  });

  it('adds a property', async () => {
    const response = await api.patch('/v1/contenttypes/Merged', { properties: { body: { type: 'richText' } } }, REPRESENTATION);
    expect(Object.keys(response.json.properties)).toEqual(['title', 'summary', 'body']);
  });

  it("speaks each dialect's names: preview3 `required`, preview2 `localized`", async () => {
    expect((await api.patch('/preview3/contenttypes/Merged', { properties: { title: { required: false } } })).status).toBe(200);
    expect(emulator.store.contentTypes.get('Merged')?.doc.properties.title?.isRequired).toBe(false);
    const p2 = await api.patch('/_cms/preview2/contenttypes/Merged', { properties: { body: { description: 'Text', required: true } } });
    expect(p2.status).toBe(200);
    expect(p2.json.properties.body).toEqual({ type: 'richText', description: 'Text', required: true });
  });

  it('checks the merged type as a whole (400 when the result is invalid)', async () => {
    const response = await api.patch('/v1/contenttypes/Merged', { displayName: null, properties: { extra: { type: 'array' } } });
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([
      { field: 'displayName', detail: 'The displayName field is required.' },
      { field: 'properties.extra.items', detail: 'The items field is required.' },
    ]);
  });

  it('needs application/merge-patch+json (415 otherwise)', async () => {
    const response = await api.patch('/v1/contenttypes/Merged', { displayName: 'x' }, { contentType: 'application/json' });
    expect(response.status).toBe(415);
    expect(response.json.detail).toContain("'application/merge-patch+json'");
  });

  it('answers 404 for a type that does not exist', async () => {
    expect((await api.patch('/v1/contenttypes/Missing', { displayName: 'x' })).status).toBe(404);
  });
});

describe('key, baseType and isContract are immutable', () => {
  beforeAll(async () => {
    await api.post('/v1/contenttypes', sampleType('Fixed'));
    await api.post('/v1/contenttypes', { key: 'FixedContract', displayName: 'Contract', isContract: true, properties: {} });
  });

  it.each([
    ['v1 key', PREFIX.v1, { key: 'Renamed' }, 'key'],
    ['v1 baseType', PREFIX.v1, { baseType: '_component' }, 'baseType'],
    ['v1 baseType removed', PREFIX.v1, { baseType: null }, 'baseType'],
    ['preview3 baseType', PREFIX.preview3, { baseType: '_folder' }, 'baseType'],
    ['preview2 baseType', PREFIX.preview2, { baseType: 'component' }, 'baseType'],
  ])('%s: 400 naming the member', async (_name, prefix, patch, field) => {
    const response = await api.patch(`${prefix}/contenttypes/Fixed`, patch);
    expect(response.status).toBe(400);
    const fields =
      prefix === PREFIX.preview2 ? Object.keys(response.json.errors) : response.json.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual([field]);
    expect(emulator.store.contentTypes.get('Fixed')?.doc.baseType).toBe('_page');
  });

  it('accepts the same key and baseType in a patch', async () => {
    expect((await api.patch('/v1/contenttypes/Fixed', { key: 'Fixed', baseType: '_page', displayName: 'Same' })).status).toBe(204);
  });

  it('refuses turning a contract into a type', async () => {
    const response = await api.patch('/v1/contenttypes/FixedContract', { isContract: false, baseType: '_page' });
    expect(response.status).toBe(400);
    expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual(['baseType', 'isContract']);
  });

  it('refuses a baseType change through preview2 PUT and through the manifest', async () => {
    expect((await api.put('/_cms/preview2/contenttypes/Fixed', { displayName: 'x', baseType: 'component', properties: {} })).status).toBe(
      400,
    );
    const manifest = await api.post('/v1/manifest', { contentTypes: [sampleType('Fixed', { baseType: '_component' })] });
    expect(manifest.status).toBe(200);
    expect(manifest.json.errors).toEqual([
      { section: 'contentTypes', resource: 'Fixed', message: expect.stringContaining('cannot change baseType') },
    ]);
  });
});

describe('Prefer: return=representation', () => {
  beforeAll(async () => {
    await api.post('/v1/contenttypes', sampleType('Preferred'));
  });

  it('v1 PATCH without Prefer answers 204 with the new ETag and Last-Modified', async () => {
    const before = await api.get('/v1/contenttypes/Preferred');
    const response = await api.patch('/v1/contenttypes/Preferred', { description: 'changed' });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(response.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(response.headers.get('last-modified')).not.toBeNull();
  });

  it('v1 PATCH with Prefer answers 200 with the type and Preference-Applied', async () => {
    const response = await api.patch('/v1/contenttypes/Preferred', { description: 'again' }, REPRESENTATION);
    expect(response.status).toBe(200);
    expect(response.headers.get('preference-applied')).toBe('return=representation');
    expect(response.json.description).toBe('again');
  });

  it('preview3 and preview2 always answer 200 with the type (no Prefer in their specifications)', async () => {
    for (const prefix of [PREFIX.preview3, PREFIX.preview2]) {
      const response = await api.patch(`${prefix}/contenttypes/Preferred`, { description: prefix });
      expect(response.status).toBe(200);
      expect(response.json.description).toBe(prefix);
    }
  });

  it('a patch that changes nothing keeps the version', async () => {
    const before = await api.get('/v1/contenttypes/Preferred');
    const response = await api.patch('/v1/contenttypes/Preferred', { description: before.json.description });
    expect(response.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(response.headers.get('last-modified')).toBe(before.headers.get('last-modified'));
  });
});
