import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import { component, group, plan, type } from './helpers.js';

const schema = JSON.parse(await readFile(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true, keywords: ['tsType'] });
const validatePlan = ajv.compile(schema);

function errorsOf(document: unknown): string[] {
  return validatePlan(document) ? [] : (validatePlan.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

/** A plan that exercises every action, drift, conflicts, blockers, warnings, deferred references and approvals. */
function richPlan(): Plan {
  const base = {
    groups: [group('Seo'), group('Old')],
    types: [
      type('Article', { properties: { title: { type: 'string', maxLength: 100, group: 'Seo' }, body: { type: 'richText' } } }),
      type('Gone'),
      type('Drifting'),
      component('Hero', { properties: { button: { type: 'component', contentType: 'Button' } } }),
      component('Button', { properties: { back: { type: 'component', contentType: 'Hero' } } }),
    ],
  };
  const live = {
    groups: [group('Seo', 'Search'), group('Old'), group('Content')],
    types: [
      type('Article', {
        displayName: 'Live title',
        properties: { title: { type: 'string', maxLength: 100, group: 'Seo' }, body: { type: 'richText' } },
      }),
      type('Gone'),
      type('Drifting', { description: 'changed live' }),
      type('Foreign', { accessRights: [{ name: 'Editors', type: 'role' }] }),
      component('Hero', { properties: { button: { type: 'component', contentType: 'Button' } } }),
      component('Button', { properties: { back: { type: 'component', contentType: 'Hero' } } }),
    ],
  };
  const desired = {
    groups: [group('Seo')],
    types: [
      type('Article', {
        displayName: 'YAML title',
        properties: { title: { type: 'string', maxLength: 50, group: 'Seo', enum: [{ value: 'a', displayName: 'A' }] } },
      }),
      type('Drifting'),
      type('Experience', {
        baseType: '_experience',
        mayContainTypes: ['Experience'],
        properties: { when: { type: 'dateTime', minimum: '2020-01-01T00:00:00Z' } },
      }),
      component('Loop', { properties: { self: { type: 'component', contentType: 'Loop' } } }),
    ],
  };
  return plan(desired, base, live, {}, { types: ['Foreign'] });
}

describe('schemas/plan.schema.json', () => {
  it('describes the plan createPlan returns, including every optional part', () => {
    const result = richPlan();
    expect(result.blockers.length).toBeGreaterThan(0);
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(result.drift.length).toBeGreaterThan(0);
    expect(result.requiresApproval.length).toBeGreaterThan(0);
    expect(new Set(result.steps.map((step) => step.action))).toEqual(new Set(['create', 'update', 'delete']));
    expect(errorsOf(JSON.parse(JSON.stringify(result)))).toEqual([]);
  });

  it('describes lockfile-only steps and empty plans', () => {
    const world = { types: [type('A')], groups: [group('G')] };
    expect(errorsOf(JSON.parse(JSON.stringify(plan(world, {}, world))))).toEqual([]);
    expect(errorsOf(JSON.parse(JSON.stringify(plan({}, world, {}))))).toEqual([]);
    expect(errorsOf(JSON.parse(JSON.stringify(plan(world, world, world))))).toEqual([]);
  });

  it('rejects documents that are not plans', () => {
    const result = JSON.parse(JSON.stringify(richPlan())) as Record<string, unknown>;
    expect(errorsOf({ ...result, formatVersion: '1.0' })).not.toEqual([]);
    expect(errorsOf({ ...result, formatVersion: '3.0' })).not.toEqual([]);
    expect(errorsOf({ ...result, applyable: 'yes' })).not.toEqual([]);
    const resources = result.resources as Array<Record<string, unknown>>;
    expect(errorsOf({ ...result, resources: [{ ...resources[0], status: 'renamed' }] })).not.toEqual([]);
    expect(errorsOf({ ...result, resources: [{ ...resources[0], after: { key: 'A' } }] })).not.toEqual([]);
    expect(errorsOf({ ...result, steps: [{ action: 'create', kind: 'contentType', key: 'A' }] })).not.toEqual([]);
  });

  it('types each entry by its action: before and after are present exactly where the action needs them', () => {
    const world = { types: [type('A', { displayName: 'Before' })] };
    const updated = JSON.parse(JSON.stringify(plan({ types: [type('A', { displayName: 'After' })] }, world, world))) as {
      resources: Array<Record<string, unknown>>;
    };
    const entry = updated.resources.find((resource) => resource.action === 'update')!;
    const withEntry = (changed: Record<string, unknown>) => ({ ...updated, resources: [{ ...entry, ...changed }] });
    expect(errorsOf(withEntry({}))).toEqual([]);
    expect(errorsOf(withEntry({ before: null }))).not.toEqual([]);
    expect(errorsOf(withEntry({ after: null }))).not.toEqual([]);
    expect(errorsOf(withEntry({ action: 'create' }))).not.toEqual([]);
    expect(errorsOf(withEntry({ action: 'delete' }))).not.toEqual([]);
    expect(errorsOf(withEntry({ action: 'none' }))).not.toEqual([]);
    expect(errorsOf(withEntry({ precondition: null }))).not.toEqual([]);
  });

  it("ties every definition to its entry's kind", () => {
    const created = JSON.parse(JSON.stringify(plan({ types: [type('A')] }, {}, {}))) as {
      resources: Array<Record<string, unknown>>;
      steps: Array<Record<string, unknown>>;
    };
    const groupDef = { key: 'A', displayName: 'A' };
    expect(errorsOf(created)).toEqual([]);
    expect(errorsOf({ ...created, resources: [{ ...created.resources[0], after: groupDef }] })).not.toEqual([]);
    expect(errorsOf({ ...created, steps: [{ ...created.steps[0], definition: groupDef }] })).not.toEqual([]);
    expect(errorsOf({ ...created, resources: [{ ...created.resources[0], kind: 'propertyGroup' }] })).not.toEqual([]);
  });
});
