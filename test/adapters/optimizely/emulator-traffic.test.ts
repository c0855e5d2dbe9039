import { afterEach, describe, expect, it } from 'vitest';
import { contentTypeToWire } from '../../../src/adapters/optimizely/to-wire.js';
import type { ContentTypeDef } from '../../../src/core/model.js';
import type { ContentTypeDoc } from '../../../src/emulator/index.js';
import type { TrafficOptions } from '../../../src/emulator/traffic/index.js';
import { DEMO_CLIENT_SECRET, startHarness, type Harness } from './emulator-harness.js';
import { adapterFailure } from '../adapter-failure.js';

const TYPES = '/_cms/v1/contenttypes';
const card: ContentTypeDef = { key: 'Card', baseType: '_component', displayName: 'Card', properties: { title: { type: 'string' } } };

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('rate limits', () => {
  it('waits what Retry-After says on 429, then succeeds', async () => {
    const limit: TrafficOptions = { rateLimit: { capacity: 1, refillPerSecond: 0.5 } };
    // The injected sleep refills the bucket instead of waiting two real seconds.
    harness = await startHarness({ onWait: async (_ms, emulator) => emulator.traffic.configure(limit) });
    await harness.adapter.resources.contentType.get('Warm');
    harness.emulator.traffic.configure(limit);
    await harness.adapter.resources.contentType.get('Warm');
    expect(harness.waits).toEqual([]);

    const types = await harness.adapter.resources.contentType.list();
    expect(types.length).toBeGreaterThan(0);
    expect(harness.emulator.traffic.counters().rateLimited).toBe(1);
    // The wait runs from the 429: Retry-After less the milliseconds already gone by.
    expect(harness.waits).toHaveLength(1);
    expect(harness.waits[0]).toBeGreaterThan(1950);
    expect(harness.waits[0]).toBeLessThanOrEqual(2000);
    const retry = harness.events.find((event) => event.type === 'retry');
    expect(retry).toMatchObject({
      type: 'retry',
      method: 'GET',
      status: 429,
      attempt: 1,
      waitMs: 2000,
      reason: 'retry-after',
      errorKind: 'rate_limited',
    });
  });

  it('reports rate_limited when the limit outlasts the attempts', async () => {
    harness = await startHarness({ adapter: { retry: { maxAttempts: 3 } } });
    await harness.adapter.resources.contentType.get('Warm');
    harness.emulator.traffic.configure({ rateLimit: { capacity: 1, refillPerSecond: 0.05 } });
    await harness.adapter.resources.contentType.get('Warm');
    const error = await adapterFailure(harness.adapter.resources.contentType.get('Warm'));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.message).toMatch(/Gave up after 3 attempts/);
    expect(harness.waits).toHaveLength(2);
    for (const wait of harness.waits) expect(error.retryAfterSeconds! * 1000 - wait).toBeLessThan(50);
  });
});

describe('server errors and broken connections are retried', () => {
  const cases: Array<{ name: string; traffic: TrafficOptions; counted: 'status' | 'reset' }> = [
    {
      name: '503 on the first request',
      traffic: { faults: [{ kind: 'status', status: 503, method: 'GET', path: TYPES, requestNumbers: [1] }] },
      counted: 'status',
    },
    {
      name: '500 twice',
      traffic: { faults: [{ kind: 'status', status: 500, method: 'GET', path: TYPES, requestNumbers: [1, 2] }] },
      counted: 'status',
    },
    {
      name: 'a reset connection',
      traffic: { faults: [{ kind: 'reset', method: 'GET', path: TYPES, requestNumbers: [1] }] },
      counted: 'reset',
    },
  ];
  it.each(cases)('$name', async ({ traffic, counted }) => {
    harness = await startHarness({ emulator: { traffic } });
    const types = await harness.adapter.resources.contentType.list();
    expect(types.some((type) => type.def.key === 'ImageMedia')).toBe(true);
    const fired = harness.emulator.traffic.counters().faults[counted];
    expect(fired).toBeGreaterThan(0);
    expect(harness.events.filter((event) => event.type === 'retry')).toHaveLength(fired);
    expect(harness.waits).toHaveLength(fired);
  });

  const exhausted: Array<{ name: string; traffic: TrafficOptions; kind: string; timeoutMs?: number }> = [
    { name: 'server', traffic: { faults: [{ kind: 'status', status: 502, path: TYPES }] }, kind: 'server' },
    { name: 'network', traffic: { faults: [{ kind: 'reset', path: TYPES }] }, kind: 'network' },
    { name: 'timeout', traffic: { faults: [{ kind: 'slow', delayMs: 400, path: TYPES }] }, kind: 'timeout', timeoutMs: 100 },
  ];
  it.each(exhausted)('gives up as $kind when every attempt fails', async ({ traffic, kind, timeoutMs }) => {
    harness = await startHarness({
      emulator: { traffic },
      adapter: { retry: { maxAttempts: 3 }, ...(timeoutMs === undefined ? {} : { timeoutMs }) },
    });
    const error = await adapterFailure(harness.adapter.resources.contentType.list());
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(/Gave up after 3 attempts/);
    expect(harness.events.filter((event) => event.type === 'request' && event.path.startsWith(TYPES))).toHaveLength(3);
  });
});

