import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOptimizelyAdapter } from '../../src/adapters/optimizely/index.js';
import type { PlatformAdapter } from '../../src/adapters/port.js';
import { OPTIMIZELY_PROFILE } from '../../src/adapters/optimizely/profile.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import { createPlan, type Plan } from '../../src/core/plan.js';
import { emptyBaseState, type BaseState } from '../../src/core/state.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { applyPlan, type ApplyInput } from '../../src/engine/apply-plan.js';
import { baseFromLock } from '../../src/engine/base-from-lock.js';
import { readLive } from '../../src/engine/read-live.js';
import { emptyLockfile, lockedTarget } from '../../src/io/lockfile/lockfile.js';

const type = (key: string, extra: Partial<ContentTypeDef> = {}): ContentTypeDef => ({
  key,
  baseType: '_component',
  displayName: key,
  properties: { title: { type: 'string' } },
  ...extra,
});

let emulator: RunningEmulator;
let adapter: PlatformAdapter;
let dir: string;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
  adapter = createOptimizelyAdapter({
    apiUrl: emulator.url,
    apiVersion: 'v1',
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    retry: { maxAttempts: 1 },
  });
  dir = await mkdtemp(join(tmpdir(), 'catalyst-apply-'));
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

function input(plan: Plan, extra: Partial<ApplyInput> = {}): ApplyInput {
  return {
    plan,
    adapter,
    lock: emptyLockfile(),
    lockfilePath: join(dir, 'catalyst.lock.json'),
    historyFile: join(dir, 'history.jsonl'),
    backupDir: join(dir, 'backups'),
    targetName: 'test',
    actor: 'tester',
    now: () => '2026-01-01T00:00:00.000Z',
    allowDestructive: false,
    ...extra,
  };
}

const onDisk = async () => lockedTarget(JSON.parse(await readFile(join(dir, 'catalyst.lock.json'), 'utf8')), 'test');

describe('applyPlan', () => {
  it('interrupted during a step: finishes and records that step, then starts no other', async () => {
    const plan = await planFor([type('Alpha'), type('Beta'), type('Gamma')]);
    const controller = new AbortController();
    const result = await applyPlan(
      input(plan, {
        signal: controller.signal,
        onStep: (event) => event.type === 'start' && event.step.key === 'Beta' && controller.abort(),
      }),
    );

    expect(result.interrupted).toBe(true);
    expect(result.completed.map((outcome) => outcome.key)).toEqual(['Alpha', 'Beta']);
    expect(result.skipped.map((step) => step.key)).toEqual(['Gamma']);
    expect(Object.keys((await onDisk()).contentTypes)).toEqual(['Alpha', 'Beta']);
    const history = (await readFile(join(dir, 'history.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { key: string }).key);
    expect(history).toEqual(['Alpha', 'Beta']);
    expect(emulator.store.contentTypes.has('Beta')).toBe(true);
    expect(emulator.store.contentTypes.has('Gamma')).toBe(false);

    const rest = await planFor([type('Alpha'), type('Beta'), type('Gamma')], baseFromLock(result.lock, 'test'));
    expect(rest.steps.map((step) => `${step.action} ${step.key}`)).toEqual(['create Gamma']);
  });

  it('records the steps before a failure and reports the failed one; the next plan picks up there', async () => {
    const plan = await planFor([type('Alpha'), type('Beta')]);
    emulator.traffic.configure({
      faults: [{ kind: 'status', status: 500, method: 'POST', path: '/_cms/v1/contenttypes', requestNumbers: [2] }],
    });
    const result = await applyPlan(input(plan));

    expect(result.failed?.step.key).toBe('Beta');
    expect(result.completed.map((outcome) => outcome.key)).toEqual(['Alpha']);
    expect(Object.keys((await onDisk()).contentTypes)).toEqual(['Alpha']);
    const history = (await readFile(join(dir, 'history.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { key: string; action: string; actor: string });
    expect(history).toEqual([expect.objectContaining({ key: 'Alpha', action: 'create', actor: 'tester' })]);

    emulator.traffic.configure({});
    const rest = await planFor([type('Alpha'), type('Beta')], baseFromLock(result.lock, 'test'));
    expect(rest.steps.map((step) => `${step.action} ${step.key}`)).toEqual(['create Beta']);
  });

  it('refuses destructive changes without approval before writing anything, and backs up what it deletes with approval', async () => {
    const created = await applyPlan(input(await planFor([type('Alpha'), type('Beta')])));
    const removal = await planFor([type('Alpha')], baseFromLock(created.lock, 'test'));
    const before = emulator.traffic.counters().total;
    await expect(applyPlan(input(removal, { lock: created.lock }))).rejects.toThrow(/Destructive changes need approval/);
    expect(emulator.traffic.counters().total).toBe(before);
    expect(emulator.store.contentTypes.has('Beta')).toBe(true);

    const result = await applyPlan(input(removal, { lock: created.lock, allowDestructive: true }));
    expect(result.failed).toBeUndefined();
    expect(emulator.store.contentTypes.has('Beta')).toBe(false);
    const history = (await readFile(join(dir, 'history.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; backup?: string; codes?: string[] });
    const deletion = history.find((record) => record.action === 'delete');
    expect(deletion?.codes).toEqual(['DS101']);
    expect(deletion?.backup).toMatch(/^backups\//);
    const backup = JSON.parse(await readFile(join(dir, deletion?.backup ?? ''), 'utf8')) as { def: ContentTypeDef };
    expect(backup.def.key).toBe('Beta');
  });
});
