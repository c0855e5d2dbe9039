import { emptyBaseState } from '../../src/core/state.js';
import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { describe, expect, it } from 'vitest';
import { digest } from '../../src/core/digest.js';
import { normalizeContentType } from '../../src/core/normalize.js';
import { createPlan } from '../../src/core/plan.js';
import { component, desiredState, etagOf, group, liveState, NOW, plan, resource, TARGET, type, RULES } from './helpers.js';

const article = type('Article', { properties: { title: { type: 'string' }, body: { type: 'richText' } } });

describe('createPlan: what every change carries', () => {
  it('create: before null, after the desired definition, precondition "absent"', () => {
    const entry = resource(plan({ types: [article] }, {}, {}), 'contentType', 'Article');
    expect(entry).toMatchObject({
      before: null,
      after: normalizeContentType(article, OPTIMIZELY_DEFAULTS),
      precondition: { kind: 'absent' },
      risk: 'safe',
      codes: [],
      changes: [],
    });
    expect(entry.digests).toEqual({ desired: digest(normalizeContentType(article, OPTIMIZELY_DEFAULTS)) });
  });

  it('update: before the live definition, after the desired one, precondition the live version and digest', () => {
    const edited = type('Article', { properties: { title: { type: 'string' } } });
    const result = plan({ types: [edited] }, { types: [article] }, { types: [article] });
    const entry = resource(result, 'contentType', 'Article');
    const live = normalizeContentType(article, OPTIMIZELY_DEFAULTS);
    expect(entry).toMatchObject({
      before: live,
      after: normalizeContentType(edited, OPTIMIZELY_DEFAULTS),
      precondition: { kind: 'version', version: { etag: etagOf(live) }, digest: digest(live) },
      digests: { desired: digest(normalizeContentType(edited, OPTIMIZELY_DEFAULTS)), base: digest(live), live: digest(live) },
      risk: 'destructive',
      codes: ['DS102'],
    });
    expect(entry.changes).toEqual([
      {
        op: 'remove',
        path: 'properties.body',
        property: 'body',
        before: { type: 'richText' },
        risk: 'destructive',
        code: 'DS102',
        reason: 'removes property "body" and its values in all content',
      },
    ]);
    expect(result.steps).toEqual([
      {
        action: 'update',
        kind: 'contentType',
        key: 'Article',
        previous: live,
        next: normalizeContentType(edited, OPTIMIZELY_DEFAULTS),
        precondition: { kind: 'version', version: { etag: etagOf(live) }, digest: digest(live) },
        dataLoss: true,
        codes: ['DS102'],
        purpose: 'change',
      },
    ]);
  });

  it('delete: before the live definition, after null, DS101, approval required', () => {
    const result = plan({}, { types: [article] }, { types: [article] });
    expect(resource(result, 'contentType', 'Article')).toMatchObject({
      before: normalizeContentType(article, OPTIMIZELY_DEFAULTS),
      after: null,
      risk: 'destructive',
      codes: ['DS101'],
    });
    expect(result.requiresApproval).toEqual([
      {
        kind: 'contentType',
        key: 'Article',
        code: 'DS101',
        path: '',
        reason: 'deletes content type "Article" and all content of this type',
      },
    ]);
    expect(result.summary.destructive).toBe(1);
  });

  it('deleting a property group is DS107', () => {
    const result = plan({}, { groups: [group('Seo')] }, { groups: [group('Seo')] });
    expect(result.requiresApproval.map((item) => item.code)).toEqual(['DS107']);
  });

  it('adopt and forget are lockfile-only steps', () => {
    const adopted = plan({ types: [article] }, {}, { types: [article] });
    expect(resource(adopted, 'contentType', 'Article')).toMatchObject({
      before: normalizeContentType(article, OPTIMIZELY_DEFAULTS),
      after: normalizeContentType(article, OPTIMIZELY_DEFAULTS),
    });
    expect(adopted.steps).toEqual([
      {
        action: 'adopt',
        kind: 'contentType',
        key: 'Article',
        definition: normalizeContentType(article, OPTIMIZELY_DEFAULTS),
        version: { etag: etagOf(normalizeContentType(article, OPTIMIZELY_DEFAULTS)) },
      },
    ]);
    expect(adopted.summary.writes).toBe(0);
    const forgotten = plan({}, { types: [article] }, {});
    expect(forgotten.steps).toEqual([{ action: 'forget', kind: 'contentType', key: 'Article' }]);
    expect(resource(forgotten, 'contentType', 'Article')).toMatchObject({ before: null, after: null, precondition: null });
  });

  it('only breaking or safe changes need no approval, and dataLoss stays false', () => {
    const tightened = type('Article', { properties: { title: { type: 'string', maxLength: 10 }, body: { type: 'richText' } } });
    const result = plan({ types: [tightened] }, { types: [article] }, { types: [article] });
    expect(result.requiresApproval).toEqual([]);
    expect(result.steps[0]).toMatchObject({ dataLoss: false, codes: ['BC102'] });
    expect(resource(result, 'contentType', 'Article').risk).toBe('breaking');
  });
});

