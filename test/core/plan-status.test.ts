import { describe, expect, it } from 'vitest';
import type { ConflictStrategy } from '../../src/core/generated/plan.js';
import type { ContentTypeDef, PropertyGroupDef } from '../../src/core/model.js';
import { group, plan, resource, type } from './helpers.js';

/**
 * Every row of the status table in ARCHITECTURE.md, plus the special cases of the brief, for both
 * resource kinds. `v0` is the synced version; `desiredEdit` and `liveEdit` touch different
 * members; `liveClash` edits the member `desiredEdit` edits, to another value.
 */
interface Versions<T> {
  v0: T;
  desiredEdit: T;
  liveEdit: T;
  liveClash: T;
  kind: 'contentType' | 'propertyGroup';
  world: (defs: T[]) => { types?: ContentTypeDef[]; groups?: PropertyGroupDef[] };
}

const typeVersions: Versions<ContentTypeDef> = {
  kind: 'contentType',
  v0: type('Article', { properties: { title: { type: 'string' } } }),
  desiredEdit: type('Article', { displayName: 'Story', properties: { title: { type: 'string' } } }),
  liveEdit: type('Article', { description: 'Edited in the CMS', properties: { title: { type: 'string' } } }),
  liveClash: type('Article', { displayName: 'Post', properties: { title: { type: 'string' } } }),
  world: (defs) => ({ types: defs }),
};

const groupVersions: Versions<PropertyGroupDef> = {
  kind: 'propertyGroup',
  v0: group('Seo', 'SEO'),
  desiredEdit: group('Seo', 'Search'),
  liveEdit: { key: 'Seo', displayName: 'SEO', sortOrder: 5 },
  liveClash: group('Seo', 'Findability'),
  world: (defs) => ({ groups: defs }),
};

interface Row {
  name: string;
  desired: 'none' | 'v0' | 'desiredEdit';
  base: 'none' | 'v0';
  live: 'none' | 'v0' | 'liveEdit' | 'liveClash' | 'desiredEdit';
  strategy?: ConflictStrategy;
  expected: { status: string; action: string; actionReason: string; blockers: string[]; steps: string[]; conflicts?: string[] };
}

