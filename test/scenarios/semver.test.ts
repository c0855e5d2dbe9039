import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startScenarioEmulator } from './helpers/scenario-cms.js';
import { ScenarioProject } from './helpers/scenario-project.js';

/** Each applied content type carries a semantic version bumped by its change classes, in the lockfile and the history. */
describe('semantic versions per type', () => {
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

  const step = async (yaml: string, args: string[] = []) => {
    await project.write({ 'content-types/Story.yaml': `key: Story\nbaseType: page\n${yaml}` });
    const applied = await project.runInProcess(['apply', '--auto-approve', ...args]);
    expect(applied.code, applied.stderr).toBe(0);
    const entry = (await project.locked()).contentTypes['Story'] as { semver?: string };
    return { semver: entry.semver, history: (await project.history()).at(-1)?.semver, stdout: applied.stdout };
  };

  it('create 1.0.0, metadata → patch, additive → minor, destructive → major', async () => {
    expect(await step('displayName: Story\nproperties:\n  title: string\n')).toMatchObject({ semver: '1.0.0', history: '1.0.0' });
    const patch = await step('displayName: Story page\nproperties:\n  title: string\n');
    expect(patch).toMatchObject({ semver: '1.0.1', history: '1.0.1' });
    expect(patch.stdout).toContain('# content type Story will be updated in place (patch version bump)');
    expect(await step('displayName: Story page\nproperties:\n  title: string\n  body: richText\n')).toMatchObject({ semver: '1.1.0' });
    expect(await step('displayName: Story page\nproperties:\n  body: richText\n', ['--allow-destructive'])).toMatchObject({
      semver: '2.0.0',
      history: '2.0.0',
    });
  });
});
