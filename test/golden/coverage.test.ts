import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';

/**
 * The golden cases are the spec of what a plan can say: together they must show every status,
 * action, action reason, risk, risk code and notice code the plan schema defines. Adding a value to
 * the schema without a case that shows it fails here.
 */
const CASES = new URL('./cases/', import.meta.url);

/** Codes no golden case can show, and why. */
const UNREACHABLE: Record<string, string> = {
  PL110: 'a key declared twice is a YAML diagnostic (Y-code) before anything is planned; test/core covers the planner’s own check',
};

const schema = JSON.parse(await readFile(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8')) as {
  definitions: Record<string, { enum?: string[] }>;
};
const plans = await Promise.all(
  readdirSync(CASES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(async (entry) => JSON.parse(await readFile(new URL(`${entry.name}/plan.json`, CASES), 'utf8')) as Plan),
);

function values(definition: string): string[] {
  const found = schema.definitions[definition]?.enum;
  if (!found) throw new Error(`plan.schema.json has no enum ${definition}`);
  return found.filter((value) => !(value in UNREACHABLE));
}

function shown(pick: (plan: Plan) => string[]): Set<string> {
  return new Set(plans.flatMap(pick));
}

describe('golden cases cover the plan schema', () => {
  const table: Array<[string, (plan: Plan) => string[]]> = [
    ['ResourceKind', (plan) => plan.resources.map((resource) => resource.kind)],
    ['ResourceStatus', (plan) => plan.resources.map((resource) => resource.status)],
    ['ResourceAction', (plan) => plan.resources.map((resource) => resource.action)],
    ['ActionReason', (plan) => plan.resources.map((resource) => resource.actionReason)],
    ['Risk', (plan) => plan.resources.map((resource) => resource.risk)],
    ['RiskCode', (plan) => plan.resources.flatMap((resource) => resource.codes)],
    ['NoticeCode', (plan) => [...plan.blockers, ...plan.warnings].map((notice) => notice.code)],
  ];
  it.each(table)('every %s', (definition, pick) => {
    const seen = shown(pick);
    expect(values(definition).filter((value) => !seen.has(value))).toEqual([]);
  });

  it('content item counts: none, some, and unknown', () => {
    const kind = (count: number | null | undefined) =>
      count === undefined ? [] : [count === null ? 'unknown' : count === 0 ? 'none' : 'some'];
    expect(shown((plan) => plan.resources.flatMap((resource) => kind(resource.contentItems)))).toEqual(
      new Set(['none', 'some', 'unknown']),
    );
  });

  it('every conflict resolution, deferred references and both step purposes', () => {
    expect(shown((plan) => plan.resources.flatMap((resource) => resource.conflicts.map((conflict) => conflict.resolution)))).toEqual(
      new Set(['unresolved', 'desired', 'live']),
    );
    expect(shown((plan) => plan.steps.flatMap((step) => (step.action === 'update' ? [step.purpose] : [])))).toEqual(
      new Set(['change', 'deferredReferences']),
    );
    expect(shown((plan) => plan.drift.map((entry) => entry.change))).toEqual(new Set(['changed', 'deleted']));
  });
});
