import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { CliResult } from '../helpers/run-cli.js';
import { expectConverged, expectLockMatchesCms, startScenarioEmulator } from './helpers/scenario-cms.js';
import { readFixture } from './helpers/read-fixture.js';
import { ScenarioProject } from './helpers/scenario-project.js';

/**
 * Two applies on one target from one project: the second starts while the first holds its
 * write (the emulator's slow fault), is refused with who holds the lock, and writes nothing; the
 * first finishes and the lockfile and the CMS agree.
 */
describe('a lock per target', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  let duringRequest: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    emulator = await startScenarioEmulator({
      trafficDeps: {
        sleep: async () => {
          const during = duringRequest;
          duringRequest = undefined;
          await during?.();
        },
      },
    });
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    await project.setContentTypes(await readFixture('lifecycle/v1'));
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  it('a second apply while the first runs is refused and writes nothing; the first completes', async () => {
    let second: CliResult | undefined;
    let lockBefore: string | undefined;
    duringRequest = async () => {
      lockBefore = await project.lockText();
      second = await project.runInProcess(['apply', '--auto-approve']);
    };
    emulator.traffic.configure({ faults: [{ kind: 'slow', delayMs: 1, method: 'POST', path: '/**/manifest', requestNumbers: [1] }] });
    const first = await project.runInProcess(['apply', '--auto-approve']);
    emulator.traffic.configure({});

    expect(second?.code).toBe(1);
    expect(second?.stderr).toContain('Error: Target cms is locked');
    expect(second?.stderr).toMatch(/catalyst force-unlock [0-9a-f-]{36} --target cms/);
    expect(lockBefore).toBeUndefined();
    expect(first.code).toBe(0);
    await expectConverged(project);
    await expectLockMatchesCms(project, emulator, {
      contentTypes: ['ArticlePage', 'ButtonBlock', 'HeroBlock', 'SeoSettings'],
      propertyGroups: ['Seo'],
    });
  });

  it('a lock left on another machine blocks until `catalyst force-unlock <id>` removes it', async () => {
    await mkdir(join(project.dir, '.catalyst', 'locks'), { recursive: true });
    const lock = {
      id: 'f00d',
      target: 'cms',
      owner: 'ci-runner',
      operation: 'apply',
      host: 'elsewhere',
      pid: 1,
      createdAt: '2026-12-01T00:00:00Z',
    };
    await writeFile(join(project.dir, '.catalyst', 'locks', 'cms.json'), JSON.stringify(lock));
    const blocked = await project.runInProcess(['plan']);
    expect(blocked.code).toBe(0);
    const refused = await project.runInProcess(['apply', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'ci-runner is running apply on target cms (process 1 on elsewhere, since 2026-12-01T00:00:00Z); lock ID f00d.',
    );
    expect((await project.runInProcess(['force-unlock', 'wrong'])).stderr).toContain('Lock ID wrong does not match');
    const unlocked = await project.runInProcess(['force-unlock', 'f00d']);
    expect(unlocked.code).toBe(0);
    expect(unlocked.stdout).toContain('Removed the lock of target cms (held by ci-runner, apply, since 2026-12-01T00:00:00Z).');
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
  });
});