describe('createPlan: drift section', () => {
  it('lists owned resources changed in the CMS, separately from the changes', () => {
    const live = type('Article', { description: 'CMS edit', properties: article.properties });
    const result = plan({ types: [article, type('Other')] }, { types: [article, type('Other')] }, { types: [live] });
    expect(result.drift).toEqual([
      {
        kind: 'contentType',
        key: 'Article',
        change: 'changed',
        changes: [{ op: 'add', path: 'description', member: 'description', after: 'CMS edit' }],
        digests: {
          base: digest(normalizeContentType(article, OPTIMIZELY_DEFAULTS)),
          live: digest(normalizeContentType(live, OPTIMIZELY_DEFAULTS)),
        },
      },
      {
        kind: 'contentType',
        key: 'Other',
        change: 'deleted',
        changes: [],
        digests: { base: digest(normalizeContentType(type('Other'), OPTIMIZELY_DEFAULTS)) },
      },
    ]);
    expect(result.summary.drifted).toBe(2);
  });

  it('has no drift when only YAML changed', () => {
    expect(plan({ types: [type('Article', { displayName: 'X' })] }, { types: [article] }, { types: [article] }).drift).toEqual([]);
  });
});

describe('createPlan: inputs', () => {
  it('normalizes all three sides itself, so spellings never show as changes', () => {
    const spelled = type('Article', {
      sortOrder: 0,
      description: '',
      mayContainTypes: [],
      properties: {
        title: { type: 'string', required: false, localized: false, displayMode: 'available' },
        body: { type: 'richText', editorSettings: {} },
      },
    });
    const result = plan({ types: [spelled] }, { types: [article] }, { types: [article] });
    expect(resource(result, 'contentType', 'Article').status).toBe('in_sync');
    expect(result.steps).toEqual([]);
  });

  it('recomputes base digests instead of trusting the lockfile', () => {
    const base = {
      contentTypes: { Article: { def: article, digest: 'sha256:stale', version: {}, syncedAt: NOW, syncedBy: 'x' } },
      propertyGroups: {},
      displayTemplates: {},
    };
    const result = createPlan({
      desired: desiredState({ types: [article] }),
      base,
      live: liveState({ types: [article] }),
      options: { now: NOW, target: TARGET, rules: RULES },
    });
    expect(resource(result, 'contentType', 'Article').status).toBe('in_sync');
  });

  it('takes the clock as a parameter and is deterministic whatever the input order', () => {
    const types = [type('B'), type('A'), component('C')];
    const one = plan({ types }, {}, { types: [type('Z'), type('Y')] }, { now: '2030-01-01T00:00:00Z' });
    const two = plan({ types: [...types].reverse() }, {}, { types: [type('Y'), type('Z')] }, { now: '2030-01-01T00:00:00Z' });
    expect(two).toEqual(one);
    expect(one.createdAt).toBe('2030-01-01T00:00:00Z');
    expect(one.resources.map((entry) => entry.key)).toEqual(['A', 'B', 'C', 'Y', 'Z']);
  });

  it('lists property groups before content types', () => {
    const result = plan({ types: [type('A')], groups: [group('Z')] }, {}, {});
    expect(result.resources.map((entry) => `${entry.kind}:${entry.key}`)).toEqual(['propertyGroup:Z', 'contentType:A']);
  });

  it('keeps the origin of desired definitions', () => {
    const desired = desiredState({ types: [article] });
    desired.contentTypes[0]!.origin = { file: 'content-types/Article.yaml', line: 1, column: 1 };
    const result = createPlan({
      desired,
      base: emptyBaseState(),
      live: liveState({}),
      options: { now: NOW, target: TARGET, rules: RULES },
    });
    expect(resource(result, 'contentType', 'Article').origin).toEqual({ file: 'content-types/Article.yaml', line: 1, column: 1 });
  });

  it('blocks a duplicate desired key (PL110) and plans the first declaration', () => {
    const result = plan({ types: [type('A', { displayName: 'First' }), type('A', { displayName: 'Second' })] }, {}, {});
    expect(result.blockers.map((blocker) => blocker.code)).toEqual(['PL110']);
    expect(resource(result, 'contentType', 'A').after?.displayName).toBe('First');
  });

  it('in pull mode never writes the CMS: a type only the YAML has is removed from the YAML, with approval', () => {
    const result = plan({ types: [article] }, {}, {}, { mode: 'pull' });
    expect(result.steps).toEqual([]);
    expect(resource(result, 'contentType', 'Article').toYaml).toMatchObject({ action: 'remove', after: null });
    expect(result.requiresApproval.map((item) => `${item.code} ${item.key}`)).toEqual(['DS101 Article']);
    expect(result.summary.yamlWrites).toBe(1);
  });
});