const rows: Row[] = [
  {
    name: 'new: present in YAML, no base, not live → create',
    desired: 'v0',
    base: 'none',
    live: 'none',
    expected: { status: 'new', action: 'create', actionReason: 'create_because_new', blockers: [], steps: ['create'] },
  },
  {
    name: 'adopt: identical → lockfile only',
    desired: 'v0',
    base: 'none',
    live: 'v0',
    expected: { status: 'adopt', action: 'adopt', actionReason: 'adopt_because_identical', blockers: [], steps: ['adopt'] },
  },
  {
    name: 'adopt: differs, manual → conflict blocks',
    desired: 'desiredEdit',
    base: 'none',
    live: 'v0',
    expected: {
      status: 'adopt',
      action: 'update',
      actionReason: 'update_because_adopted_differs',
      blockers: ['PL103'],
      steps: ['update'],
      conflicts: ['unresolved'],
    },
  },
  {
    name: 'adopt: differs, merge → conflict blocks',
    desired: 'desiredEdit',
    base: 'none',
    live: 'v0',
    strategy: 'merge',
    expected: {
      status: 'adopt',
      action: 'update',
      actionReason: 'update_because_adopted_differs',
      blockers: ['PL103'],
      steps: ['update'],
      conflicts: ['unresolved'],
    },
  },
  {
    name: 'adopt: differs, desired-wins → update to desired',
    desired: 'desiredEdit',
    base: 'none',
    live: 'v0',
    strategy: 'desired-wins',
    expected: {
      status: 'adopt',
      action: 'update',
      actionReason: 'update_because_adopted_differs',
      blockers: [],
      steps: ['update'],
      conflicts: ['desired'],
    },
  },
  {
    name: 'adopt: differs, live-wins → the CMS definition is recorded and written into YAML',
    desired: 'desiredEdit',
    base: 'none',
    live: 'v0',
    strategy: 'live-wins',
    expected: {
      status: 'adopt',
      action: 'adopt',
      actionReason: 'adopt_because_pulled',
      blockers: [],
      steps: ['adopt'],
      conflicts: ['live'],
    },
  },
  {
    name: 'modified: YAML changed, live unchanged → update',
    desired: 'desiredEdit',
    base: 'v0',
    live: 'v0',
    expected: { status: 'modified', action: 'update', actionReason: 'update_because_desired_changed', blockers: [], steps: ['update'] },
  },
  {
    name: 'drifted: YAML unchanged, live changed → revert live',
    desired: 'v0',
    base: 'v0',
    live: 'liveEdit',
    expected: { status: 'drifted', action: 'update', actionReason: 'update_because_drifted', blockers: [], steps: ['update'] },
  },
  {
    name: 'conflict: both changed, different members → update (no overlap)',
    desired: 'desiredEdit',
    base: 'v0',
    live: 'liveEdit',
    expected: { status: 'conflict', action: 'update', actionReason: 'update_because_both_changed', blockers: [], steps: ['update'] },
  },
  {
    name: 'conflict: both changed the same member, manual → blocks',
    desired: 'desiredEdit',
    base: 'v0',
    live: 'liveClash',
    expected: {
      status: 'conflict',
      action: 'update',
      actionReason: 'update_because_both_changed',
      blockers: ['PL101'],
      steps: ['update'],
      conflicts: ['unresolved'],
    },
  },
  {
    name: 'conflict: both changed the same member, merge → blocks',
    desired: 'desiredEdit',
    base: 'v0',
    live: 'liveClash',
    strategy: 'merge',
    expected: {
      status: 'conflict',
      action: 'update',
      actionReason: 'update_because_both_changed',
      blockers: ['PL101'],
      steps: ['update'],
      conflicts: ['unresolved'],
    },
  },
  {
    name: 'conflict: both changed the same member, desired-wins → update',
    desired: 'desiredEdit',
    base: 'v0',
    live: 'liveClash',
    strategy: 'desired-wins',
    expected: {
      status: 'conflict',
      action: 'update',
      actionReason: 'update_because_both_changed',
      blockers: [],
      steps: ['update'],
      conflicts: ['desired'],
    },
  },
  {
    name: 'conflict: both changed the same member, live-wins → the CMS value stays and is written into YAML',
    desired: 'desiredEdit',
    base: 'v0',
    live: 'liveClash',
    strategy: 'live-wins',
    expected: {
      status: 'conflict',
      action: 'adopt',
      actionReason: 'adopt_because_pulled',
      blockers: [],
      steps: ['adopt'],
      conflicts: ['live'],
    },
  },
  {
    name: 'both changed to the same value → in sync, lockfile only',
    desired: 'desiredEdit',
    base: 'v0',
    live: 'desiredEdit',
    expected: {
      status: 'in_sync',
      action: 'adopt',
      actionReason: 'adopt_because_both_changed_identically',
      blockers: [],
      steps: ['adopt'],
    },
  },
  {
    name: 'deleted: removed from YAML, live unchanged → delete',
    desired: 'none',
    base: 'v0',
    live: 'v0',
    expected: { status: 'deleted', action: 'delete', actionReason: 'delete_because_removed_from_desired', blockers: [], steps: ['delete'] },
  },
  {
    name: 'removed from YAML but edited live, manual → delete-vs-edit conflict',
    desired: 'none',
    base: 'v0',
    live: 'liveEdit',
    expected: {
      status: 'conflict',
      action: 'delete',
      actionReason: 'delete_because_removed_from_desired',
      blockers: ['PL102'],
      steps: ['delete'],
      conflicts: ['unresolved'],
    },
  },
  {
    name: 'removed from YAML but edited live, desired-wins → delete',
    desired: 'none',
    base: 'v0',
    live: 'liveEdit',
    strategy: 'desired-wins',
    expected: {
      status: 'conflict',
      action: 'delete',
      actionReason: 'delete_because_removed_from_desired',
      blockers: [],
      steps: ['delete'],
      conflicts: ['desired'],
    },
  },
  {
    name: 'removed from YAML but edited live, live-wins → forget, keep it live',
    desired: 'none',
    base: 'v0',
    live: 'liveEdit',
    strategy: 'live-wins',
    expected: {
      status: 'conflict',
      action: 'forget',
      actionReason: 'forget_because_live_wins',
      blockers: [],
      steps: ['forget'],
      conflicts: ['live'],
    },
  },
  {
    name: 'in_sync: nothing changed → nothing',
    desired: 'v0',
    base: 'v0',
    live: 'v0',
    expected: { status: 'in_sync', action: 'none', actionReason: 'none_because_in_sync', blockers: [], steps: [] },
  },
  {
    name: 'unmanaged: only live → reported, never touched',
    desired: 'none',
    base: 'none',
    live: 'v0',
    expected: { status: 'unmanaged', action: 'none', actionReason: 'none_because_unmanaged', blockers: [], steps: [] },
  },
  {
    name: 'deleted in the CMS while still in YAML → re-create',
    desired: 'v0',
    base: 'v0',
    live: 'none',
    expected: { status: 'drifted', action: 'create', actionReason: 'create_because_deleted_outside', blockers: [], steps: ['create'] },
  },
  {
    name: 'deleted in YAML and in the CMS → forget (lockfile only)',
    desired: 'none',
    base: 'v0',
    live: 'none',
    expected: { status: 'deleted', action: 'forget', actionReason: 'forget_because_gone_everywhere', blockers: [], steps: ['forget'] },
  },
];

