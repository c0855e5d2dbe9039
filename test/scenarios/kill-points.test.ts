import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { checkChain } from '../../src/io/audit/history-chain.js';
import { expectConverged, liveState, startScenarioEmulator } from './helpers/scenario-cms.js';
import { ScenarioProject } from './helpers/scenario-project.js';

const TYPES = 100;
const KILLS = 20;
const type = (index: number, variant: string) =>
  `key: Kill${index}\nbaseType: component\ndisplayName: Kill ${index}${variant}\nproperties:\n  title: string\n`;

/**
 * `kill -9` at 20 pseudo-random points of a 100-type apply (creates, updates and deletes, one
 * request per type): each time the next plan proposes no write that already happened, and in the
 * end the CMS, the lockfile and the history agree and no temporary file is left.
 */
describe('kill -9 at random points of a 100-type apply', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  let whileHeld: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    emulator = await startScenarioEmulator({
      trafficDeps: {
        sleep: async () => {
          const during = whileHeld;
          whileHeld = undefined;
          await during?.();
        },
      },
    });
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    // 70 types synced first: the apply under test updates 40 of them, deletes 30 and creates 30.
    await project.write(Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`content-types/Kill${i}.yaml`, type(i, '')])));
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  it('every interrupted run leaves a state the next run completes; at the end everything agrees', { timeout: 120_000 }, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < TYPES; i++) if (i < 40 || i >= 70) files[`content-types/Kill${i}.yaml`] = type(i, i < 40 ? ' v2' : '');
    await project.setContentTypes(
      Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace('content-types/', ''), text])),
    );
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let killed = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const at = 1 + Math.floor(random() * 6);
      let child: ChildProcessWithoutNullStreams | undefined;
      whileHeld = async () => {
        child!.kill('SIGKILL');
        await new Promise<void>((resolve) => child!.once('close', () => resolve()));
      };
      emulator.traffic.configure({ faults: [{ kind: 'slow', delayMs: 1, path: '/**/contenttypes/**', requestNumbers: [at] }] });
      const run = await project.run(['apply', '--auto-approve', '--allow-destructive', '--no-batch'], {}, (spawned) => (child = spawned));
      emulator.traffic.configure({});
      whileHeld = undefined;
      expect(run.code).not.toBe(0);
      killed += 1;
      const planned = await project.runInProcess(['plan', '--json']);
      expect(planned.stderr).toMatch(
        /^Warning: the last run on target cms \(\S+, by scenario-tests\) was stopped while it wrote: (update|delete) content type Kill\d+\./,
      );
      const plan = JSON.parse(planned.stdout) as { steps: Array<{ action: string; key: string }> };
      for (const step of plan.steps) {
        const onCms = emulator.store.contentTypes.has(step.key);
        if (step.action === 'create') expect({ kill, step: step.key, onCms }).toEqual({ kill, step: step.key, onCms: false });
        if (step.action === 'delete') expect({ kill, step: step.key, onCms }).toEqual({ kill, step: step.key, onCms: true });
      }
    }
    expect(killed).toBe(KILLS);
    expect((await project.runInProcess(['apply', '--auto-approve', '--allow-destructive'])).code).toBe(0);
    await expectConverged(project);

    const live = await liveState(emulator);
    const locked = (await project.locked()).contentTypes;
    const wanted = Object.keys(files).map((path) => path.slice('content-types/'.length, -'.yaml'.length));
    expect(Object.keys(locked).sort()).toEqual([...wanted].sort());
    for (const [key, entry] of Object.entries(locked))
      expect({ key, digest: entry.digest }).toEqual({ key, digest: live.contentTypes.get(key)?.digest });
    const history = await project.history();
    const last = new Map<string, { action: string; after?: string }>();
    for (const record of history) if (record.kind === 'contentType') last.set(record.key, record);
    for (let i = 0; i < TYPES; i++) {
      const record = last.get(`Kill${i}`);
      if (i >= 40 && i < 70) expect({ key: i, action: record?.action }).toEqual({ key: i, action: 'delete' });
      else expect({ key: i, after: record?.after }).toEqual({ key: i, after: locked[`Kill${i}`]?.digest });
    }
    const text = (await project.read('catalyst.history/cms.jsonl')) ?? '';
    expect(checkChain(text, JSON.parse((await project.lockText()) ?? '{}').targets.cms.historyHead).problems).toEqual([]);
    const everything = await readdir(project.dir, { recursive: true });
    expect(everything.filter((path) => /\.tmp|~$|\.partial/.test(String(path)))).toEqual([]);
    expect(await readdir(join(project.dir, '.catalyst', 'locks'))).toEqual([]);
  });
});
