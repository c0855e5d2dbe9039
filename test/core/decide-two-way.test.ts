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
