import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOptimizelyAdapter } from '../../src/adapters/optimizely/index.js';
import type { PlatformAdapter } from '../../src/adapters/port.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { applyPlan } from '../../src/engine/apply-plan.js';
import { reconcile } from '../../src/engine/reconcile.js';
import type { Config, SelectedTarget } from '../../src/io/config/config.js';
import { Secret } from '../../src/io/config/secret.js';
import { emptyLockfile, type Lockfile } from '../../src/io/lockfile/lockfile.js';

const yaml = (withBody: boolean) => `key: Story
baseType: page
displayName: Story
properties:
  title: string
${withBody ? '  body: richText\n' : ''}`;

let emulator: RunningEmulator;
let dir: string;
let config: Config;
let target: SelectedTarget;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'catalyst-counts-'));
  await mkdir(join(dir, 'content-types'));
  config = {
    rootDir: dir,
    contentTypesDir: join(dir, 'content-types'),
    lockfilePath: join(dir, 'catalyst.lock.json'),
    mode: 'push',
    strategy: 'manual',
    targets: [],
  };
  target = {
    name: 'test',
    platform: 'optimizely',
    apiVersion: 'v1',
    batch: true,
    endpoint: { kind: 'remote', apiUrl: emulator.url },
    credentials: { clientId: DEMO_CLIENT_ID, clientSecret: new Secret(DEMO_CLIENT_SECRET) },
    env: { url: 'OPTIMIZELY_CMS_API_URL', clientId: 'OPTIMIZELY_CMS_CLIENT_ID', clientSecret: 'OPTIMIZELY_CMS_CLIENT_SECRET' },
    sync: { mode: 'push', strategy: 'manual', strategies: [], cmsOwns: [] },
  };
});

afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

const adapter = () =>
  createOptimizelyAdapter({ apiUrl: emulator.url, apiVersion: 'v1', clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET });

async function plan(lock: Lockfile) {
  const result = await reconcile({ config, target, adapter: adapter(), lock, cwd: dir, now: '2026-01-01T00:00:00.000Z' });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.plan;
}

describe('reconcile counts the content a destructive change affects', () => {
  it('counts items only for types changed destructively, shows none for safe plans, and unknown when the platform fails to count', async () => {
    await writeFile(join(dir, 'content-types', 'Story.yaml'), yaml(true));
    const create = await plan(emptyLockfile());
    expect(create.resources.find((resource) => resource.key === 'Story')?.contentItems).toBeUndefined();
    const applied = await applyPlan({
      plan: create,
      adapter: adapter(),
      lock: emptyLockfile(),
      lockfilePath: config.lockfilePath,
      historyFile: join(dir, 'history.jsonl'),
      backupDir: join(dir, 'backups'),
      targetName: 'test',
      actor: 'tester',
      now: () => '2026-01-01T00:00:00.000Z',
      allowDestructive: false,
    });
    expect(applied.failed).toBeUndefined();

    for (const name of ['One', 'Two', 'Three']) emulator.store.addContentItem({ contentType: 'Story', displayName: name });
    await writeFile(join(dir, 'content-types', 'Story.yaml'), yaml(false));
    const removal = await plan(applied.lock);
    const story = removal.resources.find((resource) => resource.key === 'Story');
    expect(story?.codes).toEqual(['DS102']);
    expect(story?.contentItems).toBe(3);

    await rm(join(dir, 'content-types', 'Story.yaml'));
    await writeFile(join(dir, 'content-types', 'Other.yaml'), 'key: Other\nbaseType: component\ndisplayName: Other\n');
    const deletion = await plan(applied.lock);
    expect(deletion.resources.find((resource) => resource.key === 'Story')?.contentItems).toBe(3);
    expect(deletion.resources.find((resource) => resource.key === 'Other')?.contentItems).toBeUndefined();

    emulator.traffic.configure({ faults: [{ kind: 'status', status: 500, method: 'GET', path: '/**/content/**' }] });
    try {
      const once = createOptimizelyAdapter({
        apiUrl: emulator.url,
        apiVersion: 'v1',
        clientId: DEMO_CLIENT_ID,
        clientSecret: DEMO_CLIENT_SECRET,
        retry: { maxAttempts: 1 },
      });
      const failed = await reconcile({ config, target, adapter: once, lock: applied.lock, cwd: dir, now: '2026-01-01T00:00:00.000Z' });
      expect(failed.ok && failed.plan.resources.find((resource) => resource.key === 'Story')?.contentItems).toBeNull();
    } finally {
      emulator.traffic.configure({});
    }
    const buggy = Object.assign(Object.create(adapter()) as PlatformAdapter, {
      countContentItems: () => Promise.reject(new TypeError('a bug')),
    });
    await expect(
      reconcile({ config, target, adapter: buggy, lock: applied.lock, cwd: dir, now: '2026-01-01T00:00:00.000Z' }),
    ).rejects.toThrow('a bug');
  });
});
