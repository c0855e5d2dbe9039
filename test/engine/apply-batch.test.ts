import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOptimizelyAdapter } from '../../src/adapters/optimizely/index.js';
import { OPTIMIZELY_PROFILE } from '../../src/adapters/optimizely/profile.js';
import type { PlatformAdapter } from '../../src/adapters/port.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import { createPlan, type Plan } from '../../src/core/plan.js';
import { emptyBaseState, type BaseState } from '../../src/core/state.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { applyPlan, type ApplyInput } from '../../src/engine/apply-plan.js';
import { baseFromLock } from '../../src/engine/base-from-lock.js';
import { readLive } from '../../src/engine/read-live.js';
import { emptyLockfile, type Lockfile } from '../../src/io/lockfile/lockfile.js';

const KEYS = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
const type = (key: string, displayName = key): ContentTypeDef => ({
  key,
  baseType: '_component',
  displayName,
  properties: { title: { type: 'string' } },
});

let emulator: RunningEmulator;
let adapter: PlatformAdapter;
let dir: string;
let duringSleep: (() => void) | undefined;

async function start(apiVersion: 'v1' | 'preview3' = 'v1') {
  emulator = await startEmulator({
    port: 0,
    trafficDeps: {
      sleep: async () => {
        const during = duringSleep;
        duringSleep = undefined;
        during?.();
      },
    },
  });
  adapter = createOptimizelyAdapter({
    apiUrl: emulator.url,
    apiVersion,
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    retry: { maxAttempts: 1 },
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-batch-'));
});

afterEach(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

async function planFor(types: ContentTypeDef[], base: BaseState = emptyBaseState()): Promise<Plan> {
  return createPlan({
    desired: { contentTypes: types.map((def) => ({ def })), propertyGroups: [], displayTemplates: [] },
    base,
    live: await readLive(adapter),
    options: {
      now: '2026-01-01T00:00:00.000Z',
      target: { name: 'test', platform: 'optimizely', description: 'emulator' },
      rules: OPTIMIZELY_PROFILE,
    },
  });
}

function input(plan: Plan, lock: Lockfile = emptyLockfile(), extra: Partial<ApplyInput> = {}): ApplyInput {
  return {
    plan,
    adapter,
    lock,
    lockfilePath: join(dir, 'catalyst.lock.json'),
    historyFile: join(dir, 'history.jsonl'),
    backupDir: join(dir, 'backups'),
    targetName: 'test',
    actor: 'tester',
    now: () => new Date().toISOString(),
    allowDestructive: false,
    ...extra,
  };
}

/** Requests by route since the last reset, the token left out. */
function routes(): Record<string, number> {
  return Object.fromEntries(Object.entries(emulator.traffic.counters().byRoute).filter(([route]) => !route.includes('/oauth/')));
}

async function created(): Promise<Lockfile> {
  const result = await applyPlan(input(await planFor(KEYS.map((key) => type(key)))));
  expect(result.failed).toBeUndefined();
  return result.lock;
}

describe('batch writes (v1 manifest)', () => {
  it('creates many types in three requests: a read, one POST /manifest and a read-back; the next plan is empty', async () => {
    await start();
    const plan = await planFor(KEYS.map((key) => type(key)));
    emulator.traffic.reset();
    const result = await applyPlan(input(plan));

    expect(result.failed).toBeUndefined();
    expect(result.completed.map((outcome) => `${outcome.action} ${outcome.key}`).sort()).toEqual(KEYS.map((key) => `create ${key}`).sort());
    expect(routes()).toEqual({ 'GET /_cms/v1/manifest': 2, 'POST /_cms/v1/manifest': 1 });
    expect(KEYS.filter((key) => emulator.store.contentTypes.has(key))).toEqual(KEYS);
    const again = await planFor(
      KEYS.map((key) => type(key)),
      baseFromLock(result.lock, 'test'),
    );
    expect(again.steps).toEqual([]);
  });

  it('updates many types in three requests, and a refresh is one request', async () => {
    await start();
    const lock = await created();
    emulator.traffic.reset();
    const plan = await planFor(
      KEYS.map((key) => type(key, `${key} v2`)),
      baseFromLock(lock, 'test'),
    );
    expect(routes()).toEqual({ 'GET /_cms/v1/manifest': 1 });
    emulator.traffic.reset();
    const result = await applyPlan(input(plan, lock));

    expect(result.failed).toBeUndefined();
    expect(routes()).toEqual({ 'GET /_cms/v1/manifest': 2, 'POST /_cms/v1/manifest': 1 });
    expect(emulator.store.contentTypes.get('Gamma')!.doc.displayName).toBe('Gamma v2');
  });

  it('a type changed in the CMS after the plan is not written and fails as stale; the others are written', async () => {
    await start();
    const lock = await created();
    const plan = await planFor(
      KEYS.map((key) => type(key, `${key} v2`)),
      baseFromLock(lock, 'test'),
    );
    emulator.store.editContentType('Gamma', (doc) => ({ ...doc, description: 'Edited in the CMS' }));
    const result = await applyPlan(input(plan, lock));

    expect(result.failed?.step.key).toBe('Gamma');
    expect(String(result.failed?.error)).toContain('was changed in the CMS after the plan was made');
    expect(result.completed.map((outcome) => outcome.key).sort()).toEqual(['Alpha', 'Beta', 'Delta', 'Epsilon']);
    expect(emulator.store.contentTypes.get('Gamma')!.doc).toMatchObject({ displayName: 'Gamma', description: 'Edited in the CMS' });
  });

  it('a create whose type appeared in the CMS: the same definition counts as done, another fails as stale', async () => {
    await start();
    const plan = await planFor(KEYS.map((key) => type(key)));
    await adapter.resources.contentType.create(type('Alpha'));
    await adapter.resources.contentType.create(type('Beta', 'Someone else’s Beta'));
    emulator.traffic.reset();
    const result = await applyPlan(input(plan));

    expect(result.failed?.step.key).toBe('Beta');
    expect(String(result.failed?.error)).toContain('was created in the CMS after the plan was made');
    expect(result.completed.map((outcome) => outcome.key).sort()).toEqual(['Alpha', 'Delta', 'Epsilon', 'Gamma']);
    expect(emulator.store.contentTypes.get('Beta')!.doc.displayName).toBe('Someone else’s Beta');
  });

  it('a type edited between the write and the read-back fails as stale; the CMS edit stays', async () => {
    await start();
    const plan = await planFor(KEYS.map((key) => type(key)));
    emulator.traffic.configure({ faults: [{ kind: 'slow', delayMs: 1, method: 'GET', path: '/**/manifest', requestNumbers: [2] }] });
    duringSleep = () => emulator.store.editContentType('Delta', (doc) => ({ ...doc, displayName: 'Delta, edited' }));
    const result = await applyPlan(input(plan));

    expect(result.failed?.step.key).toBe('Delta');
    expect(String(result.failed?.error)).toContain('was changed in the CMS while catalyst was writing it');
    expect(result.completed).toHaveLength(4);
    expect(emulator.store.contentTypes.get('Delta')!.doc.displayName).toBe('Delta, edited');
  });

  it('a resource the platform refuses fails alone, with the platform’s reason', async () => {
    await start();
    const bad: ContentTypeDef = { ...type('Delta'), properties: { 'not a key': { type: 'string' } } };
    const plan = await planFor([...KEYS.filter((key) => key !== 'Delta').map((key) => type(key)), bad]);
    const result = await applyPlan(input(plan));

    expect(result.failed?.step.key).toBe('Delta');
    expect(String(result.failed?.error)).toMatch(/POST \/manifest: the platform refused content type 'Delta': .*not a key/);
    expect(result.completed).toHaveLength(4);
    expect(emulator.store.contentTypes.has('Delta')).toBe(false);
  });

  it('batch: false writes one resource per request, and so does a plan with fewer than four writes', async () => {
    await start();
    const plan = await planFor(KEYS.map((key) => type(key)));
    emulator.traffic.reset();
    expect((await applyPlan(input(plan, emptyLockfile(), { batch: false }))).failed).toBeUndefined();
    expect(routes()).toEqual({ 'POST /_cms/v1/contenttypes': 5 });

    const small = await planFor([...KEYS.map((key) => type(key)), type('Zeta'), type('Eta')]);
    emulator.traffic.reset();
    expect((await applyPlan(input(small))).failed).toBeUndefined();
    expect(routes()).toEqual({ 'POST /_cms/v1/contenttypes': 2 });
  });

  it('preview3 has no manifest: the refresh lists per kind and writes go one by one', async () => {
    await start('preview3');
    const plan = await planFor(KEYS.map((key) => type(key)));
    emulator.traffic.reset();
    expect((await applyPlan(input(plan))).failed).toBeUndefined();
    expect(routes()).toEqual({ 'POST /preview3/contenttypes': 5 });
  });
});
