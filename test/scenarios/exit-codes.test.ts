import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startScenarioEmulator, writeRequests } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

/**
 * Exit codes CI scripts rely on, Terraform's: `plan` exits 0 unless it fails (1);
 * `plan --detailed-exitcode` exits 0 for no changes, 2 for changes, 1 for an error (invalid
 * input, or a plan with blockers that apply would refuse). apply never writes without approval.
 */
describe('exit codes', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    await project.setContentTypes(await readFixture('lifecycle/v1'));
  });

  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  const exitCodes = async () => {
    const [plain, detailed] = await Promise.all([project.run(['plan']), project.run(['plan', '--detailed-exitcode'])]);
    return { plain: plain.code, detailed: detailed.code, stdout: detailed.stdout, stderr: detailed.stderr };
  };

  it('plan with changes: 0, and 2 with --detailed-exitcode', async () => {
    expect(await exitCodes()).toMatchObject({ plain: 0, detailed: 2, stderr: '' });
  });

  it('apply without --auto-approve and without a terminal: 1, says how to approve, writes nothing', async () => {
    emulator.traffic.reset();
    const result = await project.run(['apply']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Error: Approval needed\n\n  apply writes to the CMS and there is no terminal to ask for approval. Review the plan, then run apply again with --auto-approve (in CI, apply a saved plan: `catalyst apply plan.json`).\n',
    );
    expect(writeRequests(emulator.traffic.counters())).toEqual([]);
    expect(await project.lockText()).toBeUndefined();
  });

  it('plan without changes: 0 either way; apply with nothing to do needs no approval and exits 0', async () => {
    expect((await project.run(['apply', '--auto-approve'])).code).toBe(0);
    expect(await exitCodes()).toMatchObject({ plain: 0, detailed: 0, stderr: '' });
    const idle = await project.run(['apply']);
    expect(idle.code).toBe(0);
    expect(idle.stderr).toBe('');
  });

  it('plan with a blocker (the same member edited in YAML and in the CMS): 1 either way', async () => {
    await project.edit('content-types/HeroBlock.yaml', (text) => text.replace('displayName: Hero\n', 'displayName: Hero banner\n'));
    emulator.store.editContentType('HeroBlock', (doc) => ({ ...doc, displayName: 'Hero (edited in the CMS)' }));
    const codes = await exitCodes();
    expect(codes).toMatchObject({ plain: 1, detailed: 1 });
    expect(codes.stdout).toContain('PL101');
  });

  it('plan of invalid YAML: 1 either way', async () => {
    await project.write({ 'content-types/Broken.yaml': 'key: [\n' });
    expect(await exitCodes()).toMatchObject({ plain: 1, detailed: 1 });
  });
});
