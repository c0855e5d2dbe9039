import { describe, expect, it } from 'vitest';
import { typesToCount } from '../../src/core/plan.js';
import { plainStyle } from '../../src/render/style.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { plan, resource, type } from './helpers.js';

const owned = { types: [type('Keep'), type('Edit', { properties: { title: { type: 'string' }, body: { type: 'richText' } } }), type('Gone'), type('Rename')] };
const desired = { types: [type('Keep'), type('Edit', { properties: { title: { type: 'string' } } }), type('Rename', { displayName: 'Renamed' }), type('Fresh')] };

describe('content item counts in the plan', () => {
  it('asks to count exactly the live types a change could lose content of (deleted, or DS102–DS106)', () => {
    expect(typesToCount(plan(desired, owned, owned)).sort()).toEqual(['Edit', 'Gone']);
  });

  it('shows the counts it is given on those resources and nowhere else, and decides nothing with them', () => {
    const without = plan(desired, owned, owned);
    const withCounts = plan(desired, owned, owned, { contentItemCounts: { Edit: 12, Gone: null } });
    expect(resource(withCounts, 'contentType', 'Edit').contentItems).toBe(12);
    expect(resource(withCounts, 'contentType', 'Gone').contentItems).toBeNull();
    expect(resource(withCounts, 'contentType', 'Keep').contentItems).toBeUndefined();
    const strip = (value: typeof without) => JSON.parse(JSON.stringify(value, (key, member: unknown) => (key === 'contentItems' ? undefined : member))) as unknown;
    expect(strip(withCounts)).toEqual(strip(without));
  });

  it('prints the count under the resource it belongs to', () => {
    const text = renderPlanText(plan(desired, owned, owned, { contentItemCounts: { Edit: 12, Gone: 0 } }), plainStyle);
    expect(text).toMatch(/~ content type Edit[^\n]*\n\s+# 12 content items of this type in the CMS\n/);
    expect(text).toMatch(/- content type Gone[^\n]*\n\s+# no content items of this type in the CMS yet\n/);
  });
});
