import { describe, expect, it } from 'vitest';
import { createPlan, type Plan, type PlanOptions } from '../../src/core/plan.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import { baseState, desiredState, liveState, NOW, RULES, TARGET, type } from './helpers.js';

/** A declared type rename (renamedFrom at the top of a type), planned from desired, base and live. */
function renamePlan(
  desired: Array<{ def: ContentTypeDef; renamedFrom?: string }>,
  options: { protectedInBase?: boolean; live?: ContentTypeDef[]; mode?: PlanOptions['mode'] } = {},
): Plan {
  const story = type('Story');
  const base = baseState({ types: [story] });
  if (options.protectedInBase) base.contentTypes['Story']!.protected = true;
  return createPlan({
    desired: { ...desiredState({}), contentTypes: desired },
    base,
    live: liveState({ types: options.live ?? [story] }),
    options: { now: NOW, target: TARGET, rules: RULES, ...(options.mode ? { mode: options.mode } : {}) },
  });
}

const actions = (plan: Plan) => plan.resources.map((resource) => `${resource.key} ${resource.action}`);
const codes = (plan: Plan) => [...plan.blockers, ...plan.warnings].map((notice) => notice.code);

describe('renamedFrom on a type', () => {
  it('keeps the old type as the CMS has it and creates the new one (PL119)', () => {
    const plan = renamePlan([{ def: type('Article'), renamedFrom: 'Story' }]);
    expect(actions(plan)).toEqual(['Article create', 'Story none']);
    expect(codes(plan)).toEqual(['PL119']);
    expect(plan.requiresApproval).toEqual([]);
  });

  it('keeps a protected old type protected while the rename is pending (the lockfile keeps protect)', () => {
    const plan = renamePlan([{ def: type('Article'), renamedFrom: 'Story' }], { protectedInBase: true });
    expect(plan.protection ?? []).toEqual([]);
  });

  it('says "(done)" once the new type exists on the CMS', () => {
    const plan = renamePlan([{ def: type('Article'), renamedFrom: 'Story' }], { live: [type('Story'), type('Article')] });
    expect(plan.warnings.find((notice) => notice.code === 'PL119')?.detail).toContain('1. create Article and keep Story (done)');
  });

  it('is a warning, with no effect, while the old type is still declared', () => {
    const plan = renamePlan([{ def: type('Article'), renamedFrom: 'Story' }, { def: type('Story') }]);
    expect(actions(plan)).toEqual(['Article create', 'Story none']);
    expect(plan.warnings.map((notice) => notice.summary)).toEqual(['Article is renamed from Story, which is still declared']);
  });

  it('blocks two types that claim the same old key (PL121), and keeps neither rename', () => {
    const plan = renamePlan([
      { def: type('Article'), renamedFrom: 'Story' },
      { def: type('Feature'), renamedFrom: 'Story' },
    ]);
    expect(codes(plan)).toEqual(['PL121']);
    expect(plan.applyable).toBe(false);
  });

  it('does nothing in pull mode, where the CMS is the source: no rename is carried out CMS → git', () => {
    const plan = renamePlan([{ def: type('Article'), renamedFrom: 'Story' }], { mode: 'pull' });
    expect(codes(plan)).not.toContain('PL119');
  });
});
