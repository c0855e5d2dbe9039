import { describe, expect, it } from 'vitest';
import { sampleType } from './helpers/api.js';
import { useEmulator } from './helpers/use-emulator.js';

const REFERENCING = {
  key: 'Referencing',
  displayName: 'Referencing',
  baseType: '_page',
  mayContainTypes: ['Ghost', '*', '_image', 'Referencing'],
  contracts: ['GhostContract'],
  properties: {
    hero: { type: 'component', contentType: 'GhostBlock' },
    related: { type: 'content', allowedTypes: ['GhostPage', '_page', 'image'], restrictedTypes: ['GhostOther'] },
    list: { type: 'array', items: { type: 'contentReference', allowedTypes: ['GhostItem'] } },
  },
};

describe('references to other types, by default', () => {
  const { api } = useEmulator();

  it('are not checked (real projects reference types they do not define)', async () => {
    expect((await api.post('/v1/contenttypes', REFERENCING)).status).toBe(201);
  });
});

describe('with strictReferences', () => {
  const { api } = useEmulator({ strictReferences: true });

  it('refuses every reference to a type that does not exist (400), but not *, base types in either spelling, or the type itself', async () => {
    const response = await api.post('/v1/contenttypes', REFERENCING);
    expect(response.status).toBe(400);
    expect(response.json.detail).toBe("The content type 'Referencing' references content types that do not exist.");
    expect(response.json.errors).toEqual([
      { field: 'mayContainTypes[0]', detail: "The content type 'Ghost' does not exist." },
      { field: 'contracts[0]', detail: "The content type 'GhostContract' does not exist." },
      { field: 'properties.hero.contentType', detail: "The content type 'GhostBlock' does not exist." },
      { field: 'properties.related.allowedTypes[0]', detail: "The content type 'GhostPage' does not exist." },
      { field: 'properties.related.restrictedTypes[0]', detail: "The content type 'GhostOther' does not exist." },
      { field: 'properties.list.items.allowedTypes[0]', detail: "The content type 'GhostItem' does not exist." },
    ]);
  });

  it('accepts the definition once the referenced types exist', async () => {
    for (const key of ['Ghost', 'GhostBlock', 'GhostPage', 'GhostOther', 'GhostItem'])
      await api.post('/v1/contenttypes', sampleType(key, { baseType: '_component' }));
    await api.post('/v1/contenttypes', { key: 'GhostContract', displayName: 'C', isContract: true });
    expect((await api.post('/v1/contenttypes', REFERENCING)).status).toBe(201);
  });

  it('checks a PATCH result too', async () => {
    const response = await api.patch(
      '/v1/contenttypes/Referencing',
      { properties: { hero: { contentType: 'Missing' } } },
      { headers: { 'cms-ignore-data-loss-warnings': 'true' } },
    );
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([{ field: 'properties.hero.contentType', detail: "The content type 'Missing' does not exist." }]);
  });

  it('refuses deleting a type other types reference (409 DependencyConflict)', async () => {
    const response = await api.delete('/v1/contenttypes/GhostBlock');
    expect(response.status).toBe(409);
    expect(response.json).toMatchObject({ code: 'DependencyConflict', detail: expect.stringContaining('Referencing') });
  });

  it('lets a manifest reference types it creates itself, in any order', async () => {
    const response = await api.post('/v1/manifest', {
      contentTypes: [
        sampleType('Parent', { properties: { child: { type: 'component', contentType: 'Child' } } }),
        sampleType('Child', { baseType: '_component' }),
        sampleType('Orphan', { mayContainTypes: ['Nobody'] }),
      ],
    });
    expect(response.json.outcomes.map((outcome: { resource: string }) => outcome.resource)).toEqual(['Parent', 'Child']);
    expect(response.json.errors).toEqual([
      { section: 'contentTypes', resource: 'Orphan', message: expect.stringContaining("'Nobody' does not exist") },
    ]);
  });
});
