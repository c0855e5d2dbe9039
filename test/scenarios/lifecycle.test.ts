import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import { CMS_USER, type RunningEmulator } from '../../src/emulator/index.js';
import type { HistoryRecord } from '../../src/io/audit/history-record.js';
import { expectConverged, expectLockMatchesCms, liveState, startScenarioEmulator, writeRequests } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { SCENARIO_ACTOR, ScenarioProject } from './helpers/scenario-project.js';

const fixture = (version: 'v1' | 'v2') => readFixture(`lifecycle/${version}`);

const V1 = { contentTypes: ['ArticlePage', 'ButtonBlock', 'HeroBlock', 'SeoSettings'], propertyGroups: ['Seo'] };
const V2 = { contentTypes: [...V1.contentTypes, 'AuthorBlock'], propertyGroups: ['Seo'] };
const NOTHING = { contentTypes: [], propertyGroups: [] };

const stepLine = (step: { action: string; kind: string; key: string }) => `${step.action} ${step.kind} ${step.key}`;

/**
 * One project through its life, as Atlas tests migrations: forward to v1, forward to v2, back to
 * v1, then to empty. After every apply the next plan is empty, the lockfile records exactly what
 * the CMS holds, and the history has one line per step that ran. Types the project never owned
 * (created by a CMS user, or the platform's own) are never touched.
 */
