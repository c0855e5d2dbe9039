import { OPTIMIZELY_DEFAULTS } from '../../../src/adapters/optimizely/profile.js';
import { describe, expect, it } from 'vitest';
import type { ContentTypeDef } from '../../../src/core/model.js';
import { normalizeContentType } from '../../../src/core/normalize.js';
import type { ConflictStrategy } from '../../../src/core/generated/plan.js';
import { mergeContentType } from '../../../src/sources/catalyst/import/merge-content-type.js';

const base = normalizeContentType(
  {
    key: 'Article',
    baseType: '_page',
    displayName: 'Article',
    properties: {
      title: { type: 'string', required: true, maxLength: 100, sortOrder: 1 },
      body: { type: 'richText', sortOrder: 2 },
      views: { type: 'integer', sortOrder: 3 },
    },
  },
  OPTIMIZELY_DEFAULTS,
);

type Edit = (def: ContentTypeDef) => void;
const edit = (...edits: Edit[]): ContentTypeDef => {
  const copy = structuredClone(base);
  for (const apply of edits) apply(copy);
  return normalizeContentType(copy, OPTIMIZELY_DEFAULTS);
};

describe('mergeContentType', () => {
  const cases: Array<{ name: string; ours: Edit[]; theirs: Edit[]; expected: Edit[]; conflicts?: string[]; strategy?: ConflictStrategy }> =
    [
      { name: 'nothing changed', ours: [], theirs: [], expected: [] },
      { name: 'ours only', ours: [(d) => (d.displayName = 'Story')], theirs: [], expected: [(d) => (d.displayName = 'Story')] },
      { name: 'theirs only', ours: [], theirs: [(d) => (d.description = 'News')], expected: [(d) => (d.description = 'News')] },
      {
        name: 'different members of one property merge',
        ours: [(d) => (d.properties.title!.displayName = 'Headline')],
        theirs: [(d) => (d.properties.title!.maxLength = 120)],
        expected: [(d) => (d.properties.title!.displayName = 'Headline'), (d) => (d.properties.title!.maxLength = 120)],
      },
      {
        name: 'the same edit on both sides is not a conflict',
        ours: [(d) => (d.properties.title!.maxLength = 120)],
        theirs: [(d) => (d.properties.title!.maxLength = 120)],
        expected: [(d) => (d.properties.title!.maxLength = 120)],
      },
      {
        name: 'different edits of one member conflict; ours is kept',
        ours: [(d) => (d.properties.title!.maxLength = 80)],
        theirs: [(d) => (d.properties.title!.maxLength = 120)],
        expected: [(d) => (d.properties.title!.maxLength = 80)],
        conflicts: ['properties.title.maxLength'],
      },
      {
        name: 'live-wins settles a conflict to theirs (Catalyst)',
        ours: [(d) => (d.properties.title!.maxLength = 80)],
        theirs: [(d) => (d.properties.title!.maxLength = 120)],
        expected: [(d) => (d.properties.title!.maxLength = 120)],
        strategy: 'live-wins',
      },
      {
        name: 'desired-wins settles a conflict to ours (YAML)',
        ours: [(d) => (d.displayName = 'Ours')],
        theirs: [(d) => (d.displayName = 'Theirs')],
        expected: [(d) => (d.displayName = 'Ours')],
        strategy: 'desired-wins',
      },
      {
        name: 'a property added on each side',
        ours: [(d) => (d.properties.summary = { type: 'string' })],
        theirs: [(d) => (d.properties.image = { type: 'contentReference', allowedTypes: ['_image'] })],
        expected: [
          (d) => (d.properties.summary = { type: 'string' }),
          (d) => (d.properties.image = { type: 'contentReference', allowedTypes: ['_image'] }),
        ],
      },
      {
        name: 'removed in theirs, untouched in ours',
        ours: [],
        theirs: [(d) => delete d.properties.views],
        expected: [(d) => delete d.properties.views],
      },
      {
        name: 'removed in theirs, edited in ours: conflict',
        ours: [(d) => (d.properties.views!.type = 'float')],
        theirs: [(d) => delete d.properties.views],
        expected: [(d) => (d.properties.views!.type = 'float')],
        conflicts: ['properties.views'],
      },
      {
        name: 'type-level and property conflicts are all reported',
        ours: [(d) => (d.displayName = 'A'), (d) => (d.properties.body!.required = true)],
        theirs: [(d) => (d.displayName = 'B'), (d) => (d.properties.body!.type = 'string')],
        expected: [(d) => (d.displayName = 'A'), (d) => (d.properties.body!.required = true), (d) => (d.properties.body!.type = 'string')],
        conflicts: ['displayName'],
      },
    ];
  it.each(cases)('$name', ({ ours, theirs, expected, conflicts = [], strategy = 'manual' }) => {
    const result = mergeContentType(base, edit(...ours), edit(...theirs), strategy, OPTIMIZELY_DEFAULTS);
    expect(result.conflicts.map((conflict) => conflict.path)).toEqual(conflicts);
    expect(result.merged).toEqual(edit(...expected));
  });

  it('without a base, every member the two sides hold differently conflicts', () => {
    const ours = edit(
      (d) => (d.properties.title!.maxLength = 80),
      (d) => delete d.properties.views,
    );
    const theirs = edit(
      (d) => (d.properties.title!.maxLength = 120),
      (d) => delete d.properties.body,
    );
    const result = mergeContentType(undefined, ours, theirs, 'manual', OPTIMIZELY_DEFAULTS);
    expect(result.conflicts.map((conflict) => [conflict.path, conflict.ours, conflict.theirs])).toEqual([
      ['properties.body', base.properties.body, undefined],
      ['properties.title.maxLength', 80, 120],
      ['properties.views', undefined, base.properties.views],
    ]);
    expect(mergeContentType(undefined, ours, ours, 'manual', OPTIMIZELY_DEFAULTS).conflicts).toEqual([]);
  });

  it('set-like lists changed on both sides merge entry by entry under merge, and conflict under manual (as for a CMS)', () => {
    const withTypes = (types: string[]) => edit((d) => (d.mayContainTypes = types));
    const result = mergeContentType(withTypes(['A']), withTypes(['A', 'B']), withTypes(['A', 'C']), 'merge', OPTIMIZELY_DEFAULTS);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.mayContainTypes).toEqual(['A', 'B', 'C']);
    const manual = mergeContentType(withTypes(['A']), withTypes(['A', 'B']), withTypes(['A', 'C']), 'manual', OPTIMIZELY_DEFAULTS);
    expect(manual.conflicts.map((conflict) => conflict.path)).toEqual(['mayContainTypes']);
  });
});
