import { describe, expect, it } from 'vitest';
import { digest } from '../../src/core/digest.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import type { ChainedRecord, ChainedStep } from '../../src/io/audit/history-chain.js';
import { createLockEntry, emptyLockfile, setLockEntry } from '../../src/io/lockfile/lockfile.js';
import { historyRuns } from '../../src/ui/history-runs.js';

const v1: ContentTypeDef = { key: 'Article', baseType: '_page', displayName: 'Article', properties: {} } as ContentTypeDef;
const v2: ContentTypeDef = { ...v1, displayName: 'News' };
const v3: ContentTypeDef = { ...v2, description: 'Edited' };

let seq = 0;
function record(run: string, fields: Partial<ChainedStep> & Pick<ChainedStep, 'action'>): ChainedStep {
  seq += 1;
  return {
    seq,
    run,
    at: `2026-01-0${seq}T00:00:00Z`,
    actor: 'dev',
    target: 'cms',
    kind: 'contentType',
    key: 'Article',
    prev: null,
    hash: 'h',
    ...fields,
  };
}

describe('historyRuns', () => {
  const lock = setLockEntry(emptyLockfile(), 'cms', 'contentType', 'Article', createLockEntry(v3, {}, { at: 'now', by: 'dev' }) as never);
  const records = [
    record('r1', { action: 'create', after: digest(v1) }),
    record('r2', { action: 'update', before: digest(v1), after: digest(v2), definitionBefore: v1 }),
    record('r2', { action: 'adopt', after: digest(v2) }),
    record('r3', { action: 'update', before: digest(v2), after: digest(v3), definitionBefore: v2 }),
  ];

  it('groups records by run, newest run first, steps in order, each with what it changed when both sides are known', () => {
    const runs = historyRuns(records, lock, 'cms');
    expect(runs.map((run) => ({ run: run.run, steps: run.steps.map((step) => step.action) }))).toEqual([
      { run: 'r3', steps: ['update'] },
      { run: 'r2', steps: ['update', 'adopt'] },
      { run: 'r1', steps: ['create'] },
    ]);
    const paths = (run: number, step: number) => runs[run]!.steps[step]!.changes?.map((change) => `${change.op} ${change.path}`) ?? null;
    expect(paths(0, 0)).toEqual(['add description']);
    expect(paths(1, 0)).toEqual(['change displayName']);
    expect(paths(1, 1)).toBeNull();
    expect(paths(2, 0)).toEqual(expect.arrayContaining(['add displayName']));
  });

  it('shows no changes where the definition after a step is not the one it recorded', () => {
    const moved = setLockEntry(
      lock,
      'cms',
      'contentType',
      'Article',
      createLockEntry({ ...v3, sortOrder: 5 }, {}, { at: 'now', by: 'dev' }) as never,
    );
    expect(historyRuns(records, moved, 'cms')[0]!.steps[0]!.changes).toBeNull();
  });

  it('lists a run the access policy refused where it happened, with the command, the grant and why', () => {
    const denial: ChainedRecord = {
      seq: 100,
      run: 'd1',
      at: '2026-01-09T00:00:00Z',
      actor: 'mallory',
      actorSource: 'git',
      target: 'cms',
      action: 'denied',
      operation: 'apply',
      grant: 'apply-destructive',
      rule: 'catalyst.policy.yaml:4:7 targets.cms.grants.apply-destructive',
      reason: 'Nobody who ran or approved this holds apply-destructive.',
      prev: null,
      hash: 'h',
    };
    const withDenial = [...records.slice(0, 2), { ...denial, seq: 2.5 }, ...records.slice(2)];
    const runs = historyRuns(withDenial, lock, 'cms');
    // Newest first, each run at its first record: r2 began before the denial, r3 after it.
    expect(runs.map((run) => run.run)).toEqual(['r3', 'd1', 'r2', 'r1']);
    expect(runs[1]).toMatchObject({ actor: 'mallory', steps: [], denied: { operation: 'apply', grant: 'apply-destructive' } });
  });
});