describe('createPlan: safety checks across resources', () => {
  it('blocks an immutable baseType change (PL105, DS108)', () => {
    const result = plan({ types: [component('Article')] }, { types: [type('Article')] }, { types: [type('Article')] });
    expect(result.blockers.map((blocker) => blocker.code)).toEqual(['PL105']);
    expect(resource(result, 'contentType', 'Article').codes).toEqual(['DS108']);
  });

  it('blocks a desired type that references a type this plan deletes (PL107)', () => {
    const hero = component('Hero');
    const page = type('Page', { properties: { hero: { type: 'component', contentType: 'Hero' } } });
    const result = plan({ types: [page] }, { types: [page, hero] }, { types: [page, hero] });
    expect(result.blockers.map((blocker) => [blocker.code, blocker.resources.map((ref) => ref.key)])).toEqual([
      ['PL107', ['Page', 'Hero']],
    ]);
    expect(resource(result, 'contentType', 'Page').blocked).toBe(true);
    expect(resource(result, 'contentType', 'Hero').blocked).toBe(true);
  });

  it('blocks a desired property whose group this plan deletes', () => {
    const page = type('Page', { properties: { title: { type: 'string', group: 'Seo' } } });
    const result = plan({ types: [page] }, { types: [page], groups: [group('Seo')] }, { types: [page], groups: [group('Seo')] });
    expect(result.blockers.map((blocker) => blocker.code)).toEqual(['PL107']);
  });

  it('warns when an unmanaged live type uses a resource this plan deletes (PL112), without blocking', () => {
    const hero = component('Hero');
    const foreign = type('Foreign', { properties: { hero: { type: 'component', contentType: 'Hero' } } });
    const result = plan({}, { types: [hero] }, { types: [hero, foreign] });
    expect(result.warnings.map((warning) => warning.code)).toEqual(['PL112']);
    expect(result.applyable).toBe(true);
  });
});

describe('createPlan: summary', () => {
  it('counts statuses, actions, steps, writes, conflicts, drift and destructive changes', () => {
    const result = plan(
      { types: [type('New'), type('Changed', { displayName: 'Now' }), type('Same')], groups: [group('G')] },
      { types: [type('Changed'), type('Same'), type('Gone')], groups: [group('G')] },
      { types: [type('Changed'), type('Same', { description: 'drift' }), type('Gone'), type('Foreign')], groups: [group('G')] },
    );
    expect(result.summary).toEqual({
      statuses: { new: 1, adopt: 0, modified: 1, drifted: 1, conflict: 0, deleted: 1, in_sync: 1, unmanaged: 1 },
      actions: { create: 1, update: 2, delete: 1, adopt: 0, forget: 0, none: 2 },
      steps: 4,
      writes: 4,
      yamlWrites: 0,
      conflicts: 0,
      drifted: 1,
      destructive: 1,
    });
  });
});
