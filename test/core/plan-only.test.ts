import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import { component, group, plan, simulateApply, type } from './helpers.js';

const steps = (result: Plan) => result.steps.map((step) => `${step.action} ${step.kind} ${step.key}`);
const codes = (notices: Plan['blockers']) => notices.map((notice) => notice.code);

describe('--only: a plan of just the named resources and what they need', () => {
  const hero = component('Hero', { properties: { heading: { type: 'string', group: 'Seo' } } });
  const article = type('Article', { properties: { hero: { type: 'component', contentType: 'Hero' } } });
  const news = type('News');

  it('keeps a new type, adds the new type and group it needs, leaves the rest out, and applies on a platform that checks references', () => {
    const desired = { types: [article, hero, news], groups: [group('Seo')] };
    const result = plan(desired, {}, {}, { only: ['Article'] });
    expect(result.applyable).toBe(true);
    expect(result.resources.map((resource) => `${resource.action} ${resource.key}`).sort()).toEqual([
      'create Article',
      'create Hero',
      'create Seo',
    ]);
    expect(steps(result)).toEqual(['create propertyGroup Seo', 'create contentType Hero', 'create contentType Article']);
    expect(result.summary.actions.create).toBe(3);
    expect(codes(result.warnings)).toEqual(['PL114']);
    expect(result.warnings[0]!.detail).toContain('covers Article and what that needs: Seo and Hero');
    const after = simulateApply(result, { base: {}, live: {} });
    expect(after.live.types?.map((def) => def.key).sort()).toEqual(['Article', 'Hero']);
  });

  it('narrows updates and drift, and a blocker on a resource left out no longer blocks', () => {
    const before = { types: [article, hero, news], groups: [group('Seo')] };
    const editedNews = type('News', { displayName: 'News (edited)' });
    const editedArticle = type('Article', { ...article, displayName: 'Article (edited)' });
    const conflicted = component('Hero', { ...hero, displayName: 'Hero (YAML)' });
    const liveHero = component('Hero', { ...hero, displayName: 'Hero (CMS)' });
    const desired = { types: [editedArticle, conflicted, editedNews], groups: [group('Seo')] };
    const live = { types: [article, liveHero, news], groups: [group('Seo')] };

    const full = plan(desired, before, live);
    expect(codes(full.blockers)).toEqual(['PL101']);

    const result = plan(desired, before, live, { only: ['Article'] });
    expect(result.applyable).toBe(true);
    expect(steps(result)).toEqual(['update contentType Article']);
    expect(result.drift).toEqual([]);
    expect(result.resources.map((resource) => resource.key)).toEqual(['Article']);
  });

  it('deletes a type with the deleted types that still reference it, in an order the platform accepts', () => {
    const state = { types: [article, hero, news], groups: [group('Seo')] };
    const result = plan({ types: [news], groups: [group('Seo')] }, state, state, { only: ['Hero'] });
    expect(steps(result)).toEqual(['delete contentType Article', 'delete contentType Hero']);
    expect(result.requiresApproval.map((item) => item.key)).toEqual(['Article', 'Hero']);
    const after = simulateApply(result, { base: state, live: state });
    expect(after.live.types?.map((def) => def.key)).toEqual(['News']);
  });

  it('blocks on a key that no resource has, suggesting the nearest', () => {
    const result = plan({ types: [article, hero, news], groups: [group('Seo')] }, {}, {}, { only: ['Articel', 'News'] });
    expect(result.applyable).toBe(false);
    expect(codes(result.blockers)).toEqual(['PL113']);
    expect(result.blockers[0]!.detail).toContain('Did you mean "Article"?');
    expect(steps(result)).toEqual(['create contentType News']);
  });

  it('without --only, plans everything and says nothing of it', () => {
    const result = plan({ types: [article, hero, news], groups: [group('Seo')] }, {}, {});
    expect(result.resources).toHaveLength(4);
    expect(result.warnings).toEqual([]);
  });
});
