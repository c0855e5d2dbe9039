/**
 * The same work through catalyst, a PoC-style per-type client and the official CLI, each on a
 * fresh emulator with the limiter and latency of the issue (100 requests/minute, 100 ms), runs
 * interleaved. Requests and 429s are the emulator's own counts.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPTIMIZELY_PROFILE } from '../../src/adapters/optimizely/profile.js';
import type { ContentTypeDef, PropertyDef } from '../../src/core/model.js';
import { normalizeContentType } from '../../src/core/normalize.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { officialPush } from './official-cli.js';
import { pocSync } from './poc-client.js';

const BIN = fileURLToPath(new URL('../../bin/catalyst.js', import.meta.url));

export type Tool = 'catalyst' | 'catalyst --no-batch' | 'PoC-style client' | 'official cms-cli';

export interface Work {
  name: string;
  types: number;
  /** The types exist (created before the clock starts) and each one changes. */
  modify: boolean;
  rateLimit: string;
}

export interface Measured {
  seconds: number;
  requests: number;
  throttled: number;
  ok: boolean;
}

export function benchType(index: number, variant = 0): ContentTypeDef {
  const properties: Record<string, PropertyDef> = {};
  for (let p = 0; p < 10; p++) properties[`field${p}`] = { type: p % 3 === 0 ? 'integer' : 'string', displayName: `Field ${p}` };
  return normalizeContentType(
    { key: `Bench${index}`, baseType: '_component', displayName: `Bench ${index}${variant ? ' v2' : ''}`, properties },
    OPTIMIZELY_PROFILE.defaults,
  );
}

function yamlOf(def: ContentTypeDef): string {
  const lines = [`key: ${def.key}`, `baseType: ${def.baseType}`, `displayName: ${def.displayName}`, 'properties:'];
  for (const [key, property] of Object.entries(def.properties))
    lines.push(`  ${key}: { type: ${property.type}, displayName: ${property.displayName} }`);
  return `${lines.join('\n')}\n`;
}

async function writeProject(dir: string, url: string, defs: ContentTypeDef[]): Promise<void> {
  await mkdir(join(dir, 'content-types'), { recursive: true });
  await writeFile(join(dir, 'catalyst.config.json'), JSON.stringify({ contentTypesDir: 'content-types', targets: { bench: { url } } }));
  for (const def of defs) await writeFile(join(dir, 'content-types', `${def.key}.yaml`), yamlOf(def));
}

/** `catalyst ARGS` as a child process (the emulator lives in this one, so never spawnSync). */
export function runCatalyst(args: string[], cwd: string): Promise<{ code: number | null; maxRssMb: number | undefined }> {
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, OPTIMIZELY_CMS_CLIENT_ID: DEMO_CLIENT_ID, OPTIMIZELY_CMS_CLIENT_SECRET: DEMO_CLIENT_SECRET, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      const kb = Number(stderr.trim().split('\n').at(-1));
      resolve({ code, maxRssMb: Number.isFinite(kb) ? kb / 1024 : undefined });
    });
  });
}

/** One tool doing one piece of work on a fresh emulator. */
export async function measure(tool: Tool, work: Work): Promise<Measured> {
  const emulator: RunningEmulator = await startEmulator({ port: 0 });
  const dir = await mkdtemp(join(tmpdir(), 'catalyst-compare-'));
  try {
    const before = Array.from({ length: work.types }, (_, index) => benchType(index));
    const wanted = work.modify ? Array.from({ length: work.types }, (_, index) => benchType(index, 1)) : before;
    if (work.modify) {
      await writeProject(dir, emulator.url, before);
      const setup = await runCatalyst(['apply', '--auto-approve'], dir);
      if (setup.code !== 0) throw new Error(`setup apply exited ${setup.code}`);
    }
    await writeProject(dir, emulator.url, wanted);
    emulator.traffic.configure({ rateLimit: work.rateLimit, latencyMs: 100 });
    emulator.traffic.reset();
    const started = performance.now();
    let ok: boolean;
    switch (tool) {
      case 'catalyst':
      case 'catalyst --no-batch':
        ok = (await runCatalyst(['apply', '--auto-approve', ...(tool === 'catalyst' ? [] : ['--no-batch'])], dir)).code === 0;
        break;
      case 'PoC-style client':
        ok = await pocSync(emulator.url, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, wanted).then(
          () => true,
          () => false,
        );
        break;
      case 'official cms-cli':
        ok = (await officialPush(emulator.url, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, wanted)) === 0;
        break;
    }
    const seconds = (performance.now() - started) / 1000;
    const counters = emulator.traffic.counters();
    return { seconds, requests: counters.total, throttled: counters.rateLimited, ok };
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A no-op `catalyst plan` over `types` types at the limiter: seconds, requests, peak memory. */
export async function measureNoOpPlan(types: number, rateLimit: string): Promise<Measured & { maxRssMb: number | undefined }> {
  const emulator = await startEmulator({ port: 0 });
  const dir = await mkdtemp(join(tmpdir(), 'catalyst-compare-'));
  try {
    await writeProject(
      dir,
      emulator.url,
      Array.from({ length: types }, (_, index) => benchType(index)),
    );
    if ((await runCatalyst(['apply', '--auto-approve'], dir)).code !== 0) throw new Error('setup apply failed');
    emulator.traffic.configure({ rateLimit, latencyMs: 100 });
    emulator.traffic.reset();
    const started = performance.now();
    const run = await runCatalyst(['plan', '--detailed-exitcode'], dir);
    const seconds = (performance.now() - started) / 1000;
    const counters = emulator.traffic.counters();
    return { seconds, requests: counters.total, throttled: counters.rateLimited, ok: run.code === 0, maxRssMb: run.maxRssMb };
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}
