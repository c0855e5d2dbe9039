import { describe, expect, it } from 'vitest';
import { matchesKey, ownedMembers, strategyFor } from '../../src/core/key-patterns.js';
import { plan, resource, type } from './helpers.js';

const article = type('Article', { displayName: 'Article', properties: { title: { type: 'string', displayName: 'Title' } } });
const edited = (changes: Partial<typeof article>, title?: string) => {
  const def = structuredClone({ ...article, ...changes });
  if (title) def.properties['title']!.displayName = title;
  return def;
};
const OWNS = { cmsOwns: [['Art*', ['displayName', 'properties.*.displayName']]] as Array<[string, string[]]> };

describe('members the CMS owns (cmsOwns)', () => {
  it('a CMS change to an owned member is no drift and no step', () => {
    const cms = edited({ displayName: 'Tuned' }, 'Headline');
    const result = plan({ types: [article] }, { types: [article] }, { types: [cms] }, OWNS);
    expect(result.drift).toEqual([]);
    expect(result.steps).toEqual([]);
    expect(resource(result, 'contentType', 'Article').ownedByCms).toEqual(['displayName', 'properties.title.displayName']);
  });

  it('a YAML change to an owned member is never sent; other YAML changes are, around the CMS values', () => {
    const yaml = edited({ displayName: 'From YAML', description: 'New' });
    const cms = edited({ displayName: 'Tuned' });
    const result = plan({ types: [yaml] }, { types: [article] }, { types: [cms] }, OWNS);
    const entry = resource(result, 'contentType', 'Article');
    expect(entry.action).toBe('update');
    expect(entry.changes.map((change) => change.path)).toEqual(['description']);
    expect(entry.action === 'update' && entry.after.displayName).toBe('Tuned');
    expect(entry.digests.desired).not.toBe(entry.digests.live);
  });

  it('pull and bidirectional write the owned CMS values into YAML', () => {
    const cms = edited({ displayName: 'Tuned' });
    for (const mode of ['pull', 'bidirectional'] as const) {
      const result = plan({ types: [article] }, { types: [article] }, { types: [cms] }, { ...OWNS, mode });
      expect(resource(result, 'contentType', 'Article').toYaml).toMatchObject({ action: 'write', after: { displayName: 'Tuned' } });
    }
  });

  it('applies only to keys its pattern matches', () => {
    const news = type('News', { displayName: 'News' });
    const result = plan({ types: [news] }, { types: [news] }, { types: [{ ...news, displayName: 'Tuned' }] }, OWNS);
    expect(result.drift.map((entry) => entry.key)).toEqual(['News']);
  });
});

describe('strategies per key or pattern', () => {
  it('matches `*` as any characters, and an exact key before any pattern', () => {
    expect(matchesKey('Blog*', 'BlogPost')).toBe(true);
    expect(matchesKey('Blog*', 'MyBlog')).toBe(false);
    expect(matchesKey('*Page', 'ArticlePage')).toBe(true);
    expect(matchesKey('A.B', 'AxB')).toBe(false);
    const strategies: Array<[string, 'live-wins' | 'desired-wins']> = [
      ['Blog*', 'live-wins'],
      ['BlogPost', 'desired-wins'],
    ];
    expect(strategyFor('BlogPost', 'manual', strategies)).toBe('desired-wins');
    expect(strategyFor('BlogHome', 'manual', strategies)).toBe('live-wins');
    expect(strategyFor('News', 'manual', strategies)).toBe('manual');
    expect(
      ownedMembers('Article', [
        ['*', ['sortOrder']],
        ['Art*', ['displayName']],
      ]),
    ).toEqual(['displayName', 'sortOrder']);
  });

  it('settles each resource’s conflict with its own strategy', () => {
    const blog = type('BlogPost', { displayName: 'Blog' });
    const news = type('News', { displayName: 'News' });
    const result = plan(
      {
        types: [
          { ...blog, displayName: 'Blog (YAML)' },
          { ...news, displayName: 'News (YAML)' },
        ],
      },
      { types: [blog, news] },
      {
        types: [
          { ...blog, displayName: 'Blog (CMS)' },
          { ...news, displayName: 'News (CMS)' },
        ],
      },
      { mode: 'bidirectional', strategies: [['Blog*', 'live-wins']] },
    );
    expect(resource(result, 'contentType', 'BlogPost').conflicts.map((conflict) => conflict.resolution)).toEqual(['live']);
    expect(result.blockers.map((blocker) => blocker.resources.map((ref) => ref.key))).toEqual([['News']]);
  });
});
