import { beforeAll, describe, expect, it } from 'vitest';
import { PREFIX, sampleType } from './helpers/api.js';
import { useEmulator } from './helpers/use-emulator.js';

const { emulator, api } = useEmulator();

describe('content types: create, read, list, delete per dialect', () => {
  it.each([
    ['v1', PREFIX.v1, 201],
    ['v1 under /_cms', PREFIX.cmsV1, 201],
    ['preview3', PREFIX.preview3, 201],
  ] as const)('%s: POST answers %s with the type, ETag, Last-Modified and Location', async (_name, prefix, status) => {
    const key = `Created${prefix.replace(/\W/g, '')}`;
    const body =
      prefix === PREFIX.preview3 ? { ...sampleType(key), properties: { title: { type: 'string', required: true } } } : sampleType(key);
    const response = await api.post(`${prefix}/contenttypes`, body);
    expect(response.status).toBe(status);
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(new Date(response.headers.get('last-modified')!).toUTCString()).toBe(response.headers.get('last-modified'));
    expect(response.headers.get('location')).toBe(`${prefix}/contenttypes/${key}`);
    expect(response.json).toMatchObject({
      key,
      baseType: '_page',
      source: '',
      lastModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
  });

  it('preview2: POST answers 200, base types without the underscore', async () => {
    const response = await api.post(`${PREFIX.preview2}/contenttypes`, {
      key: 'CreatedP2',
      displayName: 'P2',
      baseType: 'page',
      properties: {},
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ key: 'CreatedP2', baseType: 'page' });
    expect(emulator.store.contentTypes.get('CreatedP2')?.doc.baseType).toBe('_page');
  });

  it('answers 409 for a key that exists, in every dialect', async () => {
    await api.post('/v1/contenttypes', sampleType('Taken'));
    expect((await api.post('/v1/contenttypes', sampleType('Taken'))).status).toBe(409);
    expect((await api.post('/preview3/contenttypes', sampleType('Taken'))).status).toBe(409);
    const p2 = await api.post('/_cms/preview2/contenttypes', { ...sampleType('Taken'), baseType: 'page' });
    expect(p2.status).toBe(409);
    expect(p2.json).toMatchObject({ status: 409, detail: "A content type with the key 'Taken' already exists." });
    expect((await api.post('/v1/contenttypes', sampleType('ImageMedia'))).status).toBe(409);
  });

  it('answers 404 ProblemDetails for a type that does not exist', async () => {
    for (const prefix of Object.values(PREFIX)) {
      const response = await api.get(`${prefix}/contenttypes/Nowhere`);
      expect(response.status).toBe(404);
      expect(response.json).toMatchObject({ status: 404, title: 'Not Found', detail: "The content type 'Nowhere' does not exist." });
    }
  });

  it('v1 DELETE answers 204 by default and 200 with the deleted type under Prefer: return=representation', async () => {
    await api.post('/v1/contenttypes', sampleType('GoneQuietly'));
    const quiet = await api.delete('/v1/contenttypes/GoneQuietly');
    expect(quiet.status).toBe(204);
    expect(quiet.text).toBe('');
    await api.post('/v1/contenttypes', sampleType('GoneLoudly'));
    const loud = await api.delete('/v1/contenttypes/GoneLoudly', { headers: { prefer: 'return=representation' } });
    expect(loud.status).toBe(200);
    expect(loud.headers.get('preference-applied')).toBe('return=representation');
    expect(loud.json.key).toBe('GoneLoudly');
    expect((await api.get('/v1/contenttypes/GoneLoudly')).status).toBe(404);
  });

  it.each([PREFIX.preview3, PREFIX.preview2])('%s DELETE answers 200 with the deleted type', async (prefix) => {
    const key = `Deleted${prefix.replace(/\W/g, '')}`;
    await api.post('/v1/contenttypes', sampleType(key));
    const response = await api.delete(`${prefix}/contenttypes/${key}`);
    expect(response.status).toBe(200);
    expect(response.json.key).toBe(key);
  });
});

describe('one store, several dialects', () => {
  const v1Type = {
    key: 'Crossing',
    displayName: 'Crossing',
    baseType: '_component',
    compositionBehaviors: ['elementEnabled'],
    properties: {
      title: { type: 'string', isRequired: true, isLocalized: true, displayMode: 'hidden' },
      colour: { type: 'string', enum: [{ value: 'red', displayName: 'Red' }] },
      tags: { type: 'array', items: { type: 'string', enum: [{ value: 'a1', displayName: 'A1' }] } },
    },
  };
  beforeAll(async () => {
    expect((await api.post('/v1/contenttypes', v1Type)).status).toBe(201);
  });

  it('reads a v1 type through preview3 with required/localized and without v1-only members', async () => {
    const response = await api.get('/preview3/contenttypes/Crossing');
    expect(response.json.properties.title).toEqual({ type: 'string', required: true, localized: true });
    expect(response.json.properties.colour.enum).toEqual([{ value: 'red', displayName: 'Red' }]);
    expect(response.json).not.toHaveProperty('createdBy');
  });

  it('reads a v1 type through preview2 with bare base types and wrapped enumerations', async () => {
    const response = await api.get('/_cms/preview2/contenttypes/Crossing');
    expect(response.json.baseType).toBe('component');
    expect(response.json.properties.title).toEqual({ type: 'string', required: true, localized: true });
    expect(response.json.properties.colour.enum).toEqual({ values: [{ value: 'red', displayName: 'Red' }] });
    expect(response.json.properties.tags.items.enum).toEqual({ values: [{ value: 'a1', displayName: 'A1' }] });
  });

  it('reads a preview2 type through v1 with v1 names', async () => {
    const p2 = {
      key: 'FromP2',
      displayName: 'From preview2',
      baseType: 'element',
      properties: { heading: { type: 'string', required: true, localized: false, enum: { values: [{ value: 'x1', displayName: 'X1' }] } } },
    };
    expect((await api.put('/_cms/preview2/contenttypes/FromP2', p2)).status).toBe(200);
    const v1 = await api.get('/v1/contenttypes/FromP2');
    expect(v1.json.baseType).toBe('_element');
    expect(v1.json.properties.heading).toEqual({
      type: 'string',
      isRequired: true,
      isLocalized: false,
      enum: [{ value: 'x1', displayName: 'X1' }],
    });
  });

  it('answers preview2 base-type names in references in the spelling of v1 and preview3, and as written in preview2', async () => {
    const p2 = {
      key: 'ReferencesP2',
      displayName: 'References from preview2',
      baseType: 'component',
      mayContainTypes: ['page', 'ReferencesP2'],
      properties: {
        promo: { type: 'contentReference', allowedTypes: ['Image', 'Media', 'Hero'], restrictedTypes: ['Video'] },
        area: { type: 'array', items: { type: 'content', allowedTypes: ['component', 'section', '_page'] } },
      },
    };
    expect((await api.put('/_cms/preview2/contenttypes/ReferencesP2', p2)).status).toBe(200);
    for (const prefix of [PREFIX.v1, PREFIX.preview3]) {
      const read = (await api.get(`${prefix}/contenttypes/ReferencesP2`)).json;
      expect(read.mayContainTypes).toEqual(['_page', 'ReferencesP2']);
      expect(read.properties.promo).toMatchObject({ allowedTypes: ['_image', '_media', 'Hero'], restrictedTypes: ['_video'] });
      expect(read.properties.area.items.allowedTypes).toEqual(['_component', '_section', '_page']);
    }
    const p2Read = (await api.get('/_cms/preview2/contenttypes/ReferencesP2')).json;
    expect(p2Read.mayContainTypes).toEqual(['page', 'ReferencesP2']);
    expect(p2Read.properties.promo).toMatchObject({ allowedTypes: ['Image', 'Media', 'Hero'], restrictedTypes: ['Video'] });
  });

  it("ignores the other dialects' member names (unknown request members)", async () => {
    await api.post('/v1/contenttypes', {
      ...sampleType('Misnamed'),
      properties: { title: { type: 'string', required: true, localized: true } },
    });
    expect(emulator.store.contentTypes.get('Misnamed')?.doc.properties.title).toEqual({ type: 'string' });
    await api.post('/preview3/contenttypes', { ...sampleType('MisnamedP3'), properties: { title: { type: 'string', isRequired: true } } });
    expect(emulator.store.contentTypes.get('MisnamedP3')?.doc.properties.title).toEqual({ type: 'string' });
  });
});

describe('listing content types', () => {
  beforeAll(async () => {
    for (const key of ['ListA', 'ListB', 'ListC']) await api.post('/v1/contenttypes', sampleType(key, { baseType: '_component' }));
    await api.post('/v1/contenttypes', sampleType('Holder', { mayContainTypes: ['ListA', '_image'] }));
    await api.post('/v1/contenttypes', sampleType('Anything', { mayContainTypes: ['*'] }));
    await api.post('/v1/contenttypes', { key: 'AContract', displayName: 'A contract', isContract: true, properties: {} });
  });

  it("pages with pageIndex/pageSize and says the total in the dialect's member", async () => {
    const all = (await api.get('/v1/contenttypes?pageSize=10000')).json;
    const total = all.totalCount as number;
    expect(all.items).toHaveLength(total);
    const second = await api.get('/v1/contenttypes?pageIndex=1&pageSize=2');
    expect(second.json).toMatchObject({ pageIndex: 1, pageSize: 2, totalCount: total });
    expect(second.json.items.map((type: { key: string }) => type.key)).toEqual(
      all.items.slice(2, 4).map((type: { key: string }) => type.key),
    );
    const p3 = await api.get('/preview3/contenttypes?pageSize=1');
    expect(p3.json).toMatchObject({ pageIndex: 0, pageSize: 1, totalItemCount: total });
    expect(p3.json).not.toHaveProperty('totalCount');
    expect((await api.get('/_cms/preview2/contenttypes')).json.totalItemCount).toBe(total);
  });

  it('defaults to page 0 of 100', async () => {
    expect((await api.get('/v1/contenttypes')).json).toMatchObject({ pageIndex: 0, pageSize: 100 });
  });

  it.each(['pageSize=0', 'pageSize=10001', 'pageIndex=-1', 'pageSize=ten'])('answers 400 for %s', async (query) => {
    const response = await api.get(`/v1/contenttypes?${query}`);
    expect(response.status).toBe(400);
    expect(response.json.errors[0].field).toBe(query.split('=')[0]);
  });

  it('filters by sources: DEFAULT for types without a source, a source by name, repeated values', async () => {
    const keys = async (query: string) =>
      (await api.get(`/v1/contenttypes?pageSize=1000&${query}`)).json.items.map((type: { key: string }) => type.key);
    expect(await keys('sources=DEFAULT')).toEqual(expect.arrayContaining(['ListA', 'BlankExperience']));
    expect(await keys('sources=DEFAULT')).not.toContain('ImageMedia');
    expect(await keys('sources=system')).toEqual(['GenericMedia', 'ImageMedia', 'SysContentFolder', 'SysRoot', 'VideoMedia']);
    expect(await keys('sources=system&sources=DEFAULT')).toEqual(expect.arrayContaining(['ImageMedia', 'ListA']));
  });

  it("filters by forContainerType: keys, base types and * in the container's mayContainTypes; never contracts", async () => {
    const keys = async (container: string) =>
      (await api.get(`/v1/contenttypes?pageSize=1000&forContainerType=${container}`)).json.items.map((type: { key: string }) => type.key);
    expect(await keys('Holder')).toEqual(['ImageMedia', 'ListA']);
    const anything = await keys('Anything');
    expect(anything).toEqual(expect.arrayContaining(['ListA', 'ListB', 'Holder']));
    expect(anything).not.toContain('AContract');
    expect(await keys('NoSuchContainer')).toEqual([]);
  });
});

describe('PUT create-or-replace (preview2 only)', () => {
  it('creates, then replaces, answering 200 both times', async () => {
    const first = await api.put('/_cms/preview2/contenttypes/PutMe', {
      key: 'PutMe',
      displayName: 'First',
      baseType: 'component',
      properties: {},
    });
    expect(first.status).toBe(200);
    const second = await api.put('/_cms/preview2/contenttypes/PutMe', { displayName: 'Second', baseType: 'component', properties: {} });
    expect(second.status).toBe(200);
    expect(second.json.displayName).toBe('Second');
    expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it("refuses a body whose key is not the path's", async () => {
    const response = await api.put('/_cms/preview2/contenttypes/PutOther', { key: 'Different', displayName: 'x', baseType: 'page' });
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual({ key: ['The key in the body must match the key in the path.'] });
  });

  it('is not served by v1 or preview3 (405)', async () => {
    for (const prefix of [PREFIX.v1, PREFIX.preview3]) {
      const response = await api.put(`${prefix}/contenttypes/PutMe`, sampleType('PutMe'));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('DELETE, GET, PATCH');
    }
  });
});

describe('system types are read-only', () => {
  it.each(['ImageMedia', 'VideoMedia', 'GenericMedia', 'SysContentFolder'])('%s: PATCH, PUT and DELETE answer 403', async (key) => {
    expect((await api.get(`/v1/contenttypes/${key}`)).json.source).toBe('system');
    const patch = await api.patch(`/v1/contenttypes/${key}`, { displayName: 'Mine now' });
    expect(patch.status).toBe(403);
    expect(patch.json.detail).toContain('system content type');
    expect((await api.delete(`/v1/contenttypes/${key}`)).status).toBe(403);
    expect((await api.put(`/_cms/preview2/contenttypes/${key}`, { displayName: 'x', baseType: 'media' })).status).toBe(403);
    expect(emulator.store.contentTypes.get(key)?.doc.displayName).not.toBe('Mine now');
  });

  it('seeds BlankExperience and BlankSection as built-ins users may extend (empty source)', async () => {
    for (const key of ['BlankExperience', 'BlankSection']) expect((await api.get(`/v1/contenttypes/${key}`)).json.source).toBe('');
    const patch = await api.patch(
      '/v1/contenttypes/BlankExperience',
      { properties: { seoTitle: { type: 'string' } } },
      { headers: { prefer: 'return=representation' } },
    );
    expect(patch.status).toBe(200);
    expect(patch.json.properties.seoTitle).toEqual({ type: 'string' });
  });
});
