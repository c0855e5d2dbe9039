import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { plainStyle } from '../../src/render/style.js';
import { component, group, plan, type } from '../core/helpers.js';
import { deepFreeze, markerStyle } from './marker-style.js';

const article = type('Article', { properties: { title: { type: 'string', maxLength: 100 }, body: { type: 'richText' } } });

describe('renderPlanText', () => {
  it('paints symbols, risks and blocked resources through the style it is given', () => {
    const edited = type('Article', { properties: { title: { type: 'string', maxLength: 50 } } });
    const loop = component('Loop', { properties: { self: { type: 'component', contentType: 'Loop' } } });
    const lines = renderPlanText(plan({ types: [edited, loop] }, { types: [article] }, { types: [article] }), markerStyle).split('\n');
    expect(lines).toContain(
      '  <update>~</update> <strong>content type Article</strong>  <error># destructive (DS102), breaking (BC102)</error>',
    );
    expect(lines).toContain('      <remove>-</remove> properties.body: richText');
    expect(lines).toContain('        <error># DS102 destructive: removes property "body" and its values in all content</error>');
    expect(lines).toContain('  <muted># content type Loop will be created</muted><error>, but is blocked (PL106)</error>');
    expect(lines).toContain('  <create>+</create> <strong>content type Loop</strong>');
    expect(lines.at(-2)).toBe(
      '<strong>Plan:</strong> 1 to create, 1 to update, 0 to delete. <error>1 destructive change needs --allow-destructive.</error> <error>Blocked by 1 problem.</error>',
    );
  });

  it('says "No changes." when nothing acts, and prints no total', () => {
    const world = { types: [article], groups: [group('Seo')] };
    expect(renderPlanText(plan(world, world, world), markerStyle)).toBe(
      'Target: <strong>test</strong> (optimizely v1 (unit test))\nMode: push, conflict strategy manual\n\n<create>No changes.</create> The CMS matches the YAML and the lockfile.\n',
    );
  });

  it('counts steps in the total only when there are more steps than actions (deferred references)', () => {
    const experience = type('Experience', { baseType: '_experience', mayContainTypes: ['Experience'] });
    const total = (result: Plan) => renderPlanText(result, plainStyle).trimEnd().split('\n').at(-1);
    expect(total(plan({ types: [experience] }, {}, {}))).toBe(
      'Plan: 1 to create, 1 to update (1 follow-up for cyclic references), 0 to delete.',
    );
    expect(total(plan({ types: [article] }, {}, {}))).toBe('Plan: 1 to create, 0 to update, 0 to delete.');
    expect(total(plan({}, { types: [article] }, {}))).toBe('Plan: 0 to create, 0 to update, 0 to delete, 1 lockfile-only.');
  });

  it('reads the plan without changing it', () => {
    const result = plan({ types: [type('Article')] }, { types: [article] }, { types: [type('Article', { description: 'live' })] });
    const before = JSON.stringify(result);
    expect(() => renderPlanText(deepFreeze(result), plainStyle)).not.toThrow();
    expect(JSON.stringify(result)).toBe(before);
  });

  it('refuses an action it does not know, as a bug, rather than leaving the resource out', () => {
    const result = plan({ types: [article] }, {}, {});
    const broken = { ...result, resources: result.resources.map((resource) => ({ ...resource, action: 'rename' })) } as unknown as Plan;
    expect(() => renderPlanText(broken, plainStyle)).toThrow(/Internal error: unknown action rename/);
  });
});