describe.each([typeVersions, groupVersions] as Array<Versions<ContentTypeDef | PropertyGroupDef>>)(
  'plan status table: $kind',
  (versions) => {
    const pick = (name: Row['desired'] | Row['live']) => (name === 'none' ? [] : [versions[name]]);
    it.each(rows)('$name', ({ desired, base, live, strategy, expected }) => {
      const result = plan(
        versions.world(pick(desired)),
        versions.world(pick(base)),
        versions.world(pick(live)),
        strategy ? { strategy } : {},
      );
      const entry = resource(result, versions.kind, versions.v0.key);
      expect({ status: entry.status, action: entry.action, actionReason: entry.actionReason }).toEqual({
        status: expected.status,
        action: expected.action,
        actionReason: expected.actionReason,
      });
      expect(result.blockers.map((blocker) => blocker.code)).toEqual(expected.blockers);
      expect(result.applyable).toBe(expected.blockers.length === 0);
      expect(entry.blocked).toBe(expected.blockers.length > 0);
      expect(result.steps.map((step) => step.action)).toEqual(expected.steps);
      expect(entry.conflicts.map((conflict) => conflict.resolution)).toEqual(expected.conflicts ?? []);
      expect(entry.reason).toMatch(/\.$/);
    });
  },
);

describe('read-only platform resources', () => {
  it('reports a read-only live type as unmanaged and never writes it', () => {
    const result = plan({}, {}, { types: [type('SysFolder')] }, {}, { types: ['SysFolder'] });
    expect(resource(result, 'contentType', 'SysFolder')).toMatchObject({ status: 'unmanaged', action: 'none', readOnly: true });
    expect(result.steps).toEqual([]);
  });

  it('blocks a desired type that would write a read-only live type', () => {
    const result = plan(
      { types: [type('SysFolder', { displayName: 'Mine' })] },
      {},
      { types: [type('SysFolder')] },
      { strategy: 'desired-wins' },
      { types: ['SysFolder'] },
    );
    expect(result.blockers.map((blocker) => blocker.code)).toEqual(['PL104']);
    expect(result.applyable).toBe(false);
  });

  it('treats built-in property groups as read-only even when the adapter does not say so', () => {
    const result = plan({}, {}, { groups: [group('Content')] });
    expect(resource(result, 'propertyGroup', 'Content')).toMatchObject({ status: 'unmanaged', readOnly: true });
    const declared = plan({ groups: [group('Content')] }, {}, { groups: [group('Content')] });
    expect(declared.blockers.map((blocker) => blocker.code)).toEqual(['PL104']);
  });
});

describe('conflict details', () => {
  it('names each overlapping member with the base, YAML and CMS values', () => {
    const result = plan({ types: [typeVersions.desiredEdit] }, { types: [typeVersions.v0] }, { types: [typeVersions.liveClash] });
    expect(resource(result, 'contentType', 'Article').conflicts).toEqual([
      { path: 'displayName', base: 'Article', desired: 'Story', live: 'Post', resolution: 'unresolved' },
    ]);
    expect(result.blockers[0]?.detail).toContain('displayName (YAML "Story", CMS "Post")');
    expect(result.summary.conflicts).toBe(1);
  });

  it('merges overlapping equal edits without a conflict, and still reverts the live-only edit', () => {
    const desired = type('Article', { displayName: 'Story', properties: { title: { type: 'string' } } });
    const live = type('Article', { displayName: 'Story', description: 'CMS', properties: { title: { type: 'string' } } });
    const result = plan({ types: [desired] }, { types: [typeVersions.v0] }, { types: [live] });
    const entry = resource(result, 'contentType', 'Article');
    expect(entry).toMatchObject({ status: 'conflict', action: 'update', conflicts: [], blocked: false });
    expect(entry.changes.map((change) => `${change.op} ${change.path}`)).toEqual(['remove description']);
  });
});
