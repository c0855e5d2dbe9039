import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { describe, expect, it } from 'vitest';
import { mergeDefinitions } from '../../src/core/merge.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import { normalizeContentType, normalizePropertyGroup } from '../../src/core/normalize.js';
import { type } from './helpers.js';

const n = (def: ContentTypeDef) => normalizeContentType(def, OPTIMIZELY_DEFAULTS);
const base = type('A', {
  displayName: 'Article',
  mayContainTypes: ['X'],
  properties: { title: { type: 'string', maxLength: 100 }, body: { type: 'richText' } },
});

describe('mergeDefinitions (three-way, member by member)', () => {
  const cases: Array<{ name: string; desired: ContentTypeDef; live: ContentTypeDef; merged: ContentTypeDef; conflicts: string[] }> = [
    {
      name: 'an edit on one side only merges',
      desired: { ...base, displayName: 'Story' },
      live: base,
      merged: { ...base, displayName: 'Story' },
      conflicts: [],
    },
    {
      name: 'edits of different members on the two sides both merge',
      desired: { ...base, displayName: 'Story' },
      live: { ...base, properties: { ...base.properties, title: { type: 'string', maxLength: 80 } } },
      merged: { ...base, displayName: 'Story', properties: { ...base.properties, title: { type: 'string', maxLength: 80 } } },
      conflicts: [],
    },
    {
      name: 'different members of the same property both merge',
      desired: { ...base, properties: { ...base.properties, title: { type: 'string', maxLength: 100, required: true } } },
      live: { ...base, properties: { ...base.properties, title: { type: 'string', maxLength: 80 } } },
      merged: { ...base, properties: { ...base.properties, title: { type: 'string', maxLength: 80, required: true } } },
      conflicts: [],
    },
    {
      name: 'the same edit on both sides is not a conflict',
      desired: { ...base, displayName: 'Story' },
      live: { ...base, displayName: 'Story' },
      merged: { ...base, displayName: 'Story' },
      conflicts: [],
    },
    {
      name: 'different edits of the same member conflict',
      desired: { ...base, properties: { ...base.properties, title: { type: 'string', maxLength: 60 } } },
      live: { ...base, properties: { ...base.properties, title: { type: 'string', maxLength: 80 } } },
      merged: { ...base, properties: { ...base.properties, title: { type: 'string', maxLength: 60 } } },
      conflicts: ['properties.title.maxLength'],
    },
    {
      name: 'a property removed on one side and changed on the other conflicts at the property',
      desired: { ...base, properties: { body: { type: 'richText' } } },
      live: { ...base, properties: { ...base.properties, title: { type: 'string', maxLength: 80 } } },
      merged: { ...base, properties: { body: { type: 'richText' } } },
      conflicts: ['properties.title'],
    },
    {
      name: 'a property removed on one side and untouched on the other is removed',
      desired: { ...base, properties: { body: { type: 'richText' } } },
      live: { ...base, displayName: 'Live' },
      merged: { ...base, displayName: 'Live', properties: { body: { type: 'richText' } } },
      conflicts: [],
    },
    {
      name: 'the same property added differently on both sides conflicts member by member',
      desired: { ...base, properties: { ...base.properties, lead: { type: 'string', maxLength: 10 } } },
      live: { ...base, properties: { ...base.properties, lead: { type: 'string', maxLength: 20 } } },
      merged: { ...base, properties: { ...base.properties, lead: { type: 'string', maxLength: 10 } } },
      conflicts: ['properties.lead.maxLength'],
    },
    {
      name: 'set-like lists merge entry by entry and never conflict',
      desired: { ...base, mayContainTypes: ['X', 'Y'] },
      live: { ...base, mayContainTypes: ['Z'] },
      merged: { ...base, mayContainTypes: ['Y', 'Z'] },
      conflicts: [],
    },
  ];

  it.each(cases)('$name', ({ desired, live, merged, conflicts }) => {
    const result = mergeDefinitions(n(base), n(desired), n(live), 'desired');
    expect(result.merged).toEqual(n(merged));
    expect(result.conflicts.map((conflict) => conflict.path)).toEqual(conflicts);
  });

  it('takes the preferred side for a conflicting member and reports all three values', () => {
    const desired = n({ ...base, displayName: 'Desired' });
    const live = n({ ...base, displayName: 'Live' });
    expect(mergeDefinitions(n(base), desired, live, 'live').merged.displayName).toBe('Live');
    expect(mergeDefinitions(n(base), desired, live, 'desired').conflicts).toEqual([
      { path: 'displayName', base: 'Article', desired: 'Desired', live: 'Live' },
    ]);
  });

  it('without a base, every member on which the sides differ conflicts, set-like lists and one-sided members too', () => {
    const desired = n({ ...base, displayName: 'Desired', mayContainTypes: ['X', 'Y'] });
    const live = n({ ...base, displayName: 'Live', description: 'Only in the CMS', properties: { body: { type: 'richText' } } });
    expect(mergeDefinitions(undefined, desired, live, 'desired').conflicts.map((conflict) => conflict.path)).toEqual([
      'description',
      'displayName',
      'mayContainTypes',
      'properties.title',
    ]);
  });

  it('merges property groups', () => {
    const result = mergeDefinitions(
      normalizePropertyGroup({ key: 'G', displayName: 'G' }, OPTIMIZELY_DEFAULTS),
      normalizePropertyGroup({ key: 'G', displayName: 'Desired' }, OPTIMIZELY_DEFAULTS),
      normalizePropertyGroup({ key: 'G', displayName: 'G', sortOrder: 3 }, OPTIMIZELY_DEFAULTS),
      'desired',
    );
    expect(result).toEqual({ merged: { key: 'G', displayName: 'Desired', sortOrder: 3 }, conflicts: [] });
  });
});
