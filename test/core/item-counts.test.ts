import { describe, expect, it } from 'vitest';
import { typesToCount } from '../../src/core/plan.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { markerStyle } from '../render/marker-style.js';
import { group, plan, resource, type } from './helpers.js';

/** One type per reason to count its items or not; the group `Gone` shares a key with a type. */
const owned = {
  groups: [group('Gone')],
  types: [
    type('Keep'),
    type('Edit', { properties: { title: { type: 'string' }, body: { type: 'richText' } } }),
    type('Gone'),
    type('Rename'),
    type('Rebase'),
    type('Tighten', { properties: { title: { type: 'string' } } }),
  ],
};
const desired = {
  types: [
    type('Keep'),
    type('Edit', { properties: { title: { type: 'string' } } }),
    type('Rename', { displayName: 'Renamed' }),
    type('Fresh'),
    type('Rebase', { baseType: '_component' }),
    type('Tighten', { properties: { title: { type: 'string', required: true } } }),
  ],
};

describe('content item counts in the plan', () => {
  it('asks to count exactly the types the plan deletes (DS101) or changes with server data loss (DS102–DS106)', () => {
    const result = plan(desired, owned, owned);
    expect(
      Object.fromEntries(result.resources.filter((entry) => entry.kind === 'contentType').map((entry) => [entry.key, entry.codes])),
    ).toEqual({
      Edit: ['DS102'],
      Fresh: [],
      Gone: ['DS101'],
      Keep: [],
      Rebase: ['DS108'],
      Rename: [],
      Tighten: ['BC101'],
    });
    expect(resource(result, 'propertyGroup', 'Gone').codes).toEqual(['DS107']);
    expect(typesToCount(result)).toEqual(['Edit', 'Gone']);
  });

  it('leaves out platform-owned types, which the plan never writes', () => {
    const live = { types: [type('SysPage', { properties: { legacy: { type: 'string' } } })] };
    const result = plan({ types: [type('SysPage')] }, {}, live, { strategy: 'desired-wins' }, { types: ['SysPage'] });
    expect(resource(result, 'contentType', 'SysPage')).toMatchObject({ action: 'update', codes: ['DS102'], readOnly: true });
    expect(typesToCount(result)).toEqual([]);
  });

  it('shows the counts it is given on those content types and nowhere else, and decides nothing with them', () => {
    const without = plan(desired, owned, owned);
    const withCounts = plan(desired, owned, owned, { contentItemCounts: { Edit: 12, Gone: null } });
    expect(resource(withCounts, 'contentType', 'Edit').contentItems).toBe(12);
    expect(resource(withCounts, 'contentType', 'Gone').contentItems).toBeNull();
    expect(withCounts.resources.filter((entry) => entry.contentItems !== undefined).map((entry) => `${entry.kind} ${entry.key}`)).toEqual([
      'contentType Edit',
      'contentType Gone',
    ]);
    const strip = (value: typeof without) =>
      JSON.parse(JSON.stringify(value, (key, member: unknown) => (key === 'contentItems' ? undefined : member))) as unknown;
    expect(strip(withCounts)).toEqual(strip(without));
  });

  it('prints the count under the resource it belongs to, in the colour of what is at stake', () => {
    const text = renderPlanText(plan(desired, owned, owned, { contentItemCounts: { Edit: 12, Gone: 0 } }), markerStyle);
    expect(text).toMatch(/<strong>content type Edit<\/strong>[^\n]*\n\s+<error># 12 content items of this type in the CMS<\/error>\n/);
    expect(text).toMatch(/<strong>content type Gone<\/strong>[^\n]*\n\s+<muted># no content items of this type in the CMS yet<\/muted>\n/);
  });

  it('names the count beside the first destructive change of each type in the pull request comment', () => {
    const edited = {
      types: desired.types.map((def) => (def.key === 'Edit' ? type('Edit', { properties: { title: { type: 'richText' } } }) : def)),
    };
    const markdown = renderPlanMarkdown(plan(edited, owned, owned, { contentItemCounts: { Edit: 1, Gone: null } }));
    const callout = markdown
      .slice(markdown.indexOf('> [!CAUTION]'), markdown.indexOf('\n\n', markdown.indexOf('> [!CAUTION]')))
      .split('\n');
    expect(callout.filter((line) => line.startsWith('> - '))).toEqual([
      '> - `DS107` property group `Gone`: deletes property group "Gone"; properties placed in it lose their group',
      '> - `DS102` content type `Edit`, `properties.body`: removes property "body" and its values in all content (1 content item of this type in the CMS)',
      '> - `DS103` content type `Edit`, `properties.title.type`: changes the type of "title" from string to richText; existing values may not convert',
      '> - `DS101` content type `Gone`: deletes content type "Gone" and all content of this type (content items of this type: unknown; the CMS could not count them)',
      '> - `DS108` content type `Rebase`, `baseType`: baseType is immutable (\\_page → \\_component); only deleting and re-creating the type could change it, losing its content',
    ]);
  });
});
