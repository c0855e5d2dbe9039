/**
 * `npm run bench`: speed and memory of catalyst's main paths, measured, not asserted.
 *
 *   1. the pure planner on synthetic desired/base/live states (no I/O);
 *   2. plan and apply against the emulator over real HTTP (in-process, loopback), counting the
 *      requests each path costs;
 *   3. with `--rate-limited`: a real apply under the emulator's 100 requests/minute token bucket,
 *      to see 429 + Retry-After handling end to end (takes about a minute).
 *
 * Figures go to stdout as a Markdown table; run it on an idle machine and compare runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createOptimizelyAdapter } from '../src/adapters/optimizely/index.js';
import type { PlatformAdapter } from '../src/adapters/port.js';
import { OPTIMIZELY_PROFILE } from '../src/adapters/optimizely/profile.js';
import type { ContentTypeDef, PropertyDef } from '../src/core/model.js';
import { normalizeContentType } from '../src/core/normalize.js';
import { createPlan, type Plan } from '../src/core/plan.js';
import { emptyBaseState, type BaseState, type DesiredState } from '../src/core/state.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator, type EmulatorOptions } from '../src/emulator/index.js';
import { applyPlan } from '../src/engine/apply-plan.js';
import { baseFromLock } from '../src/engine/base-from-lock.js';
import { readLive } from '../src/engine/read-live.js';
import { emptyLockfile, type Lockfile } from '../src/io/lockfile/lockfile.js';

const rows: Array<[string, string, string]> = [];
const report = (what: string, figure: string, note = '') => {
  rows.push([what, figure, note]);
  process.stderr.write(`  ${what}: ${figure}\n`);
};

function syntheticType(index: number, properties: number, variant = 0): ContentTypeDef {
  const props: Record<string, PropertyDef> = {};
  for (let p = 0; p < properties; p++) {
    const kind = p % 5;
    props[`field${p}`] =
      kind === 0
        ? { type: 'string', displayName: `Field ${p}${variant ? ' (v2)' : ''}`, maxLength: 200, localized: true }
        : kind === 1
          ? { type: 'richText', displayName: `Body ${p}` }
          : kind === 2
            ? { type: 'array', items: { type: 'string' }, displayName: `Tags ${p}` }
            : kind === 3
              ? { type: 'contentReference', allowedTypes: ['_image'], displayName: `Image ${p}` }
              : { type: 'integer', minimum: 0, maximum: 100, displayName: `Count ${p}` };
  }
  return normalizeContentType(
    { key: `Bench${index}`, baseType: '_component', displayName: `Bench ${index}`, properties: props },
    OPTIMIZELY_PROFILE.defaults,
  );
}

function desiredOf(defs: ContentTypeDef[]): DesiredState {
  return { contentTypes: defs.map((def) => ({ def })), propertyGroups: [], displayTemplates: [] };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function plan(desired: DesiredState, base: BaseState, live: Parameters<typeof createPlan>[0]['live']): Plan {
  return createPlan({
    desired,
    base,
    live,
    options: {
      now: '2026-01-01T00:00:00.000Z',
      target: { name: 'bench', platform: 'optimizely', description: 'bench' },
      rules: OPTIMIZELY_PROFILE,
    },
  });
}

function benchPurePlanner(types: number, properties: number): void {
  const defs = Array.from({ length: types }, (_, i) => syntheticType(i, properties));
  const edited = defs.map((def, i) => (i % 10 === 0 ? syntheticType(i, properties, 1) : def));
  const base: BaseState = emptyBaseState();
  for (const def of defs) base.contentTypes[def.key] = { def, digest: '', version: {}, syncedAt: '', syncedBy: '' };
  const live = {
    contentTypes: defs.map((def) => ({ def, version: { etag: '"1"' }, readOnly: false })),
    propertyGroups: [],
    displayTemplates: [],
  };
  const times: number[] = [];
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let result: Plan | undefined;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    result = plan(desiredOf(edited), base, live);
    times.push(performance.now() - start);
  }
  const heapAfter = process.memoryUsage().heapUsed;
  report(
    `createPlan, ${types} types × ${properties} properties, 10% modified`,
    `${median(times).toFixed(0)} ms (median of 5)`,
    `${result?.summary.actions.update} updates; heap +${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB over 5 runs`,
  );
}

async function withEmulator<T>(
  options: EmulatorOptions,
  work: (adapter: PlatformAdapter, counters: () => number) => Promise<T>,
): Promise<T> {
  const emulator = await startEmulator({ port: 0, ...options });
  const adapter = createOptimizelyAdapter({
    apiUrl: emulator.url,
    apiVersion: 'v1',
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
  });
  try {
    return await work(adapter, () => emulator.traffic.counters().total);
  } finally {
    await emulator.close();
  }
}

async function applyAll(adapter: PlatformAdapter, planned: Plan, lock: Lockfile, dir: string): Promise<Lockfile> {
  const result = await applyPlan({
    plan: planned,
    adapter,
    lock,
    lockfilePath: join(dir, 'catalyst.lock.json'),
    historyFile: join(dir, 'history.jsonl'),
    backupDir: join(dir, 'backups'),
    targetName: 'bench',
    actor: 'bench',
    now: () => new Date().toISOString(),
    allowDestructive: true,
  });
  if (result.failed) throw result.failed.error;
  return result.lock;
}

async function benchOverHttp(types: number, properties: number, options: EmulatorOptions, label: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'catalyst-bench-'));
  try {
    await withEmulator(options, async (adapter, requests) => {
      const defs = Array.from({ length: types }, (_, i) => syntheticType(i, properties));
      let start = performance.now();
      let before = requests();
      const live0 = await readLive(adapter);
      const createPlanned = plan(desiredOf(defs), emptyBaseState(), live0);
      const lock = await applyAll(adapter, createPlanned, emptyLockfile(), dir);
      report(
        `${label}: refresh + apply, create ${types} types`,
        `${((performance.now() - start) / 1000).toFixed(2)} s`,
        `${requests() - before} requests (${((requests() - before) / types).toFixed(2)} per type, token included)`,
      );

      start = performance.now();
      before = requests();
      const live1 = await readLive(adapter);
      const empty = plan(desiredOf(defs), baseFromLock(lock, 'bench'), live1);
      report(
        `${label}: refresh + plan, ${types} types in sync`,
        `${(performance.now() - start).toFixed(0)} ms`,
        `${requests() - before} requests; ${empty.summary.steps} steps (must be 0)`,
      );

      const edited = defs.map((def, i) => (i % 10 === 0 ? syntheticType(i, properties, 1) : def));
      start = performance.now();
      before = requests();
      const editPlan = plan(desiredOf(edited), baseFromLock(lock, 'bench'), await readLive(adapter));
      await applyAll(adapter, editPlan, lock, dir);
      const writes = editPlan.summary.writes;
      report(
        `${label}: refresh + apply, update ${writes} types`,
        `${((performance.now() - start) / 1000).toFixed(2)} s`,
        `${requests() - before} requests (one PATCH per update, If-Match from the lockfile, plus the refresh)`,
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

process.stderr.write('catalyst benchmark\n');
benchPurePlanner(200, 15);
benchPurePlanner(1000, 20);
await benchOverHttp(200, 15, {}, 'emulator, no limit');
if (process.argv.includes('--rate-limited'))
  await benchOverHttp(120, 10, { traffic: { rateLimit: '100/min' } }, 'emulator at 100 requests/min');
else report('emulator at 100 requests/min', 'skipped', 'run `npm run bench -- --rate-limited` (about two minutes)');

process.stdout.write(
  `\n| measure | figure | note |\n|---|---|---|\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n\nNode ${process.version}, ${process.platform}/${process.arch}.\n`,
);
