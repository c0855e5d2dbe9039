import { describe, expect, it } from 'vitest';
import type { PropertyDef } from '../../src/core/model.js';
import type { Plan } from '../../src/core/plan.js';
import { DEFAULT_MARKDOWN_BUDGET, renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { group, plan, type } from '../core/helpers.js';
import { deepFreeze } from './marker-style.js';

const JOB_LOG = 'see the full plan in the job log';

/** A plan creating `count` types of a few properties each: every one is a collapsible section. */
function creates(count: number): Plan {
  const properties: Record<string, PropertyDef> = {
    heading: { type: 'string', required: true },
    body: { type: 'richText' },
    image: { type: 'contentReference', allowedTypes: ['_image'] },
  };
  return plan(
    { types: Array.from({ length: count }, (_, index) => type(`Page${String(index).padStart(3, '0')}`, { properties })) },
    {},
    {},
  );
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('renderPlanMarkdown: the budget', () => {
  const plan40 = creates(40);
  const full = renderPlanMarkdown(plan40);

  it('shows everything when the plan fits the default budget', () => {
    expect(full.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_BUDGET);
    expect(count(full, '<details>')).toBe(40);
    expect(full).not.toContain(JOB_LOG);
  });

  it.each([1_500, 3_000, 6_000, 12_000])('within %i characters: whole sections, then how many were left out', (budget) => {
    const text = renderPlanMarkdown(plan40, { budget });
    expect(text.length).toBeLessThanOrEqual(budget);
    const shown = count(text, '<details>');
    expect(count(text, '</details>')).toBe(shown);
    expect(count(text, '```') % 2).toBe(0);
    expect(shown).toBeLessThan(40);
    expect(text).toContain(`_${40 - shown} more resource${40 - shown === 1 ? '' : 's'} not shown; ${JOB_LOG}._`);
    expect(full.startsWith(text.slice(0, text.indexOf('_' + String(40 - shown))))).toBe(true);
  });

  it('always shows the top: total, callouts and summary table, even past the budget', () => {
    const text = renderPlanMarkdown(plan40, { budget: 10 });
    expect(text).toContain('**Plan: 40 to create, 0 to update, 0 to delete.**');
    expect(text).toContain('| Create | Update | Delete |');
    expect(text).toContain(`_40 more resources not shown; ${JOB_LOG}._`);
  });

  it('bounds one resource’s listing and says how much it left out', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 100 }, (_, index) => [`field${String(index).padStart(3, '0')}`, { type: 'string' } as PropertyDef]),
    );
    const text = renderPlanMarkdown(plan({ types: [type('Huge', { properties })] }, {}, {}));
    const block = text.slice(text.indexOf('```diff') + '```diff\n'.length, text.lastIndexOf('```'));
    const lines = block.trimEnd().split('\n');
    expect(lines).toHaveLength(60);
    expect(lines.at(-1)).toBe(`# … ${103 - 59} more lines; ${JOB_LOG}`);
  });

  it('names at most 20 destructive changes at the top and counts the rest', () => {
    const types = Array.from({ length: 25 }, (_, index) => type(`Old${String(index).padStart(2, '0')}`));
    const text = renderPlanMarkdown(plan({}, { types }, { types }));
    const callout = text.slice(text.indexOf('> [!CAUTION]'), text.indexOf('\n\n', text.indexOf('> [!CAUTION]')));
    expect(count(callout, '> - `DS101`')).toBe(20);
    expect(callout).toContain('**25 destructive changes**');
    expect(callout.split('\n').at(-1)).toBe(`> - _and 5 more; ${JOB_LOG}._`);
  });
});

describe('renderPlanMarkdown: text from YAML and the CMS cannot change the comment’s structure', () => {
  it('puts values in code blocks fenced longer than any backticks they hold, and escapes prose, HTML and cells', () => {
    const hostile = 'Evil ``` </details> | <b>*x*</b>';
    const base = { types: [type('Article', { displayName: 'Article' })], groups: [group('Seo')] };
    const desired = { types: [type('Article', { displayName: hostile }), type('Fresh', { displayName: hostile })], groups: [group('Seo')] };
    const live = { types: [type('Article', { displayName: 'CMS | edit' })], groups: [group('Seo')] };
    const text = renderPlanMarkdown(plan(desired, base, live));
    const lines = text.split('\n');
    expect(lines.filter((line) => line.startsWith('<details>'))).toHaveLength(2);
    expect(lines.filter((line) => line === '</details>')).toHaveLength(2);
    expect(text).toContain('````diff\n~ displayName: "CMS | edit" → "Evil ``` </details> | <b>*x*</b>"\n````');
    expect(text).toContain('displayName (YAML "Evil \\`\\`\\` &lt;/details&gt; \\| &lt;b&gt;\\*x\\*&lt;/b&gt;", CMS "CMS \\| edit")');
    const row = text.split('\n').find((line) => line.startsWith('| content type `Article`'));
    expect(row).toBe(
      '| content type `Article` | `displayName` | `"Article"` | ````"Evil ``` </details> \\| <b>*x*</b>"```` | `"CMS \\| edit"` | **unresolved** |',
    );
  });
});

describe('renderPlanMarkdown: sections', () => {
  it('an empty plan says so and has no change sections', () => {
    const world = { types: [type('A')] };
    const text = renderPlanMarkdown(plan(world, world, world));
    expect(text).toContain('**No changes.** The CMS matches the YAML and the lockfile.');
    expect(text).not.toContain('#### Changes');
    expect(text).not.toContain('[!CAUTION]');
    expect(text).not.toContain('[!IMPORTANT]');
  });

  it('lists at most 10 blockers in full and counts the rest', () => {
    const types = Array.from({ length: 12 }, (_, index) => type(`T${String(index).padStart(2, '0')}`, { displayName: 'YAML' }));
    const live = types.map((def) => ({ ...def, displayName: 'CMS' }));
    const text = renderPlanMarkdown(plan({ types }, {}, { types: live }));
    expect(count(text, '- **PL103**')).toBe(10);
    expect(text).toContain(`- _2 more blockers not shown; ${JOB_LOG}._`);
  });

  it('reads the plan without changing it', () => {
    const result = plan(
      { types: [type('A', { description: 'yaml' })] },
      { types: [type('A')] },
      { types: [type('A', { description: 'cms' })] },
    );
    const before = JSON.stringify(result);
    expect(() => renderPlanMarkdown(deepFreeze(result))).not.toThrow();
    expect(JSON.stringify(result)).toBe(before);
  });
});
