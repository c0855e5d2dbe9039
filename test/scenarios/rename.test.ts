import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startScenarioEmulator } from './helpers/scenario-cms.js';
import { ScenarioProject } from './helpers/scenario-project.js';

/** A declared rename (`renamedFrom`) never plans the data-losing remove + add: the old property stays until you say so. */
describe('renamedFrom', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  const story = (properties: string) => ({
    'content-types/Story.yaml': `key: Story\nbaseType: page\ndisplayName: Story\nproperties:\n${properties}`,
  });
  const properties = () => Object.keys(emulator.store.contentTypes.get('Story')!.doc.properties ?? {}).sort();

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    await project.write(story('  title: string\n  body: richText\n'));
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  it('step 1: adds the new property and keeps the old one, with no data-loss code, and says what comes next', async () => {
    await project.write(story('  headline: { type: string, renamedFrom: title }\n  body: richText\n'));
    const plan = JSON.parse((await project.runInProcess(['plan', '--json'])).stdout) as Plan;
    expect(plan.requiresApproval).toEqual([]);
    const story0 = plan.resources.find((resource) => resource.key === 'Story')!;
    expect(story0.changes.map((change) => `${change.op} ${change.path} ${change.risk}`)).toEqual(['add properties.headline safe']);
    expect(plan.warnings.map((warning) => warning.code)).toEqual(['PL118']);
    expect(plan.warnings[0]!.detail).toContain('2. copy the values of title into headline');
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    expect(properties()).toEqual(['body', 'headline', 'title']);
    const again = await project.runInProcess(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('PL118 Story: title renamed to headline, one release at a time');
    const next = JSON.parse((await project.runInProcess(['plan', '--json'])).stdout) as Plan;
    expect(next.warnings[0]!.detail).toContain('1. add headline and keep title (done)');
  });

  it('step 4: without renamedFrom the old property goes, as a destructive change approved on its own', async () => {
    await project.write(story('  headline: string\n  body: richText\n'));
    const refused = await project.runInProcess(['apply', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('DS102 Story.properties.title');
    expect((await project.runInProcess(['apply', '--auto-approve', '--allow-destructive=Story.properties.title'])).code).toBe(0);
    expect(properties()).toEqual(['body', 'headline']);
  });
});