describe('lifecycle: v1 → v2 → v1 → empty', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  let untouched: Map<string, unknown>;
  let v1Digests: Record<string, string>;

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    emulator.store.contentTypes.create(
      { key: 'LegacyPage', displayName: 'Legacy page', baseType: '_page', properties: { body: { type: 'string' } } },
      { actor: CMS_USER },
    );
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    untouched = unmanagedSnapshot(emulator);
  });

  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  /** `plan --json --detailed-exitcode`: exit 2 and the plan. */
  async function planWithChanges(): Promise<Plan> {
    const planned = await project.runInProcess(['plan', '--json', '--detailed-exitcode']);
    expect(planned.stderr).not.toMatch(/error/i);
    expect(planned.code).toBe(2);
    return JSON.parse(planned.stdout) as Plan;
  }

  /** Applies, and checks the history gained exactly the plan's steps, in order, each agreeing with the lockfile. */
  async function applyAndCheckHistory(plan: Plan, flags: string[]): Promise<HistoryRecord[]> {
    const before = (await project.history()).length;
    const applied = await project.runInProcess(['apply', '--auto-approve', ...flags]);
    expect(applied.stderr).not.toMatch(/error/i);
    expect(applied.code).toBe(0);
    const added = (await project.history()).slice(before);
    // A batch write carries the creates and safe updates at once, so the order may differ from the plan's.
    expect(added.map(stepLine).sort()).toEqual(plan.steps.map(stepLine).sort());
    for (const entry of added) expect({ actor: entry.actor, target: entry.target }).toEqual({ actor: SCENARIO_ACTOR, target: 'cms' });
    const lock = await project.locked();
    const lastByKey = new Map(added.map((entry) => [`${entry.kind}:${entry.key}`, entry]));
    for (const entry of lastByKey.values()) {
      const locked = entry.kind === 'contentType' ? lock.contentTypes[entry.key] : lock.propertyGroups[entry.key];
      if (entry.action === 'delete') expect(locked).toBeUndefined();
      else expect(entry.after).toBe(locked?.digest);
    }
    return added;
  }

  /** apply without --allow-destructive: refused after the plan, and neither the CMS nor the lockfile nor the history changed. */
  async function expectDestructiveRefused(codes: string[]): Promise<void> {
    const lockBefore = await project.lockText();
    const historyBefore = await project.history();
    const cmsBefore = emulator.store.snapshot();
    emulator.traffic.reset();
    const refused = await project.runInProcess(['apply', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Error: Destructive changes need approval');
    for (const code of codes) expect(refused.stderr).toContain(code);
    expect(refused.stderr).toContain('run apply again with --allow-destructive');
    expect(writeRequests(emulator.traffic.counters())).toEqual([]);
    expect(emulator.store.snapshot()).toEqual(cmsBefore);
    expect(await project.lockText()).toBe(lockBefore);
    expect(await project.history()).toEqual(historyBefore);
  }

  it('v1: creates every type and the property group, referenced types first', async () => {
    await project.setContentTypes(await fixture('v1'));
    const plan = await planWithChanges();
    expect(actions(plan)).toEqual({
      ArticlePage: 'create',
      ButtonBlock: 'create',
      HeroBlock: 'create',
      Seo: 'create',
      SeoSettings: 'create',
    });
    expect(plan.requiresApproval).toEqual([]);

    const added = await applyAndCheckHistory(plan, []);
    const creates = added.filter((entry) => entry.action === 'create').map((entry) => entry.key);
    expect(creates.indexOf('Seo')).toBeLessThan(creates.indexOf('SeoSettings'));
    expect(creates.indexOf('ButtonBlock')).toBeLessThan(creates.indexOf('HeroBlock'));
    expect(creates.indexOf('HeroBlock')).toBeLessThan(creates.indexOf('ArticlePage'));
    expect(creates.indexOf('SeoSettings')).toBeLessThan(creates.indexOf('ArticlePage'));

    await expectConverged(project);
    await expectLockMatchesCms(project, emulator, V1);
    v1Digests = await lockedDigests(project);
  });

  it('v2: adds a type and properties, renames, tightens, and removes a property (approved)', async () => {
    await project.setContentTypes(await fixture('v2'));
    const plan = await planWithChanges();
    expect(changes(plan)).toEqual({
      Seo: ['update', ['change displayName']],
      ArticlePage: [
        'update',
        ['add properties.author', 'add properties.summary.required', 'change properties.title.maxLength'],
        'BC101',
        'BC102',
      ],
      AuthorBlock: ['create', []],
      ButtonBlock: ['update', ['remove properties.style'], 'DS102'],
      HeroBlock: ['update', ['change displayName', 'change properties.heading.displayName']],
    });
    expect(approvals(plan)).toEqual(['DS102 ButtonBlock.properties.style']);

    const added = await applyAndCheckHistory(plan, ['--allow-destructive']);
    const removal = added.find((entry) => entry.key === 'ButtonBlock');
    expect(removal?.codes).toEqual(['DS102']);
    expect(removal?.backup).toBeDefined();
    expect(removal?.backup).toMatch(/^\.catalyst\/backups\//);
    const backup = JSON.parse(await readFile(join(project.dir, removal!.backup!), 'utf8')) as {
      key: string;
      def: { properties: Record<string, unknown> };
    };
    expect(backup.key).toBe('ButtonBlock');
    expect(Object.keys(backup.def.properties).sort()).toEqual(['label', 'link', 'style']);
    expect(added.find((entry) => entry.key === 'ArticlePage')?.codes).toEqual(['BC101', 'BC102']);
    expect(Object.keys(emulator.store.contentTypes.get('ButtonBlock')!.doc.properties).sort()).toEqual(['label', 'link']);

    await expectConverged(project);
    await expectLockMatchesCms(project, emulator, V2);
  });

  it('back to v1: the removals need --allow-destructive; then the CMS is v1 again', async () => {
    await project.setContentTypes(await fixture('v1'));
    const plan = await planWithChanges();
    expect(approvals(plan)).toEqual(['DS102 ArticlePage.properties.author', 'DS101 AuthorBlock']);
    await expectDestructiveRefused(['DS102 ArticlePage.properties.author', 'DS101 AuthorBlock']);

    const added = await applyAndCheckHistory(plan, ['--allow-destructive']);
    expect(added.filter((entry) => entry.action === 'delete').map((entry) => entry.key)).toEqual(['AuthorBlock']);
    expect(added.at(-1)).toMatchObject({ action: 'delete', key: 'AuthorBlock', codes: ['DS101'] });
    expect(emulator.store.contentTypes.has('AuthorBlock')).toBe(false);

    await expectConverged(project);
    await expectLockMatchesCms(project, emulator, V1);
    expect(await lockedDigests(project)).toEqual(v1Digests);
  });

  it('empty: deletes every owned type (referencing ones first) and leaves unmanaged and platform types alone', async () => {
    await project.setContentTypes({});
    const plan = await planWithChanges();
    expect(actions(plan)).toEqual({
      ArticlePage: 'delete',
      ButtonBlock: 'delete',
      HeroBlock: 'delete',
      Seo: 'delete',
      SeoSettings: 'delete',
    });
    expect(approvals(plan).sort()).toEqual(['DS101 ArticlePage', 'DS101 ButtonBlock', 'DS101 HeroBlock', 'DS101 SeoSettings', 'DS107 Seo']);
    await expectDestructiveRefused(['DS101 ArticlePage', 'DS107 Seo']);

    const added = await applyAndCheckHistory(plan, ['--allow-destructive']);
    const deletes = added.map((entry) => `${entry.action} ${entry.key}`);
    expect(deletes.sort()).toEqual(['delete ArticlePage', 'delete ButtonBlock', 'delete HeroBlock', 'delete Seo', 'delete SeoSettings']);
    const order = added.map((entry) => entry.key);
    expect(order.indexOf('ArticlePage')).toBeLessThan(order.indexOf('HeroBlock'));
    expect(order.indexOf('HeroBlock')).toBeLessThan(order.indexOf('ButtonBlock'));
    expect(order.indexOf('SeoSettings')).toBeLessThan(order.indexOf('Seo'));

    await expectConverged(project);
    await expectLockMatchesCms(project, emulator, NOTHING);
    const live = await liveState(emulator);
    for (const key of [...V1.contentTypes, ...V2.contentTypes]) expect(live.contentTypes.has(key)).toBe(false);
    expect(live.propertyGroups.has('Seo')).toBe(false);
    expect(unmanagedSnapshot(emulator)).toEqual(untouched);
  });

  it('the history is the whole story: every line since v1, none lost', async () => {
    const history = await project.history();
    const created = history.filter((entry) => entry.action === 'create').map((entry) => entry.key);
    const deleted = history.filter((entry) => entry.action === 'delete').map((entry) => entry.key);
    expect(created.sort()).toEqual([...V2.contentTypes, 'Seo'].sort());
    expect(deleted.sort()).toEqual([...V2.contentTypes, 'Seo'].sort());
    expect(new Set(history.map((entry) => entry.actor))).toEqual(new Set([SCENARIO_ACTOR]));
    const timestamps = history.map((entry) => entry.at);
    expect([...timestamps].sort()).toEqual(timestamps);
  });
});

/** The action of every resource the plan changes, by key. */
function actions(plan: Plan): Record<string, string> {
  return Object.fromEntries(
    plan.resources.filter((resource) => resource.action !== 'none').map((resource) => [resource.key, resource.action]),
  );
}

/** Per changed resource: its action, its member changes (op and path) and its risk codes. */
function changes(plan: Plan): Record<string, unknown[]> {
  return Object.fromEntries(
    plan.resources
      .filter((resource) => resource.action !== 'none')
      .map((resource) => [
        resource.key,
        [resource.action, resource.changes.map((change) => `${change.op} ${change.path}`).sort(), ...resource.codes],
      ]),
  );
}

function approvals(plan: Plan): string[] {
  return plan.requiresApproval.map((item) => `${item.code} ${item.key}${item.path ? `.${item.path}` : ''}`);
}

/** Every resource the project does not own (a CMS user's type, the platform's types and groups), with its version. */
function unmanagedSnapshot(emulator: RunningEmulator): Map<string, unknown> {
  const owned = new Set([...V2.contentTypes, ...V2.propertyGroups]);
  const entries = [
    ...emulator.store.contentTypes.list().map((stored) => [`contentType:${stored.doc.key}`, stored] as const),
    ...emulator.store.propertyGroups.list().map((stored) => [`propertyGroup:${stored.doc.key}`, stored] as const),
  ];
  return new Map(entries.filter(([id]) => !owned.has(id.split(':')[1]!)));
}

async function lockedDigests(project: ScenarioProject): Promise<Record<string, string>> {
  const section = await project.locked();
  return Object.fromEntries(Object.entries(section.contentTypes).map(([key, entry]) => [key, entry.digest]));
}
