import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiVersion } from '../../../src/adapters/optimizely/index.js';
import type { ContentTypeDef, PropertyGroupDef } from '../../../src/core/model.js';
import { startHarness, type Harness } from './emulator-harness.js';

const hero: ContentTypeDef = {
  key: 'Hero',
  baseType: '_component',
  displayName: 'Hero',
  compositionBehaviors: ['sectionEnabled'],
  properties: {
    heading: { type: 'string', required: true, localized: true, maxLength: 80, sortOrder: 1 },
    tone: {
      type: 'string',
      format: 'selectOne',
      enum: [
        { value: 'light', displayName: 'Light' },
        { value: 'dark', displayName: 'Dark' },
      ],
    },
    image: { type: 'contentReference', allowedTypes: ['_image'] },
    links: { type: 'array', maxItems: 3, items: { type: 'link' } },
  },
};

describe.each<ApiVersion>(['v1', 'preview3'])('CRUD round trip against the emulator (%s)', (apiVersion) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ adapter: { apiVersion } });
  });
  afterAll(() => harness.close());

  it('creates, reads, lists, updates and deletes a content type', async () => {
    const { adapter } = harness;
    expect(adapter.describe()).toBe(`optimizely ${apiVersion} at ${harness.emulator.url}${apiVersion === 'v1' ? '/_cms/v1' : '/preview3'}`);
    expect(await adapter.resources.contentType.get('Hero')).toBeNull();

    const created = await adapter.resources.contentType.create(hero);
    expect(created.def).toEqual(hero);
    expect(created.readOnly).toBe(false);
    expect(created.version.etag).toMatch(/^".+"$/);
    expect(created.version.lastModified).toMatch(/^\d{4}-\d\d-\d\dT/);

    expect(await adapter.resources.contentType.get('Hero')).toEqual(created);
    const listed = await adapter.resources.contentType.list();
    expect(listed.find((type) => type.def.key === 'Hero')?.def).toEqual(hero);
    const system = listed.filter((type) => type.readOnly);
    expect(system.map((type) => type.def.key)).toContain('ImageMedia');
    expect(system.every((type) => type.source !== undefined)).toBe(true);

    const next: ContentTypeDef = {
      ...hero,
      displayName: 'Hero banner',
      description: 'The big one',
      properties: {
        ...hero.properties,
        heading: { ...hero.properties['heading']!, maxLength: 120, required: undefined },
        subtitle: { type: 'string' },
      },
    };
    const updated = await adapter.resources.contentType.update(hero, next, { precondition: created.version });
    expect(updated.def).toEqual(next);
    expect(updated.version.etag).not.toBe(created.version.etag);
    expect((await adapter.resources.contentType.get('Hero'))?.def).toEqual(next);

    await adapter.resources.contentType.delete('Hero', { precondition: updated.version });
    expect(await adapter.resources.contentType.get('Hero')).toBeNull();
  });

  it('counts content items through the content API of the version', async () => {
    const { adapter, emulator } = harness;
    await adapter.resources.contentType.create({ ...hero, key: 'Counted' });
    expect(await adapter.countContentItems('Counted')).toBe(0);
    emulator.store.addContentItem({ contentType: 'Counted', displayName: 'One' });
    expect(await adapter.countContentItems('Counted')).toBe(1);
  });

  it('creates, lists, updates and deletes a property group', async () => {
    const { adapter } = harness;
    const group: PropertyGroupDef = { key: 'Marketing', displayName: 'Marketing', sortOrder: 5 };
    const created = await adapter.resources.propertyGroup.create(group);
    expect(created.def).toEqual(group);
    const groups = await adapter.resources.propertyGroup.list();
    expect(groups.find((candidate) => candidate.def.key === 'Marketing')).toMatchObject({ def: group, readOnly: false });
    expect(groups.filter((candidate) => candidate.readOnly).length).toBeGreaterThan(0);

    const renamed = await adapter.resources.propertyGroup.update(
      group,
      { key: 'Marketing', displayName: 'Campaigns' },
      { precondition: created.version },
    );
    expect(renamed.def).toEqual({ key: 'Marketing', displayName: 'Campaigns' });
    await adapter.resources.propertyGroup.delete('Marketing', { precondition: renamed.version });
    expect((await adapter.resources.propertyGroup.list()).some((candidate) => candidate.def.key === 'Marketing')).toBe(false);
  });
});

describe('v1 members preview3 cannot store', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it('round-trips contracts, access rights and editor settings through v1', async () => {
    const seo: ContentTypeDef = {
      key: 'SeoContract',
      baseType: null,
      isContract: true,
      displayName: 'SEO',
      properties: { metaTitle: { type: 'string' } },
    };
    const page: ContentTypeDef = {
      key: 'LandingPage',
      baseType: '_page',
      displayName: 'Landing page',
      contracts: ['SeoContract'],
      accessRights: [{ name: 'Editors', type: 'role' }],
      properties: {
        body: { type: 'richText', editorSettings: { preset: 'minimal' }, displayMode: 'hidden' },
        metaTitle: { type: 'string' },
      },
    };
    expect((await harness.adapter.resources.contentType.create(seo)).def).toEqual(seo);
    expect((await harness.adapter.resources.contentType.create(page)).def).toEqual(page);
    expect((await harness.adapter.resources.contentType.get('LandingPage'))?.def).toEqual(page);
  });
});
