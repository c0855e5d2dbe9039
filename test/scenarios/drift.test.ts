import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { expectConverged, expectLockMatchesCms, startScenarioEmulator } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

const OWNED = { contentTypes: ['ArticlePage', 'ButtonBlock', 'HeroBlock', 'SeoSettings'], propertyGroups: ['Seo'] };

/**
 * Drift: a CMS user changes or deletes a type catalyst owns. In push mode the plan reports the
 * edit in its drift section and reverts it; `status` calls the type drifted; apply restores the
 * YAML definition and the next plan is empty.
 */
describe('drift', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
  });

  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  it('a type edited in the CMS: shown as drift, status drifted, reverted by apply', async () => {
    const synced = emulator.store.contentTypes.get('HeroBlock')!.doc;
    emulator.store.editContentType('HeroBlock', (doc) => ({
      ...doc,
      description: 'Edited in the CMS',
      properties: { ...doc.properties, heading: { ...doc.properties.heading!, displayName: 'Title' } },
    }));

    const [text, status] = await Promise.all([
      project.runInProcess(['plan', '--detailed-exitcode', '--out', 'plan.json']),
      project.runInProcess(['status']),
    ]);
    expect(text.code).toBe(2);
    const driftSection = text.stdout.slice(text.stdout.search(/changed in the CMS outside catalyst since the last sync \(drift\):/i));
    expect(driftSection).toMatch(
      /content type HeroBlock\n\s+\+ description: "Edited in the CMS"\n\s+~ properties\.heading\.displayName: "Heading" → "Title"/,
    );

    const plan = JSON.parse((await project.read('plan.json'))!) as Plan;
    expect(
      plan.drift.map((entry) => ({
        key: entry.key,
        change: entry.change,
        paths: entry.changes.map((change) => `${change.op} ${change.path}`),
      })),
    ).toEqual([{ key: 'HeroBlock', change: 'changed', paths: ['add description', 'change properties.heading.displayName'] }]);
    const hero = plan.resources.find((resource) => resource.key === 'HeroBlock');
    expect({ status: hero?.status, action: hero?.action }).toEqual({ status: 'drifted', action: 'update' });
    expect(plan.steps.map((step) => `${step.action} ${step.key}`)).toEqual(['update HeroBlock']);

    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^drifted\s+content type\s+HeroBlock\s/m);
    for (const key of ['ArticlePage', 'ButtonBlock', 'SeoSettings'])
      expect(status.stdout).toMatch(new RegExp(`^in_sync\\s+content type\\s+${key}\\s`, 'm'));

    const listed = status.stdout.split('\n\n')[0]!.split('\n').length;
    const totals = [...status.stdout.matchAll(/(\d+) [a-z_]+/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(totals).toBe(listed);

    const scheduled = await project.runInProcess(['status', '--json', '--detailed-exitcode']);
    expect(scheduled.code).toBe(2);
    const report = JSON.parse(scheduled.stdout) as {
      target: string;
      resources: Array<{ key: string; status: string }>;
      counts: Record<string, number>;
    };
    expect(report.resources.find((resource) => resource.key === 'HeroBlock')?.status).toBe('drifted');
    expect(Object.values(report.counts).reduce((sum, count) => sum + count, 0)).toBe(report.resources.length);
    expect(report.counts.drifted).toBe(1);

    const applied = await project.runInProcess(['apply', 'plan.json']);
    expect(applied.code).toBe(0);
    expect(emulator.store.contentTypes.get('HeroBlock')!.doc).toEqual(synced);
    await expectConverged(project);
    expect((await project.runInProcess(['status', '--detailed-exitcode'])).code).toBe(0);
    await expectLockMatchesCms(project, emulator, OWNED);
  });

  it('a type deleted in the CMS: shown as drift and re-created', async () => {
    const synced = emulator.store.contentTypes.get('ButtonBlock')!.doc;
    emulator.store.contentTypes.delete('ButtonBlock');

    const [planned, status] = await Promise.all([
      project.runInProcess(['plan', '--json', '--out', 'plan.json']),
      project.runInProcess(['status']),
    ]);
    const plan = JSON.parse(planned.stdout) as Plan;
    expect(plan.drift.map((entry) => `${entry.change} ${entry.key}`)).toEqual(['deleted ButtonBlock']);
    expect(plan.steps.map((step) => `${step.action} ${step.key}`)).toEqual(['create ButtonBlock']);
    expect(status.stdout).toMatch(/^drifted\s+content type\s+ButtonBlock\s/m);

    const applied = await project.runInProcess(['apply', 'plan.json']);
    expect(applied.code).toBe(0);
    expect(emulator.store.contentTypes.get('ButtonBlock')!.doc).toEqual(synced);
    await expectConverged(project);
    await expectLockMatchesCms(project, emulator, OWNED);
  });
});
