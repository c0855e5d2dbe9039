import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import { CMS_USER, type RunningEmulator } from '../../src/emulator/index.js';
import { expectConverged, startScenarioEmulator, writeRequests } from './helpers/scenario-cms.js';
import { ScenarioProject } from './helpers/scenario-project.js';

const PAGE = `key: LandingPage
baseType: _page
displayName: Landing page
properties:
  title: { type: string, required: true }
`;

const templates = (toneChoices: string, extra = '') => `displayTemplates:
  - key: LandingHero
    displayName: Landing hero
    contentType: LandingPage
    settings:
      tone:
        displayName: Tone
        editor: select
        choices: { ${toneChoices} }
  - key: RowSpacing
    displayName: Row spacing
    nodeType: row
    settings:
      gap: { displayName: Gap, editor: checkbox }
${extra}`;

const V1 = { 'LandingPage.yaml': PAGE, 'display-templates.yaml': templates('light: { displayName: Light }, dark: { displayName: Dark }') };
const V2 = {
  'LandingPage.yaml': PAGE,
  'display-templates.yaml': templates(
    'light: { displayName: Light }, dark: { displayName: Dark }, brand: { displayName: Brand }',
    '  - key: CardCompact\n    displayName: Compact card\n    baseType: _component\n    isDefault: true\n',
  ),
};

const stepLine = (step: { action: string; kind: string; key: string }) => `${step.action} ${step.kind} ${step.key}`;

/**
 * Display templates through a project's life against the emulator, through the CLI: created after
 * the content type they apply to, changed member by member, CMS edits reverted as drift, a removal
 * that needs approval, and deleted before that content type. Every apply converges.
 */
describe('display templates: forward, drift, back, empty', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url });
  });

  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  async function plan(): Promise<Plan> {
    const planned = await project.runInProcess(['plan', '--json', '--detailed-exitcode']);
    expect(planned.stderr).not.toMatch(/error/i);
    expect(planned.code).toBe(2);
    return JSON.parse(planned.stdout) as Plan;
  }

  async function apply(flags: string[] = []): Promise<void> {
    const applied = await project.runInProcess(['apply', '--auto-approve', ...flags]);
    expect(applied.stderr).not.toMatch(/error/i);
    expect(applied.code).toBe(0);
  }

  it('forward: the content type is created before the template that applies to it', async () => {
    await project.setContentTypes(V1);
    const planned = await plan();
    expect(planned.steps.map(stepLine)).toEqual([
      'create contentType LandingPage',
      'create displayTemplate LandingHero',
      'create displayTemplate RowSpacing',
    ]);
    await apply();
    expect(emulator.store.displayTemplates.get('LandingHero')?.doc).toMatchObject({
      contentType: 'LandingPage',
      settings: { tone: { choices: { light: { displayName: 'Light' } } } },
    });
    expect(Object.keys((await project.locked()).displayTemplates).sort()).toEqual(['LandingHero', 'RowSpacing']);
    await expectConverged(project);
  });

  it('a change is one member: a new choice, and a new template', async () => {
    await project.setContentTypes(V2);
    const planned = await plan();
    expect(planned.steps.map(stepLine)).toEqual(['create displayTemplate CardCompact', 'update displayTemplate LandingHero']);
    expect(
      planned.resources.find((resource) => resource.key === 'LandingHero')?.changes.map((change) => `${change.op} ${change.path}`),
    ).toEqual(['add settings.tone.choices.brand']);
    await apply();
    expect(Object.keys(emulator.store.displayTemplates.get('LandingHero')!.doc.settings!.tone!.choices!).sort()).toEqual([
      'brand',
      'dark',
      'light',
    ]);
    await expectConverged(project);
  });

  it('drift: an edit made in the CMS shows as drift and push reverts it', async () => {
    const stored = emulator.store.displayTemplates.get('RowSpacing')!;
    emulator.store.displayTemplates.replace({ ...stored.doc, displayName: 'Row spacing (edited in the CMS)' }, CMS_USER);
    const planned = await plan();
    expect(planned.drift.map((entry) => `${entry.kind} ${entry.key} ${entry.changes.map((change) => change.path).join(',')}`)).toEqual([
      'displayTemplate RowSpacing displayName',
    ]);
    expect(planned.resources.find((resource) => resource.key === 'RowSpacing')?.actionReason).toBe('update_because_drifted');
    await apply();
    expect(emulator.store.displayTemplates.get('RowSpacing')?.doc.displayName).toBe('Row spacing');
    await expectConverged(project);
  });

  it('back: removing a template is destructive (DS109) and waits for approval', async () => {
    await project.setContentTypes(V1);
    const planned = await plan();
    expect(planned.requiresApproval.map((item) => `${item.code} ${item.key}`)).toEqual(['DS109 CardCompact']);
    emulator.traffic.reset();
    const refused = await project.runInProcess(['apply', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('DS109 CardCompact');
    expect(writeRequests(emulator.traffic.counters())).toEqual([]);
    await apply(['--allow-destructive']);
    expect(emulator.store.displayTemplates.has('CardCompact')).toBe(false);
    await expectConverged(project);
  });

  it('empty: templates are deleted before the content type they apply to, and the lockfile is empty', async () => {
    await project.setContentTypes({});
    const planned = await plan();
    expect(planned.steps.map(stepLine)).toEqual([
      'delete displayTemplate LandingHero',
      'delete displayTemplate RowSpacing',
      'delete contentType LandingPage',
    ]);
    await apply(['--allow-destructive']);
    expect(emulator.store.displayTemplates.list().map((stored) => stored.doc.key)).toEqual([]);
    expect(emulator.store.contentTypes.has('LandingPage')).toBe(false);
    const locked = await project.locked();
    expect({ types: Object.keys(locked.contentTypes), templates: Object.keys(locked.displayTemplates) }).toEqual({
      types: [],
      templates: [],
    });
    await expectConverged(project);
  });
});
