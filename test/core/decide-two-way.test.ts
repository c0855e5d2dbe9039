import { describe, expect, it } from 'vitest';
import type { ConflictStrategy, SyncMode } from '../../src/core/generated/plan.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import { plan, resource, type } from './helpers.js';

/**
 * The three-way merge per member kind, per strategy, in bidirectional mode: a member changed on
 * one side flows to the other; changed on both sides it is settled by the strategy. Each row
 * gives base, YAML and CMS, and what each side holds afterwards (or that the plan blocks).
 */
const base = type('Article', {
  displayName: 'Article',
  mayContainTypes: ['Hero', 'News'],
  properties: {
    title: { type: 'string', maxLength: 100 },
    list: { type: 'array', items: { type: 'content', allowedTypes: ['Hero'] } },
    body: { type: 'richText' },
  },
});
const edit = (changes: (def: ContentTypeDef) => void): ContentTypeDef => {
  const def = structuredClone(base);
  changes(def);
  return def;
};

interface Row {
  member: string;
  yaml: ContentTypeDef;
  cms: ContentTypeDef;
  /** By strategy: the definition both sides hold after apply, or 'blocked'. */
  expect: Partial<Record<ConflictStrategy, ContentTypeDef | 'blocked'>>;
}

const yamlTitle = edit((def) => (def.displayName = 'Article (YAML)'));
const cmsTitle = edit((def) => (def.displayName = 'Article (CMS)'));
const ROWS: Row[] = [
  {
    member: 'scalar, changed on one side each (different members)',
    yaml: yamlTitle,
    cms: edit((def) => (def.properties['title']!.maxLength = 200)),
    expect: {
      manual: edit((def) => {
        def.displayName = 'Article (YAML)';
        def.properties['title']!.maxLength = 200;
      }),
      merge: edit((def) => {
        def.displayName = 'Article (YAML)';
        def.properties['title']!.maxLength = 200;
      }),
    },
  },
  {
    member: 'scalar, changed on both sides',
    yaml: yamlTitle,
    cms: cmsTitle,
    expect: { manual: 'blocked', merge: 'blocked', 'desired-wins': yamlTitle, 'live-wins': cmsTitle },
  },
  {
    member: 'set-like list, different entries added on each side',
    yaml: edit((def) => (def.mayContainTypes = ['Blog', 'Hero', 'News'])),
    cms: edit((def) => (def.mayContainTypes = ['Hero', 'News', 'Page'])),
    expect: {
      manual: 'blocked',
      merge: edit((def) => (def.mayContainTypes = ['Blog', 'Hero', 'News', 'Page'])),
      'desired-wins': edit((def) => (def.mayContainTypes = ['Blog', 'Hero', 'News', 'Page'])),
      'live-wins': edit((def) => (def.mayContainTypes = ['Blog', 'Hero', 'News', 'Page'])),
    },
  },
  {
    member: 'set-like list in items: one side adds, the other removes',
    yaml: edit((def) => (def.properties['list']!.items!.allowedTypes = ['Hero', 'News'])),
    cms: edit((def) => (def.properties['list']!.items!.allowedTypes = undefined)),
    expect: { manual: 'blocked', merge: edit((def) => (def.properties['list']!.items!.allowedTypes = ['News'])) },
  },
  {
    member: 'nested property member, changed on both sides',
    yaml: edit((def) => (def.properties['title']!.maxLength = 50)),
    cms: edit((def) => (def.properties['title']!.maxLength = 60)),
    expect: {
      manual: 'blocked',
      'desired-wins': edit((def) => (def.properties['title']!.maxLength = 50)),
      'live-wins': edit((def) => (def.properties['title']!.maxLength = 60)),
    },
  },
  {
    member: 'property removed in YAML, edited in the CMS',
    yaml: edit((def) => delete def.properties['body']),
    cms: edit((def) => (def.properties['body']!.displayName = 'Body text')),
    expect: {
      manual: 'blocked',
      merge: 'blocked',
      'desired-wins': edit((def) => delete def.properties['body']),
      'live-wins': edit((def) => (def.properties['body']!.displayName = 'Body text')),
    },
  },
  {
    member: 'property edited in YAML, removed in the CMS',
    yaml: edit((def) => (def.properties['body']!.displayName = 'Body text')),
    cms: edit((def) => delete def.properties['body']),
    expect: {
      manual: 'blocked',
      'desired-wins': edit((def) => (def.properties['body']!.displayName = 'Body text')),
      'live-wins': edit((def) => delete def.properties['body']),
    },
  },
  {
    member: 'property added on each side',
    yaml: edit((def) => (def.properties['summary'] = { type: 'string' })),
    cms: edit((def) => (def.properties['teaser'] = { type: 'richText' })),
    expect: {
      manual: edit((def) => {
        def.properties['summary'] = { type: 'string' };
        def.properties['teaser'] = { type: 'richText' };
      }),
    },
  },
];

const CASES = ROWS.flatMap((row) =>
  Object.entries(row.expect).map(([strategy, expected]) => ({ ...row, strategy: strategy as ConflictStrategy, expected })),
);

describe('bidirectional: the member-wise merge, per member kind and strategy', () => {
  it.each(CASES)('$member, $strategy', ({ yaml, cms, strategy, expected }) => {
    const result = plan({ types: [yaml] }, { types: [base] }, { types: [cms] }, { mode: 'bidirectional', strategy });
    const entry = resource(result, 'contentType', 'Article');
    if (expected === 'blocked') {
      expect(result.applyable).toBe(false);
      expect(result.blockers.map((blocker) => blocker.code)).toEqual(['PL101']);
      expect(entry.conflicts.every((conflict) => conflict.resolution === 'unresolved')).toBe(true);
      return;
    }
    expect(result.blockers).toEqual([]);
    const cmsAfter = entry.action === 'update' || entry.action === 'adopt' ? entry.after : undefined;
    const yamlAfter = entry.toYaml ? entry.toYaml.after : yaml;
    expect(cmsAfter).toEqual(resource(plan({ types: [expected] }, {}, {}), 'contentType', 'Article').after);
    expect(yamlAfter).toEqual(cmsAfter);
  });
});

