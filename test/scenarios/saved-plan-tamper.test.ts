import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplyStep, ResourcePlan } from '../../src/core/generated/plan.js';
import { orderSteps } from '../../src/core/order.js';
import { sealPlan } from '../../src/core/plan-seal.js';
import { requiredApprovals, summarize, type Plan } from '../../src/core/plan.js';
import { CMS_USER, type RunningEmulator } from '../../src/emulator/index.js';
import { startScenarioEmulator, writeRequests } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

const KEY = 'a-plan-key-from-a-ci-secret';

/**
 * A saved plan is applied only as catalyst wrote it. Every tampering of the file (its steps, its
 * approvals, its resources, its seal) is refused before anything is written, and an unmanaged
 * type is never deleted or adopted, even by a file forged consistently without the plan key.
 */
describe('tampered saved plans', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  let saved: Plan;

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    emulator.store.contentTypes.create(
      { key: 'LegacyPage', displayName: 'Legacy page', baseType: '_page', properties: {} },
      { actor: CMS_USER },
    );
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    await project.edit('content-types/HeroBlock.yaml', (text) =>
      text.replace('displayName: Hero\n', 'displayName: Hero banner\n').replace(/ {2}cta: .*\n/, ''),
    );
    const result = await project.runInProcess(['plan', '--out', 'plan.json']);
    expect(result.code).toBe(0);
    saved = JSON.parse((await project.read('plan.json'))!) as Plan;
    expect(saved.steps.map((step) => `${step.action} ${step.key}`)).toEqual(['update HeroBlock']);
    expect(saved.requiresApproval.map((item) => `${item.code} ${item.key}.${item.path}`)).toEqual([
      expect.stringMatching(/^DS\d+ HeroBlock\.properties\.cta$/),
    ]);
    expect(saved.integrity?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(saved.integrity?.signature).toBeUndefined();
  });

  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  /** Writes `plan` to tampered.json, applies it, and checks the refusal and that nothing anywhere changed. */
  async function expectRefused(plan: unknown, summary: string, env: Record<string, string> = {}): Promise<string> {
    await project.write({ 'tampered.json': `${JSON.stringify(plan, null, 2)}\n` });
    const lockBefore = await project.lockText();
    const historyBefore = await project.read('.catalyst/history.jsonl');
    const cmsBefore = emulator.store.snapshot();
    emulator.traffic.reset();
    const result = await project.runInProcess(['apply', 'tampered.json', '--allow-destructive'], env);
    expect(result.stderr).toContain(`Error: ${summary}`);
    expect(result.code).toBe(1);
    expect(writeRequests(emulator.traffic.counters())).toEqual([]);
    expect(emulator.store.snapshot()).toEqual(cmsBefore);
    expect(await project.lockText()).toBe(lockBefore);
    expect(await project.read('.catalyst/history.jsonl')).toBe(historyBefore);
    return result.stderr;
  }

  const copy = (): Plan => structuredClone(saved);
  const hero = (plan: Plan) =>
    plan.resources.find((resource) => resource.key === 'HeroBlock') as Extract<ResourcePlan, { action: 'update' }>;
  const heroStep = (plan: Plan) => plan.steps[0] as Extract<ApplyStep, { action: 'update' }>;

  /** A delete of the unmanaged LegacyPage, made consistent (steps, approvals, summary, digest) as someone without the key could. */
  function forgedDelete(): Plan {
    const plan = copy();
    const update = hero(plan);
    const legacy: ResourcePlan = {
      ...update,
      key: 'LegacyPage',
      status: 'deleted',
      action: 'delete',
      actionReason: 'delete_because_removed_from_desired',
      reason: 'Removed from the YAML.',
      codes: ['DS101'],
      changes: [],
      before: { key: 'LegacyPage', baseType: '_page', displayName: 'Legacy page', properties: {} } as never,
      after: null,
    };
    plan.resources = plan.resources.map((resource) => (resource.key === 'LegacyPage' ? legacy : resource));
    return consistent(plan);
  }

  function consistent(plan: Plan): Plan {
    plan.steps = orderSteps(plan.resources).steps;
    plan.requiresApproval = requiredApprovals(plan.resources);
    plan.summary = summarize(plan.resources, plan.steps, plan.drift, plan.requiresApproval);
    return sealPlan(plan);
  }

  it('refuses an added delete step of an unmanaged type', async () => {
    const plan = copy();
    plan.steps.push({
      action: 'delete',
      kind: 'contentType',
      key: 'LegacyPage',
      precondition: hero(plan).precondition,
      codes: ['DS101'],
    });
    const stderr = await expectRefused(plan, 'Saved plan was modified');
    expect(stderr).toContain('steps delete contentType "LegacyPage" do not follow from the resources');
    expect(emulator.store.contentTypes.has('LegacyPage')).toBe(true);
  });

  it('refuses an edited step', async () => {
    const plan = copy();
    heroStep(plan).next = { ...heroStep(plan).next, displayName: 'Defaced' };
    expect(await expectRefused(plan, 'Saved plan was modified')).toContain(
      'step 1 (update contentType "HeroBlock") differs from its resource',
    );
  });

  it('refuses an injected adopt step', async () => {
    const plan = copy();
    plan.steps.unshift({
      action: 'adopt',
      kind: 'contentType',
      key: 'LegacyPage',
      definition: { key: 'LegacyPage', baseType: '_page', displayName: 'Legacy page', properties: {} } as never,
      version: {},
    } as ApplyStep);
    expect(await expectRefused(plan, 'Saved plan was modified')).toContain('adopt contentType "LegacyPage"');
  });

  it('refuses changed and removed approvals', async () => {
    const changed = copy();
    changed.requiresApproval[0]!.reason = 'Nothing to see here';
    expect(await expectRefused(changed, 'Saved plan was modified')).toContain('requiresApproval lacks');

    const removed = copy();
    removed.requiresApproval = [];
    removed.summary.destructive = 0;
    const stderr = await expectRefused(removed, 'Saved plan was modified');
    expect(stderr).toContain('requiresApproval lacks');
    expect(stderr).toContain('HeroBlock');
  });

  it('refuses an edited resource, also when its step is edited to match', async () => {
    const resourceOnly = copy();
    hero(resourceOnly).after = { ...hero(resourceOnly).after, displayName: 'Defaced' };
    expect(await expectRefused(resourceOnly, 'Saved plan was modified')).toContain('differs from its resource');

    const both = copy();
    hero(both).after = { ...hero(both).after, displayName: 'Defaced' };
    heroStep(both).next = hero(both).after;
    expect(await expectRefused(both, 'Saved plan was modified')).toContain('its content does not match its integrity digest');
  });

  it('refuses a plan without integrity digest', async () => {
    const plan = copy();
    delete plan.integrity;
    expect(await expectRefused(plan, 'Saved plan was modified')).toContain('it has no integrity digest');
  });

  it('never deletes an unmanaged type, even when the file is forged consistently', async () => {
    const stderr = await expectRefused(forgedDelete(), 'Saved plan touches unmanaged resources');
    expect(stderr).toContain('delete "LegacyPage"');
    expect(emulator.store.contentTypes.has('LegacyPage')).toBe(true);
  });

  it('never adopts a type the YAML does not declare, even when the file is forged consistently', async () => {
    const plan = copy();
    const update = hero(plan);
    const legacyDef = { key: 'LegacyPage', baseType: '_page', displayName: 'Legacy page', properties: {} } as never;
    const adopt: ResourcePlan = {
      ...update,
      key: 'LegacyPage',
      status: 'adopt',
      action: 'adopt',
      actionReason: 'adopt_because_identical',
      codes: [],
      changes: [],
      before: legacyDef,
      after: legacyDef,
    };
    plan.resources = plan.resources.map((resource) => (resource.key === 'LegacyPage' ? adopt : resource));
    expect(await expectRefused(consistent(plan), 'Saved plan touches unmanaged resources')).toContain('adopt "LegacyPage"');
  });

  it('with a plan key: refuses an unsigned file, a bad signature and a forged one, and applies a signed one', async () => {
    const env = { CATALYST_PLAN_KEY: KEY };
    expect(await expectRefused(copy(), 'Saved plan was modified', env)).toContain(
      'it is not signed, but a plan key (CATALYST_PLAN_KEY) is configured',
    );
    expect(await expectRefused(sealPlan(copy(), 'another-key'), 'Saved plan was modified', env)).toContain(
      'its signature was not made with the configured plan key',
    );
    const flipped = sealPlan(copy(), KEY);
    flipped.integrity!.signature = flipped.integrity!.signature!.replace(/.$/, (last) => (last === '0' ? '1' : '0'));
    expect(await expectRefused(flipped, 'Saved plan was modified', env)).toContain(
      'its signature was not made with the configured plan key',
    );
    expect(await expectRefused(forgedDelete(), 'Saved plan was modified', env)).toContain('it is not signed');

    const signed = await project.runInProcess(['plan', '--out', 'signed.json'], env);
    expect(signed.code).toBe(0);
    expect((JSON.parse((await project.read('signed.json'))!) as Plan).integrity?.signature).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    const applied = await project.runInProcess(['apply', 'signed.json', '--allow-destructive'], env);
    expect(applied.stderr).not.toMatch(/error/i);
    expect(applied.code).toBe(0);
    expect(emulator.store.contentTypes.get('HeroBlock')!.doc.displayName).toBe('Hero banner');
    expect(emulator.store.contentTypes.has('LegacyPage')).toBe(true);
  });
});
