import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOptimizelyAdapter } from '../../../src/adapters/optimizely/index.js';
import type { ContentTypeDef } from '../../../src/core/model.js';
import type { RunningEmulator } from '../../../src/emulator/index.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startScenarioEmulator } from '../../scenarios/helpers/scenario-cms.js';
import { readFixture } from '../../scenarios/helpers/read-fixture.js';
import { ScenarioProject } from '../../scenarios/helpers/scenario-project.js';
import { startUi, type RunningUi } from '../helpers/start-ui.js';
import { axeViolations, launchChromium, screenshot } from './browser-page.js';

const block = (key: string) => `key: ${key}\nbaseType: component\ndisplayName: ${key}\n`;

/**
 * The dashboard as a person uses it, in headless Chromium, by keyboard-reachable roles and
 * names: a drifted type on the targets page and apart in the plan, a conflict settled each way
 * (the files on disk change), an apply confirmed by typing the target name with progress per
 * step, one stopped, the runs in the history with a rollback preview. axe-core finds nothing on
 * any page; a screenshot of each goes to test-results/ui/.
 */
describe('the dashboard in a browser', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  let ui: RunningUi;
  let browser: Browser;
  let page: Page;
  /** While set, the emulator holds a request the test picked until the promise settles. */
  let holding: Promise<void> | undefined;

  /** A CMS user's edit, through the API as any client makes it. */
  async function editInCms(key: string, edit: (def: ContentTypeDef) => ContentTypeDef): Promise<void> {
    const adapter = createOptimizelyAdapter({
      apiUrl: emulator.url,
      apiVersion: 'v1',
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
    });
    const current = await adapter.resources.contentType.get(key);
    if (!current) throw new Error(`${key} is not in the CMS`);
    await adapter.resources.contentType.update(current.def, edit(current.def));
  }

  async function expectAccessible(name: string): Promise<void> {
    await screenshot(page, name);
    expect(await axeViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    emulator = await startScenarioEmulator({ trafficDeps: { sleep: async () => holding } });
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    // One write per step, so the steps of an apply (and a stop between them) are seen one by one.
    const config = JSON.parse((await project.read('catalyst.config.json'))!) as { targets: { cms: Record<string, unknown> } };
    config.targets.cms.batch = false;
    await writeFile(join(project.dir, 'catalyst.config.json'), JSON.stringify(config, null, 2));
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    ui = await startUi(project.dir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await ui?.close();
    await emulator?.close();
    await project?.dispose();
  });

  it('the targets page: the target drifted after a CMS edit, with its last run and who ran it', async () => {
    await editInCms('HeroBlock', (def) => ({ ...def, description: 'Edited in the CMS' }));
    await page.goto(ui.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Targets');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'cms', level: 2 }) });
    await card.getByText('1 drifted').waitFor();
    await expect.poll(() => card.textContent()).toMatch(/Last run \S+ by scenario-tests \(self-declared\)/);
    await expectAccessible('targets');
  });

  it('without a mouse: a page opens with the focus on its heading; Tab reaches the links, with a visible focus ring; Enter opens the plan', async () => {
    const focused = () => page.evaluate<string>('document.activeElement?.textContent ?? ""');
    await page.reload();
    await expect.poll(focused).toBe('Targets');
    for (let tab = 0; tab < 20 && (await focused()) !== 'Plan and conflicts of cms'; tab++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Plan and conflicts of cms');
    expect(await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Plan for cms', level: 1 }).waitFor();
    await expect.poll(() => page.evaluate<string>('document.activeElement?.tagName')).toBe('H1');
  });

  it('the plan page: the drift apart from the changes, the update that reverts it grouped by action', async () => {
    const drift = page.getByRole('region', { name: 'Changed in the CMS outside catalyst (drift)' });
    await drift.getByText('HeroBlock').waitFor();
    expect(await drift.textContent()).toContain('description: "Edited in the CMS"');
    const changes = page.getByRole('region', { name: 'Changes' });
    expect(await changes.textContent()).toMatch(/~ Update \(1\)~ content type HeroBlock drifted/);
    await expectAccessible('plan');
  });

  it('conflicts side by side: "Take CMS" writes the CMS value into the YAML, "Keep YAML" keeps it and records the CMS value as seen', async () => {
    await editInCms('ButtonBlock', (def) => ({ ...def, displayName: 'Button (CMS)' }));
    await editInCms('SeoSettings', (def) => ({ ...def, displayName: 'SEO (CMS)' }));
    await project.edit('content-types/ButtonBlock.yaml', (text) => text.replace('displayName: Button\n', 'displayName: Button (YAML)\n'));
    await project.edit('content-types/SeoSettings.yaml', (text) =>
      text.replace('displayName: SEO settings\n', 'displayName: SEO (YAML)\n'),
    );
    await page.getByRole('button', { name: 'Plan again' }).click();
    const conflicts = page.getByRole('region', { name: 'Conflicts to decide' });
    await conflicts.waitFor();
    const row = conflicts.getByRole('row', { name: /displayName/ }).first();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      '"Button"',
      '"Button (YAML)"',
      expect.stringMatching(/^"Button \(CMS\)"/),
      'Keep YAML Take CMS',
    ]);
    await expectAccessible('conflicts');

    const lockBefore = await project.lockText();
    await page.getByRole('button', { name: 'Take CMS for ButtonBlock.displayName' }).click();
    await page.getByRole('status').getByText('Took the CMS side of ButtonBlock.displayName').waitFor();
    expect(await project.read('content-types/ButtonBlock.yaml')).toContain('displayName: Button (CMS)\n');
    expect(await project.lockText()).toBe(lockBefore);

    await page.getByRole('button', { name: 'Keep YAML for SeoSettings.displayName' }).click();
    await page.getByRole('status').getByText('Kept the YAML side of SeoSettings.displayName').waitFor();
    expect(await project.read('content-types/SeoSettings.yaml')).toContain('displayName: SEO (YAML)\n');
    expect((await project.locked()).contentTypes.SeoSettings?.definition).toMatchObject({ displayName: 'SEO (CMS)' });
    await conflicts.waitFor({ state: 'detached' });
  });

  it('apply: destructive changes need the target name typed; progress per step; the run lands in the lockfile and the CMS', async () => {
    await project.edit('content-types/ArticlePage.yaml', (text) => text.replace('  summary: { type: string, displayName: Summary }\n', ''));
    await page.getByRole('button', { name: 'Plan again' }).click();
    const apply = page.getByRole('region', { name: 'Apply to cms' });
    await apply.getByText('ArticlePage.properties.summary').waitFor();
    const button = apply.getByRole('button', { name: 'Apply 4 steps to cms' });
    expect(await button.isDisabled()).toBe(true);
    await apply.getByLabel('Type the target name (cms) to approve exactly these destructive changes').fill('cm');
    expect(await button.isDisabled()).toBe(true);
    await apply.getByLabel('Type the target name (cms) to approve exactly these destructive changes').fill('cms');
    await expectAccessible('apply-confirm');
    await button.click();
    await apply.getByText('Apply complete! Resources: 0 created, 3 updated, 0 deleted.').waitFor();
    const progress = apply.getByRole('list', { name: 'Apply progress' }).getByRole('listitem');
    expect((await progress.allTextContents()).map((line) => line.replace(/\[\d\/4\] /, ''))).toEqual([
      '✓ Adopted content type ButtonBlock',
      '✓ Updated content type ArticlePage',
      '✓ Updated content type HeroBlock',
      '✓ Updated content type SeoSettings',
    ]);
    expect(emulator.store.contentTypes.get('ArticlePage')!.doc.properties).not.toHaveProperty('summary');
    expect(emulator.store.contentTypes.get('HeroBlock')!.doc).not.toHaveProperty('description');
    expect(emulator.store.contentTypes.get('SeoSettings')!.doc.displayName).toBe('SEO (YAML)');
    await page.getByRole('region', { name: 'Changes' }).getByText('No changes. The CMS matches the YAML and the lockfile.').waitFor();
    await expectAccessible('apply-done');
  });

  it('Stop: the step under way finishes and is recorded, no other starts; meanwhile the target is locked against the CLI', async () => {
    await project.write({ 'content-types/AlphaBlock.yaml': block('AlphaBlock'), 'content-types/BetaBlock.yaml': block('BetaBlock') });
    let release!: () => void;
    holding = new Promise((resolve) => (release = resolve));
    emulator.traffic.configure({ faults: [{ kind: 'slow', delayMs: 1, method: 'POST', path: '/**/contenttypes', requestNumbers: [1] }] });
    try {
      await page.getByRole('button', { name: 'Plan again' }).click();
      const apply = page.getByRole('region', { name: 'Apply to cms' });
      await apply.getByRole('button', { name: 'Apply 2 steps to cms' }).click();
      await apply.getByText('[1/2] Creating content type AlphaBlock…').waitFor();
      const cli = await project.runInProcess(['apply', '--auto-approve']);
      expect({ code: cli.code, locked: cli.stderr.includes('Target cms is locked') }).toEqual({ code: 1, locked: true });
      await apply.getByRole('button', { name: 'Stop' }).click();
      await apply.getByRole('button', { name: 'Stopping after the current step…' }).waitFor();
      release();
      await apply.getByText(/^Apply stopped\. Done: 1 created, 0 updated, 0 deleted; 1 steps not run\./).waitFor();
    } finally {
      release();
      holding = undefined;
      emulator.traffic.configure({});
    }
    const locked = (await project.locked()).contentTypes;
    expect({ alpha: 'AlphaBlock' in locked, beta: 'BetaBlock' in locked }).toEqual({ alpha: true, beta: false });
    expect(emulator.store.contentTypes.has('BetaBlock')).toBe(false);
    await expectAccessible('apply-stopped');
  });

  it('history: the runs newest first with their steps and what changed, and a rollback plan previewed, not applied', async () => {
    await page.getByRole('link', { name: 'History of cms' }).click();
    await page.getByRole('heading', { name: 'History of cms', level: 1 }).waitFor();
    const runs = page.getByRole('region', { name: /^Run / });
    await expect.poll(() => runs.count()).toBe(3);
    const newest = runs.first();
    expect(await newest.textContent()).toContain('by scenario-tests');
    const steps = await newest.getByRole('listitem').allTextContents();
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatch(/^\+ create content type AlphaBlock → 1\.0\.0What changed in AlphaBlock/);
    const update = runs.nth(1);
    await update.getByText('What changed in ArticlePage').click();
    expect(await update.getByRole('listitem').filter({ hasText: 'properties.summary' }).first().textContent()).toMatch(
      /properties\.summary/,
    );
    await expectAccessible('history');

    const alphaBefore = emulator.store.contentTypes.get('AlphaBlock')?.etag;
    await newest.getByRole('button', { name: /^Preview rollback of run / }).click();
    const preview = newest.getByRole('region', { name: /^Rollback plan for run / });
    await preview.getByText('− Delete (1)').waitFor();
    expect(await preview.textContent()).toContain('AlphaBlock');
    expect(emulator.store.contentTypes.get('AlphaBlock')?.etag).toBe(alphaBefore);
    expect(alphaBefore).toBeDefined();
    await expectAccessible('history-rollback');
  });
});
