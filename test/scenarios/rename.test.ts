import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startScenarioEmulator } from './helpers/scenario-cms.js';
import { ScenarioProject } from './helpers/scenario-project.js';

/** A declared rename (`renamedFrom`) never plans the data-losing remove + add: the old property stays until you say so. */
describe('renamedFrom', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  const story = (properties: string) => ({
    'content-types/Story.yaml': `key: Story\nbaseType: page\ndisplayName: Story\nproperties:\n${properties}`,
  });
  const properties = () => Object.keys(emulator.store.contentTypes.get('Story')!.doc.properties ?? {}).sort();

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    await project.write(story('  title: string\n  body: richText\n'));
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  it('step 1: adds the new property and keeps the old one, with no data-loss code, and says what comes next', async () => {
    await project.write(story('  headline: { type: string, renamedFrom: title }\n  body: richText\n'));
    const plan = JSON.parse((await project.runInProcess(['plan', '--json'])).stdout) as Plan;
    expect(plan.requiresApproval).toEqual([]);
    const story0 = plan.resources.find((resource) => resource.key === 'Story')!;
    expect(story0.changes.map((change) => `${change.op} ${change.path} ${change.risk}`)).toEqual(['add properties.headline safe']);
    expect(plan.warnings.map((warning) => warning.code)).toEqual(['PL118']);
    expect(plan.warnings[0]!.detail).toContain('2. copy the values of title into headline');
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    expect(properties()).toEqual(['body', 'headline', 'title']);
    const again = await project.runInProcess(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('PL118 Story: title renamed to headline, one release at a time');
    const next = JSON.parse((await project.runInProcess(['plan', '--json'])).stdout) as Plan;
    expect(next.warnings[0]!.detail).toContain('1. add headline and keep title (done)');
  });

  it('step 4: without renamedFrom the old property goes, as a destructive change approved on its own', async () => {
    await project.write(story('  headline: string\n  body: richText\n'));
    const refused = await project.runInProcess(['apply', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('DS102 Story.properties.title');
    expect((await project.runInProcess(['apply', '--auto-approve', '--allow-destructive=Story.properties.title'])).code).toBe(0);
    expect(properties()).toEqual(['body', 'headline']);
  });
});

/** A type's `renamedFrom` keeps the old type (and its content) until the rename is finished; a lossy type change names the path that keeps the values. */
describe('renamedFrom on a type, and a lossy type change', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  const type = (key: string, extra = '', title = 'string') => ({
    [`content-types/${key}.yaml`]: `key: ${key}\n${extra}baseType: page\ndisplayName: ${key}\nproperties:\n  title: ${title}\n  body: richText\n`,
  });
  const liveTypes = () => ['Article', 'Story'].filter((key) => emulator.store.contentTypes.has(key));

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    await project.write(type('Story'));
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
  });

  it('creates the new type and keeps the old one while the rename is declared: no delete, no approval', async () => {
    await project.setContentTypes({ 'Article.yaml': type('Article', 'renamedFrom: Story\n')['content-types/Article.yaml']! });
    const plan = JSON.parse((await project.runInProcess(['plan', '--json'])).stdout) as Plan;
    expect(plan.requiresApproval).toEqual([]);
    const ours = plan.resources.filter((resource) => resource.key === 'Article' || resource.key === 'Story');
    expect(ours.map((resource) => `${resource.key} ${resource.action}`)).toEqual(['Article create', 'Story none']);
    expect(plan.warnings.map((warning) => warning.code)).toEqual(['PL119']);
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    expect(liveTypes()).toEqual(['Article', 'Story']);
    const again = await project.runInProcess(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('1. create Article and keep Story (done)');
  });

  it('deletes the old type only when renamedFrom is removed, as a destructive change approved on its own', async () => {
    await project.write(type('Article'));
    const refused = await project.runInProcess(['apply', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('DS101 Story');
    expect((await project.runInProcess(['apply', '--auto-approve', '--allow-destructive=Story'])).code).toBe(0);
    expect(liveTypes()).toEqual(['Article']);
  });

  it('plans a string → integer change with the path that keeps the values, and applies it only with its exact approval', async () => {
    await project.write(type('Article', '', 'integer'));
    const plan = JSON.parse((await project.runInProcess(['plan', '--json'])).stdout) as Plan;
    const notice = plan.warnings.find((warning) => warning.code === 'PL120')!;
    expect(notice.summary).toBe('Article.title: type string → integer may lose values; a path keeps them');
    const approval = /--allow-destructive=([^`]+)`/.exec(notice.detail)![1]!;
    expect(approval).toBe('Article.properties.title.type');
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(1);
    expect((await project.runInProcess(['apply', '--auto-approve', `--allow-destructive=${approval}`])).code).toBe(0);
    expect(emulator.store.contentTypes.get('Article')!.doc.properties?.title?.type).toBe('integer');
  });
});
