import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { expectConverged, liveState, startScenarioEmulator } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

/**
 * `catalyst rollback` puts the CMS back as it was before a run, from the definitions the history
 * recorded, as a plan behind the usual gates; rolled forward again by rolling back the rollback.
 */
describe('catalyst rollback', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  const cms = async () => Object.fromEntries([...(await liveState(emulator)).contentTypes].map(([key, entry]) => [key, entry.digest]));

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url });
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  it('v1 → v2 (a destructive step) → rollback → v1 again, and back to v2 by rolling back the rollback; each ends in an empty plan', async () => {
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    const v1 = await cms();
    await project.setContentTypes(await readFixture('lifecycle/v2'));
    expect((await project.runInProcess(['apply', '--auto-approve', '--allow-destructive'])).code).toBe(0);
    const v2 = await cms();
    expect(v2).not.toEqual(v1);

    const refused = await project.runInProcess(['rollback', '--last', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^Rollback of run \S+ on target cms: the CMS as it was before\./);
    expect(refused.stderr).toContain('Destructive changes need approval');
    expect(await cms()).toEqual(v2);

    const saved = await project.runInProcess(['rollback', '--last', '--out', 'rollback.json']);
    expect(saved.code).toBe(0);
    const rolledBack = await project.runInProcess(['apply', 'rollback.json', '--allow-destructive']);
    expect(rolledBack.code).toBe(0);
    expect(await cms()).toEqual(v1);
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    await expectConverged(project);

    const forward = await project.runInProcess(['rollback', '--last', '--auto-approve', '--allow-destructive']);
    expect(forward.code).toBe(0);
    expect(forward.stdout).toContain('revert the commit that changed it (git revert)');
    expect(await cms()).toEqual(v2);
    await project.setContentTypes(await readFixture('lifecycle/v2'));
    await expectConverged(project);
    expect((await project.runInProcess(['history', 'verify'])).code).toBe(0);
  });

  it('needs exactly one run to roll back, and one the history has', async () => {
    expect((await project.runInProcess(['rollback'])).stderr).toContain('Give exactly one of --last');
    expect((await project.runInProcess(['rollback', '--to', 'nope'])).stderr).toContain('has no run nope');
  });
});
