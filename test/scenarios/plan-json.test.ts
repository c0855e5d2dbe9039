import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import { CMS_USER, type RunningEmulator } from '../../src/emulator/index.js';
import { startScenarioEmulator } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

/** schemas/plan.schema.json compiled as a consumer of the public contract would: strict Ajv, `tsType` as an annotation. */
function planValidator() {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  return ajv.compile(schema);
}

/**
 * `plan --json` is the public plan document: it validates against schemas/plan.schema.json and
 * is byte for byte the file `--out` saves in the same run. Checked on plans of every shape:
 * creates, updates with breaking and destructive changes beside drift and an unmanaged type,
 * deletes, and an empty plan.
 */
describe('plan --json', () => {
  const validate = planValidator();
  let emulator: RunningEmulator;
  let project: ScenarioProject;

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    emulator.store.contentTypes.create(
      { key: 'LegacyPage', displayName: 'Legacy page', baseType: '_page', properties: {} },
      { actor: CMS_USER },
    );
    project = await ScenarioProject.create({ apiUrl: emulator.url });
  });

  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  async function planJson(expectedCode: 0 | 2): Promise<Plan> {
    const result = await project.runInProcess(['plan', '--json', '--detailed-exitcode', '--out', 'plan.json']);
    expect(result.code).toBe(expectedCode);
    expect(await project.read('plan.json')).toBe(result.stdout);
    const plan = JSON.parse(result.stdout) as unknown;
    expect(validate(plan) ? [] : validate.errors).toEqual([]);
    return plan as Plan;
  }

  it('a plan of creates', async () => {
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    const plan = await planJson(2);
    expect(plan.summary.actions).toMatchObject({ create: 5, update: 0, delete: 0 });
    expect(plan.resources.find((resource) => resource.key === 'LegacyPage')?.status).toBe('unmanaged');
    expect((await project.runInProcess(['apply', 'plan.json'])).code).toBe(0);
  });

  it('a plan of updates with breaking and destructive changes, beside drift', async () => {
    await project.setContentTypes(await readFixture('lifecycle/v2'));
    emulator.store.editContentType('SeoSettings', (doc) => ({ ...doc, description: 'Edited in the CMS' }));
    const plan = await planJson(2);
    expect(plan.drift.map((entry) => entry.key)).toEqual(['SeoSettings']);
    expect(plan.requiresApproval.map((item) => item.code)).toEqual(['DS102']);
    expect(new Set(plan.resources.flatMap((resource) => resource.codes))).toEqual(new Set(['BC101', 'BC102', 'DS102']));
    expect((await project.runInProcess(['apply', 'plan.json', '--allow-destructive'])).code).toBe(0);
  });

  it('a plan of deletes', async () => {
    await project.setContentTypes({});
    const plan = await planJson(2);
    expect(plan.summary.actions).toMatchObject({ create: 0, update: 0, delete: 6 });
    expect((await project.runInProcess(['apply', 'plan.json', '--allow-destructive'])).code).toBe(0);
  });

  it('an empty plan', async () => {
    const plan = await planJson(0);
    expect(plan.steps).toEqual([]);
  });
});
