import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { expectConverged, startScenarioEmulator } from './helpers/scenario-cms.js';
import { ScenarioProject } from './helpers/scenario-project.js';

const LANDING = 'key: LandingPage\nbaseType: page\ndisplayName: Landing page\nproperties:\n  title: string\n';

/** `protect: true` is recorded in the lockfile, so it outlives the YAML that declared it (unlike Terraform's prevent_destroy). */
describe('protect: true', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    await project.write({ 'content-types/LandingPage.yaml': LANDING });
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  const entry = async () => (await project.locked()).contentTypes['LandingPage'] as { protected?: true } | undefined;

  it('adding the flag alone is a change: planned, applied, recorded in the lockfile, nothing sent to the CMS', async () => {
    await project.write({ 'content-types/LandingPage.yaml': `${LANDING}protect: true\n` });
    const planned = await project.runInProcess(['plan', '--detailed-exitcode']);
    expect(planned.code).toBe(2);
    expect(planned.stdout).toContain('content type LandingPage: protected (a plan that deletes it is blocked)');
    emulator.traffic.reset();
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    expect(
      Object.keys(emulator.traffic.counters().byRoute).filter((route) => !route.startsWith('GET') && !route.includes('oauth')),
    ).toEqual([]);
    expect((await entry())?.protected).toBe(true);
    await expectConverged(project);
  });

  it('deleting the YAML is refused (PL117), even with --allow-destructive; the type stays in the CMS', async () => {
    await rm(join(project.dir, 'content-types', 'LandingPage.yaml'));
    const refused = await project.runInProcess(['apply', '--auto-approve', '--allow-destructive']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('PL117 LandingPage is protected');
    expect(emulator.store.contentTypes.has('LandingPage')).toBe(true);
    expect((await entry())?.protected).toBe(true);
  });

  it('unprotecting is its own reviewed change; after it the delete goes through', async () => {
    await project.write({ 'content-types/LandingPage.yaml': LANDING });
    const unprotect = await project.runInProcess(['apply', '--auto-approve']);
    expect(unprotect.code).toBe(0);
    expect(unprotect.stdout).toContain('content type LandingPage: no longer protected');
    expect((await entry())?.protected).toBeUndefined();
    await rm(join(project.dir, 'content-types', 'LandingPage.yaml'));
    expect((await project.runInProcess(['apply', '--auto-approve', '--allow-destructive'])).code).toBe(0);
    expect(emulator.store.contentTypes.has('LandingPage')).toBe(false);
  });
});
