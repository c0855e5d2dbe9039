import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { describe, expect, it } from 'vitest';
import { diffDefinitions } from '../../src/core/diff.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import { normalizeContentType, normalizePropertyGroup } from '../../src/core/normalize.js';
import { type } from './helpers.js';

const n = (def: ContentTypeDef) => normalizeContentType(def, OPTIMIZELY_DEFAULTS);

describe('diffDefinitions', () => {
  const cases: Array<{ name: string; before: ContentTypeDef; after: ContentTypeDef; expected: unknown[] }> = [
    { name: 'identical definitions', before: type('A'), after: type('A'), expected: [] },
    {
      name: 'a type-level member changes',
      before: type('A', { displayName: 'Old' }),
      after: type('A', { displayName: 'New' }),
      expected: [{ op: 'change', path: 'displayName', member: 'displayName', before: 'Old', after: 'New' }],
    },
    {
      name: 'a member is added and another removed',
      before: type('A', { description: 'About' }),
      after: type('A', { sortOrder: 3 }),
      expected: [
        { op: 'remove', path: 'description', member: 'description', before: 'About' },
        { op: 'add', path: 'sortOrder', member: 'sortOrder', after: 3 },
      ],
    },
    {
      name: 'type-level members come before properties, whatever their names',
      before: type('A', { sortOrder: 1, properties: { p: { type: 'string' } } }),
      after: type('A', { sortOrder: 2, properties: { p: { type: 'url' } } }),
      expected: [
        { op: 'change', path: 'sortOrder', member: 'sortOrder', before: 1, after: 2 },
        { op: 'change', path: 'properties.p.type', property: 'p', member: 'type', before: 'string', after: 'url' },
      ],
    },
    {
      name: 'a set-like list reports its added and removed entries',
      before: type('A', { mayContainTypes: ['B', 'C'] }),
      after: type('A', { mayContainTypes: ['C', 'D', 'E'] }),
      expected: [
        {
          op: 'change',
          path: 'mayContainTypes',
          member: 'mayContainTypes',
          before: ['B', 'C'],
          after: ['C', 'D', 'E'],
          added: ['D', 'E'],
          removed: ['B'],
        },
      ],
    },
    {
      name: 'a set-like list appears',
      before: type('A'),
      after: type('A', { contracts: ['Seo'] }),
      expected: [{ op: 'add', path: 'contracts', member: 'contracts', after: ['Seo'], added: ['Seo'], removed: [] }],
    },
    {
      name: 'properties added and removed are one change each',
      before: type('A', { properties: { old: { type: 'string', required: true } } }),
      after: type('A', { properties: { fresh: { type: 'url' } } }),
      expected: [
        { op: 'add', path: 'properties.fresh', property: 'fresh', after: { type: 'url' } },
        { op: 'remove', path: 'properties.old', property: 'old', before: { type: 'string', required: true } },
      ],
    },
    {
      name: 'a property present on both sides is compared member by member, items too',
      before: type('A', { properties: { tags: { type: 'array', items: { type: 'string', maxLength: 10 }, maxItems: 5 } } }),
      after: type('A', {
        properties: { tags: { type: 'array', items: { type: 'string', maxLength: 20, allowedTypes: ['X'] }, maxItems: 5, required: true } },
      }),
      expected: [
        {
          op: 'add',
          path: 'properties.tags.items.allowedTypes',
          property: 'tags',
          member: 'items.allowedTypes',
          after: ['X'],
          added: ['X'],
          removed: [],
        },
        { op: 'change', path: 'properties.tags.items.maxLength', property: 'tags', member: 'items.maxLength', before: 10, after: 20 },
        { op: 'add', path: 'properties.tags.required', property: 'tags', member: 'required', after: true },
      ],
    },
    {
      name: 'enum is one ordered value: reordering is a change',
      before: type('A', {
        properties: {
          size: {
            type: 'string',
            enum: [
              { value: 's', displayName: 'S' },
              { value: 'm', displayName: 'M' },
            ],
          },
        },
      }),
      after: type('A', {
        properties: {
          size: {
            type: 'string',
            enum: [
              { value: 'm', displayName: 'M' },
              { value: 's', displayName: 'S' },
            ],
          },
        },
      }),
      expected: [
        {
          op: 'change',
          path: 'properties.size.enum',
          property: 'size',
          member: 'enum',
          before: [
            { value: 's', displayName: 'S' },
            { value: 'm', displayName: 'M' },
          ],
          after: [
            { value: 'm', displayName: 'M' },
            { value: 's', displayName: 'S' },
          ],
        },
      ],
    },
    {
      name: 'type-level members come first (sorted), properties last (sorted by key)',
      before: type('A', { displayName: 'A', properties: { b: { type: 'string' }, a: { type: 'string' } } }),
      after: type('A', { displayName: 'B', accessRights: [], properties: { b: { type: 'url' }, a: { type: 'url' } } }),
      expected: [
        { op: 'add', path: 'accessRights', member: 'accessRights', after: [] },
        { op: 'change', path: 'displayName', member: 'displayName', before: 'A', after: 'B' },
        { op: 'change', path: 'properties.a.type', property: 'a', member: 'type', before: 'string', after: 'url' },
        { op: 'change', path: 'properties.b.type', property: 'b', member: 'type', before: 'string', after: 'url' },
      ],
    },
  ];

  it.each(cases)('$name', ({ before, after, expected }) => {
    expect(diffDefinitions(n(before), n(after))).toEqual(expected);
  });

  it('is empty for two spellings of the same definition once normalized', () => {
    const a = n(type('A', { mayContainTypes: ['B', 'A'], properties: { t: { type: 'string', required: false, sortOrder: 0 } } }));
    const b = n(type('A', { mayContainTypes: ['A', 'B'], properties: { t: { type: 'string' } } }));
    expect(diffDefinitions(a, b)).toEqual([]);
  });

  it('diffs property groups', () => {
    expect(
      diffDefinitions(
        normalizePropertyGroup({ key: 'G', displayName: 'One' }, OPTIMIZELY_DEFAULTS),
        normalizePropertyGroup({ key: 'G', displayName: 'Two', sortOrder: 2 }, OPTIMIZELY_DEFAULTS),
      ),
    ).toEqual([
      { op: 'change', path: 'displayName', member: 'displayName', before: 'One', after: 'Two' },
      { op: 'add', path: 'sortOrder', member: 'sortOrder', after: 2 },
    ]);
  });

  it('is deterministic whatever the member order of its inputs', () => {
    const before = n(type('A', { properties: { z: { type: 'string' }, a: { type: 'string' } } }));
    const after = n(type('A', { properties: { a: { type: 'url' }, z: { type: 'url' } } }));
    const reversed = { ...after, properties: { z: after.properties.z!, a: after.properties.a! } };
    expect(diffDefinitions(before, reversed)).toEqual(diffDefinitions(before, after));
  });
});
