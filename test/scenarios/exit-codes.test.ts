import { afterAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startScenarioEmulator, writeRequests } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

/**
 * Exit codes CI scripts rely on, Terraform's: `plan` exits 0 unless it fails (1);
 * `plan --detailed-exitcode` exits 0 for no changes, 2 for changes, 1 for an error (invalid
 * input, or a plan with blockers that apply would refuse), and ours: 3 for a plan blocked only by
 * conflicts, which need a decision rather than a fix. apply never writes without approval.
 * Each case has its own emulator and project, so the cases run concurrently.
 */
describe.concurrent('exit codes', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    await Promise.all(cleanup.map((dispose) => dispose()));
  });

  async function v1Project(): Promise<{ emulator: RunningEmulator; project: ScenarioProject }> {
    const emulator = await startScenarioEmulator();
    const project = await ScenarioProject.create({ apiUrl: emulator.url });
    cleanup.push(
      () => emulator.close(),
      () => project.dispose(),
    );
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    return { emulator, project };
  }

  /** `plan` and `plan --detailed-exitcode`, side by side. */
  async function exitCodes(project: ScenarioProject) {
    const [plain, detailed] = await Promise.all([project.run(['plan']), project.run(['plan', '--detailed-exitcode'])]);
    return { plain: plain.code, detailed: detailed.code, stdout: detailed.stdout, stderr: detailed.stderr };
  }

  it('changes: 0 and 2; apply without --auto-approve and no terminal: 1, writes nothing; no changes: 0 and 0, apply needs no approval', async () => {
    const { emulator, project } = await v1Project();
    expect(await exitCodes(project)).toMatchObject({ plain: 0, detailed: 2, stderr: '' });

    emulator.traffic.reset();
    const unapproved = await project.run(['apply']);
    expect(unapproved.code).toBe(1);
    expect(unapproved.stderr).toBe(
      'Error: Approval needed\n\n  apply writes to the CMS and there is no terminal to ask for approval. Review the plan, then run apply again with --auto-approve (in CI, apply a saved plan: `catalyst apply plan.json`).\n',
    );
    expect(writeRequests(emulator.traffic.counters())).toEqual([]);
    expect(await project.lockText()).toBeUndefined();

    expect((await project.run(['apply', '--auto-approve'])).code).toBe(0);
    const [codes, idle] = await Promise.all([exitCodes(project), project.run(['apply'])]);
    expect(codes).toMatchObject({ plain: 0, detailed: 0, stderr: '' });
    expect({ code: idle.code, stderr: idle.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('a plan blocked only by a conflict (the same member edited in YAML and in the CMS): 3 either way, a decision is needed', async () => {
    const { emulator, project } = await v1Project();
    expect((await project.run(['apply', '--auto-approve'])).code).toBe(0);
    await project.edit('content-types/HeroBlock.yaml', (text) => text.replace('displayName: Hero\n', 'displayName: Hero banner\n'));
    emulator.store.editContentType('HeroBlock', (doc) => ({ ...doc, displayName: 'Hero (edited in the CMS)' }));
    const codes = await exitCodes(project);
    expect(codes).toMatchObject({ plain: 3, detailed: 3 });
    expect(codes.stdout).toContain('PL101');
  });

  it('a plan with a blocker that is no conflict (an immutable baseType change): 1 either way', async () => {
    const { project } = await v1Project();
    expect((await project.run(['apply', '--auto-approve'])).code).toBe(0);
    await project.edit('content-types/HeroBlock.yaml', (text) => text.replace('baseType: component', 'baseType: page'));
    const codes = await exitCodes(project);
    expect(codes).toMatchObject({ plain: 1, detailed: 1 });
    expect(codes.stdout).toContain('PL105');
  });

  it('a plan of invalid YAML: 1 either way', async () => {
    const { project } = await v1Project();
    await project.write({ 'content-types/Broken.yaml': 'key: [\n' });
    const codes = await exitCodes(project);
    expect(codes).toMatchObject({ plain: 1, detailed: 1 });
    expect(codes.stderr).toContain('content-types/Broken.yaml:2:1: error Y001 YAML syntax error');
  });
});
