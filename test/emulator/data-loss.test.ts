import { describe, expect, it } from 'vitest';
import { useEmulator } from './helpers/use-emulator.js';

const { emulator, api } = useEmulator();

const MESSAGE_END =
  "are considered breaking and could potentially result in data loss. Use the 'ignoreDataLossWarnings' option to apply the changes anyway.";

const BASE = {
  displayName: 'Guarded',
  baseType: '_page',
  properties: {
    title: { type: 'string', isLocalized: false },
    count: { type: 'integer' },
    tags: { type: 'array', items: { type: 'string' } },
    hero: { type: 'component', contentType: 'HeroA' },
    blocks: { type: 'array', items: { type: 'component', contentType: 'HeroA' } },
  },
};

let counter = 0;
async function guarded(): Promise<string> {
  counter += 1;
  const key = `Guarded${counter}`;
  expect((await api.post('/v1/contenttypes', { key, ...BASE })).status).toBe(201);
  return key;
}

describe('the data-loss check', () => {
  it.each([
    ['removing a property', { properties: { count: null } }, 'properties.count'],
    ["changing a property's type", { properties: { count: { type: 'float' } } }, 'properties.count.type'],
    ["changing an array's item type", { properties: { tags: { items: { type: 'url' } } } }, 'properties.tags.items.type'],
    ["changing a component property's contentType", { properties: { hero: { contentType: 'HeroB' } } }, 'properties.hero.contentType'],
    [
      "changing a component array's contentType",
      { properties: { blocks: { items: { contentType: 'HeroB' } } } },
      'properties.blocks.items.contentType',
    ],
    ['turning localization on', { properties: { title: { isLocalized: true } } }, 'properties.title.isLocalized'],
  ])('refuses %s with the server message (400), changing nothing', async (_name, patch, field) => {
    const key = await guarded();
    const before = emulator.store.contentTypes.get(key);
    const response = await api.patch(`/v1/contenttypes/${key}`, patch);
    expect(response.status).toBe(400);
    expect(response.json.detail).toBe(`The changes to '${key}' ${MESSAGE_END}`);
    expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    expect(emulator.store.contentTypes.get(key)).toEqual(before);
  });

  it('refuses turning localization off', async () => {
    const key = await guarded();
    await api.patch(
      `/v1/contenttypes/${key}`,
      { properties: { title: { isLocalized: true } } },
      { headers: { 'cms-ignore-data-loss-warnings': 'true' } },
    );
    expect((await api.patch(`/v1/contenttypes/${key}`, { properties: { title: { isLocalized: false } } })).status).toBe(400);
  });

  it('applies the change with cms-ignore-data-loss-warnings: true (v1 and preview3)', async () => {
    for (const prefix of ['/v1', '/preview3']) {
      const key = await guarded();
      const response = await api.patch(
        `${prefix}/contenttypes/${key}`,
        { properties: { count: null } },
        { headers: { 'cms-ignore-data-loss-warnings': 'true' } },
      );
      expect(response.status).toBeLessThan(300);
      expect(emulator.store.contentTypes.get(key)?.doc.properties.count).toBeUndefined();
    }
  });

  it('does not apply it with cms-ignore-data-loss-warnings: false', async () => {
    const key = await guarded();
    expect(
      (
        await api.patch(
          `/v1/contenttypes/${key}`,
          { properties: { count: null } },
          { headers: { 'cms-ignore-data-loss-warnings': 'false' } },
        )
      ).status,
    ).toBe(400);
  });

  it('preview2 takes the override as ?ignoreDataLossWarnings=true on PATCH and PUT, not as the header', async () => {
    const key = await guarded();
    const header = await api.patch(
      `/_cms/preview2/contenttypes/${key}`,
      { properties: { count: null } },
      { headers: { 'cms-ignore-data-loss-warnings': 'true' } },
    );
    expect(header.status).toBe(400);
    expect(header.json.errors).toEqual({ 'properties.count': [expect.stringContaining("Removing the property 'count'")] });
    expect(
      (await api.patch(`/_cms/preview2/contenttypes/${key}?ignoreDataLossWarnings=true`, { properties: { count: null } })).status,
    ).toBe(200);

    const put = { displayName: 'Guarded', baseType: 'page', properties: { title: { type: 'string', localized: false } } };
    expect((await api.put(`/_cms/preview2/contenttypes/${key}`, put)).status).toBe(400);
    expect((await api.put(`/_cms/preview2/contenttypes/${key}?ignoreDataLossWarnings=true`, put)).status).toBe(200);
  });

  it('lets metadata change freely: names, descriptions, order, groups, enum order, new properties', async () => {
    const key = await guarded();
    const response = await api.patch(`/v1/contenttypes/${key}`, {
      displayName: 'Renamed',
      description: 'Now described',
      sortOrder: 5,
      properties: {
        title: {
          displayName: 'Heading',
          description: 'd',
          sortOrder: 2,
          group: 'Information',
          isRequired: true,
          indexingType: 'searchable',
        },
        extra: {
          type: 'string',
          enum: [
            { value: 'b', displayName: 'B' },
            { value: 'a', displayName: 'A' },
          ],
        },
      },
    });
    expect(response.status).toBe(204);
    const reordered = await api.patch(`/v1/contenttypes/${key}`, {
      properties: {
        extra: {
          enum: [
            { value: 'a', displayName: 'A' },
            { value: 'b', displayName: 'B' },
          ],
        },
      },
    });
    expect(reordered.status).toBe(204);
  });

  it('reports every breaking change of one request', async () => {
    const key = await guarded();
    const response = await api.patch(`/v1/contenttypes/${key}`, { properties: { count: null, tags: null, title: { isLocalized: true } } });
    expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual([
      'properties.title.isLocalized',
      'properties.count',
      'properties.tags',
    ]);
  });

  it('in a manifest import: an error entry with section contentTypes, the rest imported; the header overrides', async () => {
    const key = await guarded();
    const manifest = {
      contentTypes: [
        { key, ...BASE, properties: { title: BASE.properties.title } },
        { key: `${key}Sibling`, displayName: 'Sibling', baseType: '_component', properties: {} },
      ],
    };
    const refused = await api.post('/v1/manifest', manifest);
    expect(refused.status).toBe(200);
    expect(refused.json.errors).toEqual([
      { section: 'contentTypes', resource: key, message: expect.stringContaining(`The changes to '${key}' ${MESSAGE_END}`) },
    ]);
    expect(refused.json.outcomes).toEqual([
      { section: 'contentTypes', resource: `${key}Sibling`, message: `Content type '${key}Sibling' was created.` },
    ]);
    expect(Object.keys(emulator.store.contentTypes.get(key)!.doc.properties)).toHaveLength(5);

    const forced = await api.post('/v1/manifest', manifest, { headers: { 'cms-ignore-data-loss-warnings': 'true' } });
    expect(forced.json.errors).toEqual([]);
    expect(Object.keys(emulator.store.contentTypes.get(key)!.doc.properties)).toEqual(['title']);
  });
});
