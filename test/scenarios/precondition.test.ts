import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import type { ContentTypeDoc, RunningEmulator } from '../../src/emulator/index.js';
import type { CliResult } from '../helpers/run-cli.js';
import { expectConverged, expectLockMatchesCms, liveState, startScenarioEmulator } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

const AUTHOR_BLOCK = `key: AuthorBlock
baseType: component
displayName: Author
properties:
  name: { type: string, displayName: Name, required: true }
`;

/**
 * A CMS user edits a type while `catalyst apply` (no saved plan) is running, after the plan read
 * it. The emulator's `slow` fault holds the chosen request; its injected sleep is where the
 * "user" makes the edit, so the edit lands at exactly that moment, deterministically. The step
 * must fail as stale, the steps before it stay recorded, and a new plan + apply converges.
 */
describe('a type edited in the CMS between plan and write', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  let duringRequest: (() => void) | undefined;

  beforeAll(async () => {
    emulator = await startScenarioEmulator({
      trafficDeps: {
        sleep: async () => {
          const edit = duringRequest;
          duringRequest = undefined;
          edit?.();
        },
      },
    });
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    // One write per type, so the lockfile holds every ETag (a batch write leaves none: the manifest has no ETags).
    expect((await project.runInProcess(['apply', '--auto-approve', '--no-batch'])).code).toBe(0);
  });

  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  /**
   * Applies a plan of three steps (create AuthorBlock, update ButtonBlock, update HeroBlock),
   * making `edit` to ButtonBlock while the first `method` request for it is held.
   */
  async function applyWithEditDuring(method: 'GET' | 'PATCH', edit: (doc: ContentTypeDoc) => ContentTypeDoc) {
    const lockBefore = await project.locked();
    const historyBefore = (await project.history()).length;
    let edited: ReturnType<RunningEmulator['store']['editContentType']> | undefined;
    duringRequest = () => (edited = emulator.store.editContentType('ButtonBlock', edit));
    emulator.traffic.configure({
      faults: [{ kind: 'slow', delayMs: 1, method, path: '/**/contenttypes/ButtonBlock', requestNumbers: [1] }],
    });
    const heroBefore = emulator.store.contentTypes.get('HeroBlock');
    try {
      const result = await project.runInProcess(['apply', '--auto-approve']);
      expect(edited).toBeDefined();
      return { result, lockBefore, historyBefore, edited: edited!, heroBefore };
    } finally {
      emulator.traffic.configure({});
      duringRequest = undefined;
    }
  }

  /** The failed apply: ButtonBlock kept the CMS edit, the create before it is recorded, HeroBlock after it did not run. */
  async function expectStoppedAtButtonBlock(outcome: Awaited<ReturnType<typeof applyWithEditDuring>>, why: string): Promise<void> {
    const { result, lockBefore, historyBefore, edited, heroBefore } = outcome;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Apply failed at update content type ButtonBlock. Done: 1 created, 0 updated, 0 deleted; 1 step not run.',
    );
    expect(result.stderr).toContain('Error: Stale step: content type ButtonBlock changed since the plan');
    expect(result.stderr).toContain(
      `The content type ButtonBlock ${why}, so applying the plan would overwrite a change nobody reviewed. Nothing was written for it.`,
    );

    expect(emulator.store.contentTypes.get('ButtonBlock')).toEqual(edited);
    expect(emulator.store.contentTypes.get('HeroBlock')).toEqual(heroBefore);
    const lock = await project.locked();
    expect(lock.contentTypes.ButtonBlock).toEqual(lockBefore.contentTypes.ButtonBlock);
    expect(lock.contentTypes.HeroBlock).toEqual(lockBefore.contentTypes.HeroBlock);
    expect(lock.contentTypes.AuthorBlock?.digest).toBe((await liveState(emulator)).contentTypes.get('AuthorBlock')?.digest);
    expect(lock.contentTypes.AuthorBlock?.version.etag).toBe(emulator.store.contentTypes.get('AuthorBlock')?.etag);
    expect((await project.history()).slice(historyBefore).map((entry) => `${entry.action} ${entry.key}`)).toEqual(['create AuthorBlock']);
  }

  /** A new plan sees the CMS edit (drift on ButtonBlock), and applying it converges. */
  async function expectReplanConverges(): Promise<void> {
    const planned = await project.runInProcess(['plan', '--json', '--out', 'replan.json']);
    const plan = JSON.parse(planned.stdout) as Plan;
    expect(plan.drift.map((entry) => `${entry.change} ${entry.key}`)).toEqual(['changed ButtonBlock']);
    expect(plan.steps.map((step) => `${step.action} ${step.key}`)).toEqual(['update ButtonBlock', 'update HeroBlock']);
    const applied = await project.runInProcess(['apply', 'replan.json']);
    expect(applied.code).toBe(0);
    await expectConverged(project);
    await expectLockMatchesCms(project, emulator, {
      contentTypes: ['ArticlePage', 'AuthorBlock', 'ButtonBlock', 'HeroBlock', 'SeoSettings'],
      propertyGroups: ['Seo'],
    });
  }

  it('fails the step when the type was edited after the plan: the write’s If-Match answers 412, and the read that follows shows the edit', async () => {
    await project.write({ 'content-types/AuthorBlock.yaml': AUTHOR_BLOCK });
    await project.edit('content-types/ButtonBlock.yaml', (text) => text.replace('displayName: Button\n', 'displayName: Button link\n'));
    await project.edit('content-types/HeroBlock.yaml', (text) => text.replace('displayName: Hero\n', 'displayName: Hero banner\n'));
    emulator.traffic.reset();
    const outcome = await applyWithEditDuring('PATCH', (doc) => ({ ...doc, description: 'Edited while catalyst was applying' }));
    await expectStoppedAtButtonBlock(outcome, 'was changed in the CMS after the plan was made');
    const routes = emulator.traffic.counters().byRoute;
    expect([routes['PATCH /_cms/v1/contenttypes/ButtonBlock'], routes['GET /_cms/v1/contenttypes/ButtonBlock']]).toEqual([1, 1]);
    expect(emulator.traffic.counters().byStatus['412']).toBe(1);
    await expectReplanConverges();
  });

  it('an update sends the ETag the lockfile recorded, without reading first: one request per updated type', async () => {
    await project.edit('content-types/ButtonBlock.yaml', (text) => text.replace('displayName: Button link\n', 'displayName: Button\n'));
    emulator.traffic.reset();
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    const routes = Object.entries(emulator.traffic.counters().byRoute).filter(([route]) => route.endsWith('/contenttypes/ButtonBlock'));
    expect(Object.fromEntries(routes)).toEqual({ 'PATCH /_cms/v1/contenttypes/ButtonBlock': 1 });
    expect(emulator.store.contentTypes.get('ButtonBlock')!.doc.displayName).toBe('Button');
    await expectConverged(project);
  });

  it.each([
    ['GET', 'was changed in the CMS after the plan was made'],
    ['DELETE', 'was changed in the CMS while catalyst was writing it'],
  ] as const)('fails a delete step when the type is edited in the CMS during its %s, and deletes nothing', async (method, why) => {
    await rm(join(project.dir, 'content-types', 'AuthorBlock.yaml'));
    const synced = emulator.store.contentTypes.get('AuthorBlock')!.doc;
    const lockBefore = await project.locked();
    const historyBefore = await project.history();
    let edited: ReturnType<RunningEmulator['store']['editContentType']> | undefined;
    duringRequest = () =>
      (edited = emulator.store.editContentType('AuthorBlock', (doc) => ({ ...doc, description: `Edited during the ${method}` })));
    emulator.traffic.configure({
      faults: [{ kind: 'slow', delayMs: 1, method, path: '/**/contenttypes/AuthorBlock', requestNumbers: [1] }],
    });
    let result: CliResult;
    try {
      result = await project.runInProcess(['apply', '--auto-approve', '--allow-destructive']);
    } finally {
      emulator.traffic.configure({});
      duringRequest = undefined;
    }

    expect(edited).toBeDefined();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Apply failed at delete content type AuthorBlock. Done: 0 created, 0 updated, 0 deleted; 0 steps not run.',
    );
    expect(result.stderr).toContain(
      `The content type AuthorBlock ${why}, so applying the plan would overwrite a change nobody reviewed. Nothing was written for it.`,
    );
    expect(emulator.store.contentTypes.get('AuthorBlock')).toEqual(edited);
    expect(await project.locked()).toEqual(lockBefore);
    expect(await project.history()).toEqual(historyBefore);

    emulator.store.editContentType('AuthorBlock', () => synced);
    await project.write({ 'content-types/AuthorBlock.yaml': AUTHOR_BLOCK });
    await expectConverged(project);
  });
});
