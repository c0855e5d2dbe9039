import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startScenarioEmulator } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

/** The history is part of the repository: `catalyst history` lists runs, `history verify` catches tampering. */
describe('catalyst history', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  const file = () => join(project.dir, 'catalyst.history', 'cms.jsonl');

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  it('lists the run with its actor (marked self-declared) and counts; the lockfile records the history’s head', async () => {
    const listed = await project.runInProcess(['history']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^\S+ {2}scenario-tests \(self-declared\) {2}5 create, 1 update {2}run \S+\n$/);
    const runs = JSON.parse((await project.runInProcess(['history', '--json'])).stdout) as Array<{
      actor: string;
      plan: string;
      resources: string[];
    }>;
    expect(runs).toHaveLength(1);
    expect(runs[0]!.plan).toMatch(/^sha256:/);
    expect(runs[0]!.resources).toContain('create contentType ArticlePage');
    const lines = (await readFile(file(), 'utf8')).trimEnd().split('\n');
    const lockfile = JSON.parse((await project.lockText()) ?? '{}') as { targets: { cms: { historyHead: string } } };
    expect(lockfile.targets.cms.historyHead).toBe((JSON.parse(lines.at(-1)!) as { hash: string }).hash);
  });

  it('verify passes on the untouched history and fails, naming the line, once a record is edited', async () => {
    const ok = await project.runInProcess(['history', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('catalyst.history/cms.jsonl: 6 records, the chain is intact and ends where the lockfile says.');
    const original = await readFile(file(), 'utf8');
    await writeFile(
      file(),
      original.replace('"action":"create","kind":"contentType","key":"HeroBlock"', '"action":"create","kind":"contentType","key":"Hero"'),
    );
    const tampered = await project.runInProcess(['history', 'verify']);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/catalyst\.history\/cms\.jsonl:\d: was edited: its content does not match its hash/);
    expect(tampered.stderr).toContain('Error: The history of target cms was tampered with');
    await writeFile(file(), original);
  });
});