describe('ambiguous writes', () => {
  // A gateway error after the CMS applied the write: the fault answers 503, and the injected
  // sleep makes the write land as the CMS behind the gateway would have.
  it('a create that landed behind a 503 is not a failure when its retry is answered 409', async () => {
    harness = await startHarness({
      emulator: { traffic: { faults: [{ kind: 'status', status: 503, method: 'POST', path: TYPES, requestNumbers: [1] }] } },
      onWait: async (_ms, emulator) => {
        emulator.store.contentTypes.create(contentTypeToWire(card, 'v1') as unknown as ContentTypeDoc, { actor: 'api' });
      },
    });
    const live = await harness.adapter.resources.contentType.create(card);
    expect(live.def).toEqual(card);
    const counters = harness.emulator.traffic.counters();
    expect(counters.byRoute[`POST ${TYPES}`]).toBe(2);
    expect(counters.byStatus['409']).toBe(1);
  });

  it('a retried create that finds a different type reports conflict', async () => {
    harness = await startHarness({
      emulator: { traffic: { faults: [{ kind: 'reset', method: 'POST', path: TYPES, requestNumbers: [1] }] } },
      onWait: async (_ms, emulator) => {
        emulator.store.contentTypes.create(
          { key: 'Card', displayName: 'Someone else’s card', baseType: '_component', properties: {} },
          { actor: 'someone' },
        );
      },
    });
    const error = await adapterFailure(harness.adapter.resources.contentType.create(card));
    expect(error.kind).toBe('conflict');
    expect(harness.emulator.traffic.counters().byStatus['409']).toBe(1);
  });

  it('an update that landed behind a 503 is not a failure when its retry is answered 412', async () => {
    const next = { ...card, displayName: 'Card v2' };
    harness = await startHarness({
      onWait: async (_ms, emulator) => {
        emulator.store.editContentType('Card', (doc) => ({ ...doc, displayName: 'Card v2' }));
      },
    });
    const created = await harness.adapter.resources.contentType.create(card);
    harness.emulator.traffic.configure({ faults: [{ kind: 'status', status: 503, method: 'PATCH', requestNumbers: [1] }] });
    const live = await harness.adapter.resources.contentType.update(card, next, { precondition: created.version });
    expect(live.def).toEqual(next);
    expect(harness.emulator.traffic.counters().byStatus['412']).toBe(1);
  });

  it('an update whose retry finds someone else’s change reports stale', async () => {
    harness = await startHarness({
      onWait: async (_ms, emulator) => {
        emulator.store.editContentType('Card', (doc) => ({ ...doc, displayName: 'Edited in the CMS' }));
      },
    });
    const created = await harness.adapter.resources.contentType.create(card);
    harness.emulator.traffic.configure({ faults: [{ kind: 'status', status: 503, method: 'PATCH', requestNumbers: [1] }] });
    const error = await adapterFailure(
      harness.adapter.resources.contentType.update(card, { ...card, displayName: 'Card v2' }, { precondition: created.version }),
    );
    expect(error.kind).toBe('stale');
  });

  it('a delete that landed behind a 503 is not a failure when its retry is answered 404', async () => {
    harness = await startHarness({
      onWait: async (_ms, emulator) => {
        emulator.store.contentTypes.delete('Card');
      },
    });
    const created = await harness.adapter.resources.contentType.create(card);
    harness.emulator.traffic.configure({ faults: [{ kind: 'status', status: 503, method: 'DELETE', requestNumbers: [1] }] });
    await harness.adapter.resources.contentType.delete('Card', { precondition: created.version });
    expect(harness.emulator.traffic.counters().byStatus['404']).toBe(1);
  });
});

describe('secrets', () => {
  it('never appear in events or error messages', async () => {
    harness = await startHarness({
      emulator: { traffic: { faults: [{ kind: 'status', status: 503, requestNumbers: [2] }] } },
      adapter: { retry: { maxAttempts: 2 } },
    });
    await harness.adapter.resources.contentType.list();
    const error = await adapterFailure(harness.adapter.resources.contentType.delete('Missing'));
    const text = JSON.stringify([harness.events, error.message, error.fieldErrors]);
    expect(text).not.toContain(DEMO_CLIENT_SECRET);
    expect(text).not.toMatch(/bearer|access_token/i);
    expect(harness.events.some((event) => event.type === 'request' && event.path.endsWith('/oauth/token'))).toBe(true);
  });
});
