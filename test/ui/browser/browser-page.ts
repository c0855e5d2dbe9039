import axe from 'axe-core';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './chromium-path.js';

/** Where the tests leave a screenshot of each page for a person to look at (git-ignored). */
export const SCREENSHOTS = 'test-results/ui';

export async function launchChromium(): Promise<Browser> {
  // Root in a container has no user namespace for Chromium's sandbox.
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
}

/** The accessibility violations axe-core finds on the page as it is now (rule and the elements), none expected. */
export async function axeViolations(page: Page): Promise<Array<{ rule: string; impact: string | null | undefined; targets: string[] }>> {
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.evaluate(axe.source);
  const results = await page.evaluate<axe.AxeResults>('axe.run(document)');
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
