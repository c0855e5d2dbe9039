import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { plainStyle } from '../../src/render/style.js';
import { planCase, type PlannedCase } from './plan-case.js';

const CASES = fileURLToPath(new URL('./cases/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const caseNames = readdirSync(CASES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const planSchema = JSON.parse(await readFile(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
const validatePlan = ajv.compile(planSchema);

/** Compares a view with its expected file, or (UPDATE_GOLDEN=1) rewrites the file. */
async function expectGolden(dir: string, file: string, actual: string): Promise<void> {
  const path = join(dir, file);
  const expected = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (UPDATE) {
    if (expected !== actual) await writeFile(path, actual);
    return;
  }
  if (expected === undefined) throw new Error(`${path} does not exist: run UPDATE_GOLDEN=1 npx vitest run test/golden, then review it`);
  expect(actual, `${path} differs (if the change is intended: UPDATE_GOLDEN=1 npx vitest run test/golden, then review the diff)`).toBe(
    expected,
  );
}

describe('golden plans', () => {
  it('has cases', () => {
    expect(caseNames.length).toBeGreaterThan(0);
  });

  describe.each(caseNames)('%s', (name) => {
    const dir = join(CASES, name);
    let planned: PlannedCase;
    beforeAll(async () => {
      planned = await planCase(dir, UPDATE);
    });

    it('plan.txt: the text view with the plain style', async () => {
      await expectGolden(dir, 'plan.txt', renderPlanText(planned.plan, plainStyle));
    });

    it('plan.md: the pull request comment', async () => {
      const options = planned.options.markdownBudget === undefined ? {} : { budget: planned.options.markdownBudget };
      await expectGolden(dir, 'plan.md', renderPlanMarkdown(planned.plan, options));
    });

    it('plan.json: the JSON document, valid against schemas/plan.schema.json', async () => {
      const json = `${JSON.stringify(planned.plan, null, 2)}\n`;
      const errors = validatePlan(JSON.parse(json))
        ? []
        : (validatePlan.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
      expect(errors).toEqual([]);
      await expectGolden(dir, 'plan.json', json);
    });
  });
});
