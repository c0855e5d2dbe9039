import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentTypeDef } from '../../../src/core/model.js';
import { startHarness, type Harness } from './emulator-harness.js';
import { adapterFailure } from '../adapter-failure.js';

let clock = Date.parse('2026-05-01T10:00:00.000Z');
const tick = (ms: number) => void (clock += ms);

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ emulator: { now: () => new Date(clock) }, adapter: { now: () => clock } });
});
afterAll(() => harness.close());

const teaser = (key: string): ContentTypeDef => ({
  key,
  baseType: '_component',
  displayName: key,
  properties: { title: { type: 'string' }, body: { type: 'richText' } },
});

describe('preconditions', () => {
  it('a write against an old ETag is stale and changes nothing', async () => {
    const { adapter, emulator } = harness;
    const created = await adapter.resources.contentType.create(teaser('StaleByEtag'));
    emulator.store.editContentType('StaleByEtag', (doc) => ({ ...doc, displayName: 'Edited in the CMS' }));
    const error = await adapterFailure(
      adapter.resources.contentType.update(created.def, { ...created.def, description: 'Ours' }, { precondition: created.version }),
    );
    expect(error.kind).toBe('stale');
    expect(error.status).toBe(412);
    expect((await adapter.resources.contentType.get('StaleByEtag'))?.def.displayName).toBe('Edited in the CMS');
    expect((await adapterFailure(adapter.resources.contentType.delete('StaleByEtag', { precondition: created.version }))).kind).toBe(
      'stale',
    );
    expect(await adapter.resources.contentType.get('StaleByEtag')).not.toBeNull();
  });

  it('without an ETag, If-Unmodified-Since from lastModified guards the write', async () => {
    const { adapter, emulator } = harness;
    const created = await adapter.resources.contentType.create(teaser('StaleByDate'));
    tick(5_000);
    emulator.store.editContentType('StaleByDate', (doc) => ({ ...doc, displayName: 'Edited later' }));
    const precondition = { lastModified: created.version.lastModified };
    expect(
      (await adapterFailure(adapter.resources.contentType.update(created.def, { ...created.def, description: 'Ours' }, { precondition })))
        .kind,
    ).toBe('stale');

    const current = (await adapter.resources.contentType.get('StaleByDate'))!;
    const updated = await adapter.resources.contentType.update(
      current.def,
      { ...current.def, description: 'Ours' },
      { precondition: { lastModified: current.version.lastModified } },
    );
    expect(updated.def.description).toBe('Ours');
  });
});

describe('data loss', () => {
  it('is refused as data_loss unless allowed, and then applied', async () => {
    const { adapter } = harness;
    const created = await adapter.resources.contentType.create(teaser('Lossy'));
    const { body: _removed, ...kept } = created.def.properties;
    const next: ContentTypeDef = { ...created.def, properties: kept };
    const error = await adapterFailure(adapter.resources.contentType.update(created.def, next, { precondition: created.version }));
    expect(error.kind).toBe('data_loss');
    expect(error.message).toMatch(/PATCH \/contenttypes\/Lossy was refused because it could lose content data/);
    expect((await adapter.resources.contentType.get('Lossy'))?.def).toEqual(created.def);

    const applied = await adapter.resources.contentType.update(created.def, next, { precondition: created.version, allowDataLoss: true });
    expect(applied.def).toEqual(next);
  });
});

describe('content items', () => {
  it('counts items and refuses to delete a type that has some with DependencyConflict', async () => {
    const { adapter, emulator } = harness;
    await adapter.resources.contentType.create(teaser('InUse'));
    expect(await adapter.countContentItems('InUse')).toBe(0);
    emulator.store.addContentItem({ contentType: 'InUse', displayName: 'First' });
    emulator.store.addContentItem({ contentType: 'InUse', displayName: 'Second' });
    expect(await adapter.countContentItems('InUse')).toBe(2);
    const error = await adapterFailure(adapter.resources.contentType.delete('InUse'));
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('DependencyConflict');
    expect(await adapter.resources.contentType.get('InUse')).not.toBeNull();
  });
});

describe('paging', () => {
  it('lists over 250 user types in pages of 100', async () => {
    const { emulator } = harness;
    const { adapter } = harness.connect();
    const before = (await adapter.resources.contentType.list()).length;
    for (let index = 0; index < 250; index += 1) {
      const key = `Paged${String(index).padStart(3, '0')}`;
      emulator.store.contentTypes.create({ key, displayName: key, baseType: '_component', properties: {} }, { actor: 'test' });
    }
    emulator.traffic.reset();
    const listed = await adapter.resources.contentType.list();
    expect(listed).toHaveLength(before + 250);
    expect(new Set(listed.map((type) => type.def.key)).size).toBe(listed.length);
    expect(listed.filter((type) => type.def.key.startsWith('Paged'))).toHaveLength(250);
    expect(emulator.traffic.counters().byRoute['GET /_cms/v1/contenttypes']).toBe(Math.floor((before + 250) / 100) + 1);
  });
});

describe('tokens', () => {
  it('reuses one token across calls and shares it among concurrent callers', async () => {
    const { emulator } = harness;
    const { adapter } = harness.connect();
    emulator.traffic.reset();
    await Promise.all(['A', 'B', 'C', 'D', 'E'].map((key) => adapter.resources.contentType.get(key)));
    await adapter.resources.contentType.list();
    await adapter.resources.propertyGroup.list();
    expect(emulator.traffic.counters().byRoute['POST /_cms/v1/oauth/token']).toBe(1);
  });

  it('asks for a new token shortly before the old one expires', async () => {
    const { emulator } = harness;
    const { adapter } = harness.connect();
    emulator.traffic.reset();
    await adapter.resources.contentType.get('X');
    tick(200_000);
    await adapter.resources.contentType.get('X');
    expect(emulator.traffic.counters().byRoute['POST /_cms/v1/oauth/token']).toBe(1);
    tick(80_000);
    await adapter.resources.contentType.get('X');
    expect(emulator.traffic.counters().byRoute['POST /_cms/v1/oauth/token']).toBe(2);
  });

  it('recovers with a new token when the platform no longer accepts the old one', async () => {
    const { emulator } = harness;
    const frozen = clock;
    const { adapter } = harness.connect({ now: () => frozen });
    emulator.traffic.reset();
    await adapter.resources.contentType.get('X');
    tick(400_000);
    expect(await adapter.resources.contentType.get('X')).toBeNull();
    const counters = emulator.traffic.counters();
    expect(counters.byRoute['POST /_cms/v1/oauth/token']).toBe(2);
    expect(counters.byStatus['401']).toBe(1);
  });

  it('reports wrong credentials as auth, naming the variables, never the secret', async () => {
    const wrongSecret = 'not-the-demo-secret-1234';
    const { adapter, events } = harness.connect({ clientSecret: wrongSecret });
    const error = await adapterFailure(adapter.resources.contentType.list());
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/OPTIMIZELY_CMS_CLIENT_ID and OPTIMIZELY_CMS_CLIENT_SECRET/);
    expect(JSON.stringify([error.message, error.fieldErrors, events])).not.toContain(wrongSecret);
  });
});
