import { describe, expect, it } from 'vitest';
import { PREFIX } from './helpers/api.js';
import { useEmulator } from './helpers/use-emulator.js';

const { api } = useEmulator();

describe('property groups', () => {
  it('seeds the built-in groups as read-only system groups', async () => {
    const response = await api.get('/v1/propertygroups');
    expect(response.json.items.map((group: { key: string }) => group.key)).toEqual([
      'Advanced',
      'Categories',
      'DynamicBlocks',
      'Information',
      'Scheduling',
      'Shortcut',
    ]);
    expect(response.json.items.every((group: { source: string }) => group.source === 'system')).toBe(true);
    expect((await api.patch('/v1/propertygroups/Information', { displayName: 'Mine' })).status).toBe(403);
    expect((await api.delete('/v1/propertygroups/Information')).status).toBe(403);
  });

  it('creates, reads, patches and deletes (v1)', async () => {
    const created = await api.post('/v1/propertygroups', { key: 'Seo', displayName: 'SEO', sortOrder: 5, extra: 'ignored' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/v1/propertygroups/Seo');
    expect(created.json).toMatchObject({ key: 'Seo', displayName: 'SEO', sortOrder: 5, source: '' });
    expect(created.json).not.toHaveProperty('extra');
    expect((await api.post('/v1/propertygroups', { key: 'Seo', displayName: 'Again' })).status).toBe(409);
    const patched = await api.patch(
      '/v1/propertygroups/Seo',
      { sortOrder: null, displayName: 'Search' },
      { headers: { prefer: 'return=representation' } },
    );
    expect(patched.json).toMatchObject({ key: 'Seo', displayName: 'Search' });
    expect(patched.json).not.toHaveProperty('sortOrder');
    expect((await api.delete('/v1/propertygroups/Seo')).status).toBe(204);
    expect((await api.get('/v1/propertygroups/Seo')).status).toBe(404);
  });

  it('lists with the sources filter and a page envelope', async () => {
    await api.post('/v1/propertygroups', { key: 'Mine', displayName: 'Mine' });
    const mine = await api.get('/v1/propertygroups?sources=DEFAULT');
    expect(mine.json).toMatchObject({ items: [{ key: 'Mine' }], pageIndex: 0, totalCount: 1 });
    expect((await api.get('/preview3/propertygroups?sources=DEFAULT')).json.totalItemCount).toBe(1);
  });

  it.each(['content', 'Settings', 'CONTENT'])('refuses the reserved key %s', async (key) => {
    const response = await api.post('/v1/propertygroups', { key, displayName: 'x' });
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([
      { field: 'key', detail: `The TabDefinition name '${key.toLowerCase()}' is reserved and cannot be used.` },
    ]);
  });

  it.each([
    ['an invalid key', { key: 'a b', displayName: 'x' }, 'key'],
    ['no displayName (v1)', { key: 'NoName' }, 'displayName'],
    ['a fractional sortOrder', { key: 'Frac', displayName: 'x', sortOrder: 0.5 }, 'sortOrder'],
  ])('refuses %s', async (_name, body, field) => {
    const response = await api.post('/v1/propertygroups', body);
    expect(response.status).toBe(400);
    expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  });

  it('preview2: PUT creates or replaces; no audit members in its shape', async () => {
    const created = await api.put('/_cms/preview2/propertygroups/Legacy', { displayName: 'Legacy' });
    expect(created.status).toBe(200);
    expect(created.json).toEqual({ key: 'Legacy', displayName: 'Legacy', source: '' });
    expect((await api.put('/_cms/preview2/propertygroups/Legacy', { displayName: 'Legacy 2', sortOrder: 3 })).json).toEqual({
      key: 'Legacy',
      displayName: 'Legacy 2',
      source: '',
      sortOrder: 3,
    });
  });
});

describe('display templates', () => {
  const template = {
    key: 'WideHero',
    displayName: 'Wide',
    contentType: 'Hero',
    isDefault: true,
    settings: { width: { displayName: 'Width', editor: 'select', sortOrder: 1, choices: { full: { displayName: 'Full', sortOrder: 1 } } } },
  };

  it('creates, reads, lists, patches and deletes (v1)', async () => {
    const created = await api.post('/v1/displaytemplates', template);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject(template);
    expect((await api.get('/v1/displaytemplates/WideHero')).json).toMatchObject(template);
    const list = await api.get('/v1/displaytemplates?pageSize=1');
    expect(list.json).toMatchObject({ pageIndex: 0, pageSize: 1, totalCount: 1 });
    const patched = await api.patch(
      '/v1/displaytemplates/WideHero',
      { settings: { width: { choices: { half: { displayName: 'Half' } } } } },
      { headers: { prefer: 'return=representation' } },
    );
    expect(Object.keys(patched.json.settings.width.choices)).toEqual(['full', 'half']);
    expect((await api.delete('/v1/displaytemplates/WideHero')).status).toBe(204);
  });

  it("writes node, base type and content type targets; base types in the dialect's spelling", async () => {
    await api.post('/v1/displaytemplates', { key: 'RowStyle', displayName: 'Row', nodeType: 'row' });
    await api.post('/v1/displaytemplates', { key: 'SectionStyle', displayName: 'Section', baseType: '_section' });
    expect((await api.get('/_cms/preview2/displaytemplates/SectionStyle')).json.baseType).toBe('section');
    const p2 = await api.put('/_cms/preview2/displaytemplates/P2Style', { displayName: 'P2', baseType: 'Section' });
    expect(p2.status).toBe(200);
    expect((await api.get('/v1/displaytemplates/P2Style')).json.baseType).toBe('_section');
  });

  it.each([
    ['no displayName', { key: 'Dt1' }, 'displayName'],
    ['an invalid nodeType', { key: 'Dt2', displayName: 'x', nodeType: 'r' }, 'nodeType'],
    ['an unknown baseType', { key: 'Dt3', displayName: 'x', baseType: '_row' }, 'baseType'],
    ['an invalid contentType', { key: 'Dt4', displayName: 'x', contentType: '9lives' }, 'contentType'],
    ['a setting without displayName', { key: 'Dt5', displayName: 'x', settings: { a1: { editor: 'select' } } }, 'settings.a1.displayName'],
    [
      'a choice without displayName',
      { key: 'Dt6', displayName: 'x', settings: { a1: { displayName: 'A', choices: { c1: {} } } } },
      'settings.a1.choices.c1.displayName',
    ],
    ['isDefault as text', { key: 'Dt7', displayName: 'x', isDefault: 'yes' }, 'isDefault'],
  ])('refuses %s', async (_name, body, field) => {
    const response = await api.post('/v1/displaytemplates', body);
    expect(response.status).toBe(400);
    expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  });

  it('is served under every prefix', async () => {
    for (const prefix of Object.values(PREFIX)) expect((await api.get(`${prefix}/displaytemplates/RowStyle`)).status).toBe(200);
  });
});
