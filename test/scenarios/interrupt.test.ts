import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { expectConverged, expectLockMatchesCms, startScenarioEmulator } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

const block = (key: string) => `key: ${key}\nbaseType: component\ndisplayName: ${key}\n`;
const INTERRUPTED = 'Interrupt received: finishing the current step, then stopping. Interrupt again to stop at once.';

/**
 * Ctrl-C during `catalyst apply`, as a person at a terminal presses it. The emulator holds the
 * create of HeroBlock (step 3 of 6) until the CLI has said it received the interrupt, so the
 * signal lands while that step is under way, every time.
 */
describe('Ctrl-C during apply', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  let whileHeld: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    emulator = await startScenarioEmulator({
      trafficDeps: {
        sleep: async () => {
          const during = whileHeld;
          whileHeld = undefined;
          await during?.();
        },
      },
    });
    project = await ScenarioProject.create({ apiUrl: emulator.url });
  });

  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  /** Runs `apply --auto-approve`, sending SIGINT `times` times while HeroBlock's create is held. */
  async function applyInterrupted(times: number) {
    let child: ChildProcessWithoutNullStreams | undefined;
    whileHeld = async () => {
      for (let sent = 1; sent <= times; sent++) {
        child!.kill('SIGINT');
        if (sent < times) await untilStderr(child!, INTERRUPTED);
      }
      await untilStderr(child!, times === 1 ? INTERRUPTED : 'Stopping now.');
    };
    emulator.traffic.configure({ faults: [{ kind: 'slow', delayMs: 1, method: 'POST', path: '/**/contenttypes', requestNumbers: [2] }] });
    try {
      return await project.run(['apply', '--auto-approve', '--no-batch'], {}, (spawned) => (child = spawned));
    } finally {
      emulator.traffic.configure({});
      whileHeld = undefined;
    }
  }

  it('once: the step under way finishes and is recorded, no other starts; exit 1; plan and apply again converge', async () => {
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    const result = await applyInterrupted(1);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(INTERRUPTED);
    expect(result.stderr).toContain('Apply interrupted before step 4. Done: 3 created, 0 updated, 0 deleted; 3 steps not run.');
    expect(result.stderr).toContain('[3/6] Created content type HeroBlock');
    expect(result.stdout).not.toContain('Lockfile:');
    expect(await project.lockedKeys()).toEqual({ contentTypes: ['ButtonBlock', 'HeroBlock'], propertyGroups: ['Seo'] });
    expect((await project.history()).map((entry) => `${entry.action} ${entry.key}`)).toEqual([
      'create Seo',
      'create ButtonBlock',
      'create HeroBlock',
    ]);
    expect(emulator.store.contentTypes.has('SeoSettings')).toBe(false);

    expect((await project.run(['apply', '--auto-approve'])).code).toBe(0);
    await expectConverged(project);
    await expectLockMatchesCms(project, emulator, {
      contentTypes: ['ArticlePage', 'ButtonBlock', 'HeroBlock', 'SeoSettings'],
      propertyGroups: ['Seo'],
    });
  });

  it('twice: stops at once with exit 130; the lockfile holds exactly the steps completed before', async () => {
    await project.write({ 'content-types/AuthorBlock.yaml': block('AuthorBlock'), 'content-types/QuoteBlock.yaml': block('QuoteBlock') });
    const result = await applyInterrupted(2);

    expect(result.code).toBe(130);
    expect(result.stderr).toContain('[1/2] Created content type AuthorBlock');
    expect(result.stderr).toContain('Stopping now.');
    expect((await project.lockedKeys()).contentTypes).toEqual(['ArticlePage', 'AuthorBlock', 'ButtonBlock', 'HeroBlock', 'SeoSettings']);
    expect((await project.history()).at(-1)).toMatchObject({ action: 'create', key: 'AuthorBlock' });
  });

  it('killed outright mid-apply: the lockfile may lag the CMS, and the next plan records what was done without writing it again', async () => {
    const keys = ['KilledA', 'KilledB', 'KilledC', 'KilledD'];
    await project.write(Object.fromEntries(keys.map((key) => [`content-types/${key}.yaml`, block(key)])));
    let child: ChildProcessWithoutNullStreams | undefined;
    whileHeld = async () => {
      child!.kill('SIGKILL');
      await new Promise<void>((resolve) => child!.once('close', () => resolve()));
    };
    emulator.traffic.configure({ faults: [{ kind: 'slow', delayMs: 1, method: 'POST', path: '/**/contenttypes', requestNumbers: [3] }] });
    try {
      const killed = await project.run(['apply', '--auto-approve', '--no-batch'], {}, (spawned) => (child = spawned));
      expect(killed.code).not.toBe(0);
    } finally {
      emulator.traffic.configure({});
      whileHeld = undefined;
    }
    const onCms = keys.filter((key) => emulator.store.contentTypes.has(key));
    expect(onCms.length).toBeGreaterThanOrEqual(2);

    const planned = await project.runInProcess(['plan', '--json']);
    const plan = JSON.parse(planned.stdout) as { steps: Array<{ action: string; key: string }> };
    const locked = (await project.lockedKeys()).contentTypes;
    for (const step of plan.steps)
      expect(`${step.action} ${step.key}`).toBe(`${emulator.store.contentTypes.has(step.key) ? 'adopt' : 'create'} ${step.key}`);
    expect(keys.filter((key) => !locked.includes(key)).every((key) => plan.steps.some((step) => step.key === key))).toBe(true);
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    await expectConverged(project);
  });
});

/** Resolves once the child has written `text` to stderr. */
function untilStderr(child: ChildProcessWithoutNullStreams, text: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    const onData = (chunk: string) => {
      seen += chunk;
      if (seen.includes(text)) {
        child.stderr.off('data', onData);
        resolve();
      }
    };
    child.stderr.on('data', onData);
  });
}