describe('a resource deleted on one side and edited on the other, both ways', () => {
  const deletedCases: Array<{ mode: SyncMode; strategy: ConflictStrategy; side: 'yaml' | 'cms'; outcome: string }> = [
    { mode: 'bidirectional', strategy: 'manual', side: 'yaml', outcome: 'blocked PL102' },
    { mode: 'bidirectional', strategy: 'desired-wins', side: 'yaml', outcome: 'cms delete' },
    { mode: 'bidirectional', strategy: 'live-wins', side: 'yaml', outcome: 'yaml create' },
    { mode: 'bidirectional', strategy: 'manual', side: 'cms', outcome: 'blocked PL115' },
    { mode: 'bidirectional', strategy: 'desired-wins', side: 'cms', outcome: 'cms create' },
    { mode: 'bidirectional', strategy: 'live-wins', side: 'cms', outcome: 'yaml remove' },
    { mode: 'pull', strategy: 'manual', side: 'yaml', outcome: 'yaml create' },
    { mode: 'pull', strategy: 'manual', side: 'cms', outcome: 'yaml remove' },
  ];
  it.each(deletedCases)('$mode, $strategy, deleted in $side: $outcome', ({ mode, strategy, side, outcome }) => {
    const edited = edit((def) => (def.displayName = 'Edited'));
    const result =
      side === 'yaml'
        ? plan({}, { types: [base] }, { types: [edited] }, { mode, strategy })
        : plan({ types: [edited] }, { types: [base] }, {}, { mode, strategy });
    const entry = resource(result, 'contentType', 'Article');
    const [what, detail] = outcome.split(' ');
    if (what === 'blocked') {
      expect(result.blockers.map((blocker) => blocker.code)).toEqual([detail]);
      return;
    }
    expect(result.blockers).toEqual([]);
    if (what === 'cms') expect(entry.action).toBe(detail);
    else expect(entry.toYaml?.action).toBe(detail);
  });
});

describe('enum values under merge: by value, in order', () => {
  const withEnum = (values: Array<[string, string]>) =>
    type('Article', { properties: { size: { type: 'string', enum: values.map(([value, displayName]) => ({ value, displayName })) } } });
  const cases: Array<{
    name: string;
    yaml: Array<[string, string]>;
    cms: Array<[string, string]>;
    expected: Array<[string, string]> | 'blocked';
  }> = [
    {
      name: 'values added on each side: all kept, base order first',
      yaml: [
        ['s', 'Small'],
        ['m', 'Medium'],
        ['xl', 'Extra large'],
      ],
      cms: [
        ['s', 'Small'],
        ['m', 'Medium'],
        ['xs', 'Extra small'],
      ],
      expected: [
        ['s', 'Small'],
        ['m', 'Medium'],
        ['xl', 'Extra large'],
        ['xs', 'Extra small'],
      ],
    },
    {
      name: 'one side removes, the other adds',
      yaml: [['s', 'Small']],
      cms: [
        ['s', 'Small'],
        ['m', 'Medium'],
        ['l', 'Large'],
      ],
      expected: [
        ['s', 'Small'],
        ['l', 'Large'],
      ],
    },
    {
      name: 'one side renames a value, the other adds',
      yaml: [
        ['s', 'Tiny'],
        ['m', 'Medium'],
      ],
      cms: [
        ['s', 'Small'],
        ['m', 'Medium'],
        ['l', 'Large'],
      ],
      expected: [
        ['s', 'Tiny'],
        ['m', 'Medium'],
        ['l', 'Large'],
      ],
    },
    {
      name: 'the same value renamed differently',
      yaml: [
        ['s', 'Tiny'],
        ['m', 'Medium'],
      ],
      cms: [
        ['s', 'Little'],
        ['m', 'Medium'],
      ],
      expected: 'blocked',
    },
  ];
  it.each(cases)('$name', ({ yaml, cms, expected }) => {
    const base = withEnum([
      ['s', 'Small'],
      ['m', 'Medium'],
    ]);
    const result = plan(
      { types: [withEnum(yaml)] },
      { types: [base] },
      { types: [withEnum(cms)] },
      { mode: 'bidirectional', strategy: 'merge' },
    );
    if (expected === 'blocked') {
      expect(result.blockers.map((blocker) => blocker.code)).toEqual(['PL101']);
      return;
    }
    expect(result.blockers).toEqual([]);
    const entry = resource(result, 'contentType', 'Article');
    const after = entry.action === 'update' || entry.action === 'adopt' ? entry.after : undefined;
    expect((after as ContentTypeDef).properties['size']!.enum).toEqual(expected.map(([value, displayName]) => ({ value, displayName })));
    expect(entry.toYaml?.after ?? withEnum(yaml)).toEqual(after);
  });

  it('under manual, both sides changing the values is a conflict', () => {
    const base = withEnum([['s', 'Small']]);
    const result = plan(
      {
        types: [
          withEnum([
            ['s', 'Small'],
            ['m', 'Medium'],
          ]),
        ],
      },
      { types: [base] },
      {
        types: [
          withEnum([
            ['s', 'Small'],
            ['l', 'Large'],
          ]),
        ],
      },
      { mode: 'bidirectional', strategy: 'manual' },
    );
    expect(result.blockers.map((blocker) => blocker.code)).toEqual(['PL101']);
  });
});
