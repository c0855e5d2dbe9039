import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { removeLockEntry } from '../../src/io/lockfile/lockfile.js';
import { serializeLockfile } from '../../src/io/lockfile/write-lockfile.js';
import { startScenarioEmulator, writeRequests } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

/**
 * `plan --out` then `apply <file>`: the saved plan is what was reviewed, so apply carries out
 * exactly that plan or nothing. It is refused when a resource it acts on moved since it was made,
 * and when it was made for another target; resources it leaves alone may change freely.
 */
describe('saved plans', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({
      apiUrl: emulator.url,
      extraTargets: { staging: { platform: 'optimizely', apiVersion: 'v1', url: emulator.url } },
    });
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    const applied = await project.runInProcess(['apply', '--auto-approve']);
    expect(applied.code).toBe(0);
  });

  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  /** Runs `apply <file>` and checks that it was refused with `summary` and that nothing anywhere changed. */
  async function expectRefused(args: string[], summary: string): Promise<string> {
    const lockBefore = await project.lockText();
    const historyBefore = await project.read('catalyst.history/cms.jsonl');
    const cmsBefore = emulator.store.snapshot();
    emulator.traffic.reset();
    const result = await project.runInProcess(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Error: ${summary}`);
    expect(writeRequests(emulator.traffic.counters())).toEqual([]);
    expect(emulator.store.snapshot()).toEqual(cmsBefore);
    expect(await project.lockText()).toBe(lockBefore);
    expect(await project.read('catalyst.history/cms.jsonl')).toBe(historyBefore);
    return result.stderr;
  }

  it('refuses a plan made for another target, or whose resource changed in the lockfile or in the CMS after it was made; writes nothing', async () => {
    await project.edit('content-types/HeroBlock.yaml', (text) => text.replace('displayName: Hero\n', 'displayName: Hero banner\n'));
    const saved = await project.runInProcess(['plan', '--out', 'plan.json']);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('Saved the plan to plan.json. Apply exactly this plan with: catalyst apply plan.json --target cms\n');

    const elsewhere = await expectRefused(['apply', 'plan.json', '--target', 'staging'], 'Saved plan is for another target');
    expect(elsewhere).toContain(
      'The plan file was made for target "cms", but this run uses target "staging". Apply it with --target cms, or make a new plan for "staging".',
    );

    const lockText = (await project.lockText())!;
    await project.write({
      'catalyst.lock.json': serializeLockfile(removeLockEntry((await project.lock())!, 'cms', 'contentType', 'HeroBlock')),
    });
    const unlocked = await expectRefused(['apply', 'plan.json'], 'Saved plan is stale');
    expect(unlocked).toContain('HeroBlock (changed in the lockfile)');
    await project.write({ 'catalyst.lock.json': lockText });

    const edited = emulator.store.editContentType('HeroBlock', (doc) => ({ ...doc, description: 'Edited in the CMS' }));
    const stale = await expectRefused(['apply', 'plan.json'], 'Saved plan is stale');
    expect(stale).toContain('HeroBlock (changed in the CMS)');
    expect(stale).toContain('Nothing was written. Run `catalyst plan` again and review the new plan.');
    expect(emulator.store.contentTypes.get('HeroBlock')).toEqual(edited);
  });

  it('applies a plan when only resources it does not act on changed since it was made', async () => {
    const saved = await project.runInProcess(['plan', '--json', '--out', 'plan.json']);
    expect(saved.code).toBe(0);
    const plan = JSON.parse(saved.stdout) as Plan;
    expect(plan.steps.map((step) => `${step.action} ${step.key}`)).toEqual(['update HeroBlock']);

    const buttonEdit = emulator.store.editContentType('ButtonBlock', (doc) => ({ ...doc, description: 'A CMS user was here' }));
    const applied = await project.runInProcess(['apply', 'plan.json']);
    expect(applied.stderr).not.toMatch(/error/i);
    expect(applied.code).toBe(0);

    const hero = emulator.store.contentTypes.get('HeroBlock')!.doc;
    expect({ displayName: hero.displayName, description: hero.description }).toEqual({
      displayName: 'Hero banner',
      description: undefined,
    });
    expect(emulator.store.contentTypes.get('ButtonBlock')).toEqual(buttonEdit);
    const next = JSON.parse((await project.runInProcess(['plan', '--json'])).stdout) as Plan;
    expect(next.drift.map((entry) => `${entry.change} ${entry.key}`)).toEqual(['changed ButtonBlock']);
    expect(next.steps.map((step) => `${step.action} ${step.key}`)).toEqual(['update ButtonBlock']);
  });
});
