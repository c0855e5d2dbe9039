import { afterAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startScenarioEmulator } from './helpers/scenario-cms.js';
import { ScenarioProject } from './helpers/scenario-project.js';

/**
 * Pull and bidirectional sync against the emulator, per mode and strategy: a person edits the
 * YAML, an editor edits the CMS, catalyst applies; then the CMS and the YAML hold the same and
 * the next plan is empty. The commands run in process (the CLI's own code over real HTTP);
 * the last case runs them as child processes, as the "done when" reads.
 */
const ARTICLE = [
  'key: Article # the article page',
  'baseType: page',
  'displayName: Article',
  'mayContainTypes: [Article]',
  'properties:',
  '  title: { type: string, maxLength: 100 } # the headline',
  '  body: richText',
  '',
].join('\n');

type Edit = { yaml?: (text: string) => string; cms?: (doc: Record<string, unknown>) => Record<string, unknown> };
const yamlName = (text: string) => text.replace('displayName: Article', 'displayName: Article (YAML)');
const cmsName = (doc: Record<string, unknown>) => ({ ...doc, displayName: 'Article (CMS)' });
const yamlDescription = (text: string) =>
  text.replace('displayName: Article\n', 'displayName: Article\ndescription: From the repository\n');

describe.concurrent('two-way sync, per mode and strategy, against the emulator', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    await Promise.all(cleanup.map((dispose) => dispose()));
  });

  async function synced(): Promise<{ emulator: RunningEmulator; project: ScenarioProject }> {
    const emulator = await startScenarioEmulator();
    const project = await ScenarioProject.create({ apiUrl: emulator.url });
    cleanup.push(
      () => emulator.close(),
      () => project.dispose(),
    );
    await project.write({ 'content-types/Article.yaml': ARTICLE });
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    return { emulator, project };
  }

  async function edited(edit: Edit) {
    const setup = await synced();
    if (edit.yaml) await setup.project.edit('content-types/Article.yaml', edit.yaml);
    if (edit.cms) setup.emulator.store.editContentType('Article', (doc) => edit.cms!(doc as unknown as Record<string, unknown>) as never);
    return setup;
  }

  /** The CMS's Article as the API serves it, and the next plan in this mode: empty, nothing for the YAML. */
  async function expectEqualSides(project: ScenarioProject, emulator: RunningEmulator, mode: string) {
    const next = await project.runInProcess(['plan', '--mode', mode, '--detailed-exitcode', '--json']);
    expect(next.code).toBe(0);
    const plan = JSON.parse(next.stdout) as { summary: { yamlWrites: number; steps: number } };
    expect(plan.summary).toMatchObject({ yamlWrites: 0, steps: 0 });
    return emulator.store.contentTypes.get('Article')!.doc as unknown as Record<string, unknown>;
  }

  const CASES: Array<{ name: string; mode: string; strategy: string; edit: Edit; expect: { displayName: string; description?: string } }> =
    [
      {
        name: 'bidirectional, manual: different members changed on each side both survive',
        mode: 'bidirectional',
        strategy: 'manual',
        edit: { yaml: yamlDescription, cms: cmsName },
        expect: { displayName: 'Article (CMS)', description: 'From the repository' },
      },
      {
        name: 'bidirectional, desired-wins: the same member takes the YAML value',
        mode: 'bidirectional',
        strategy: 'desired-wins',
        edit: { yaml: yamlName, cms: cmsName },
        expect: { displayName: 'Article (YAML)' },
      },
      {
        name: 'bidirectional, live-wins: the same member takes the CMS value, written into YAML',
        mode: 'bidirectional',
        strategy: 'live-wins',
        edit: { yaml: yamlName, cms: cmsName },
        expect: { displayName: 'Article (CMS)' },
      },
      {
        name: 'pull, manual: the CMS edit comes into YAML and the YAML-only edit is reverted',
        mode: 'pull',
        strategy: 'manual',
        edit: { yaml: yamlDescription, cms: cmsName },
        expect: { displayName: 'Article (CMS)' },
      },
      {
        name: 'pull, live-wins: the same member takes the CMS value',
        mode: 'pull',
        strategy: 'live-wins',
        edit: { yaml: yamlName, cms: cmsName },
        expect: { displayName: 'Article (CMS)' },
      },
      {
        name: 'pull, merge: the CMS edit comes into YAML, the YAML-only edit is reverted',
        mode: 'pull',
        strategy: 'merge',
        edit: { yaml: yamlDescription, cms: cmsName },
        expect: { displayName: 'Article (CMS)' },
      },
      {
        name: 'push, desired-wins: the same member takes the YAML value',
        mode: 'push',
        strategy: 'desired-wins',
        edit: { yaml: yamlName, cms: cmsName },
        expect: { displayName: 'Article (YAML)' },
      },
      {
        name: 'push, live-wins: the same member keeps the CMS value, written into YAML',
        mode: 'push',
        strategy: 'live-wins',
        edit: { yaml: yamlName, cms: cmsName },
        expect: { displayName: 'Article (CMS)' },
      },
      {
        name: 'push, merge: the CMS converges to YAML, the CMS edit on another member is reverted',
        mode: 'push',
        strategy: 'merge',
        edit: { yaml: yamlDescription, cms: cmsName },
        expect: { displayName: 'Article', description: 'From the repository' },
      },
    ];

  it.each(CASES)('$name', async ({ mode, strategy, edit, expect: wanted }) => {
    const { emulator, project } = await edited(edit);
    const applied = await project.runInProcess(['apply', '--mode', mode, '--strategy', strategy, '--auto-approve']);
    expect(applied.stderr).not.toMatch(/error/i);
    expect(applied.code).toBe(0);
    const cms = await expectEqualSides(project, emulator, mode);
    expect(cms['displayName']).toBe(wanted.displayName);
    expect(cms['description']).toBe(wanted.description);
    const yaml = (await project.read('content-types/Article.yaml'))!;
    expect(yaml).toContain('key: Article # the article page');
    expect(yaml).toContain('# the headline');
  });

  it.each([
    ['pull', 'desired-wins', 'PL116'],
    ['pull', 'manual', 'PL101'],
    ['bidirectional', 'merge', 'PL101'],
  ])('%s, %s: the same member changed on both sides blocks with %s (exit 3), and nothing is written', async (mode, strategy, code) => {
    const { emulator, project } = await edited({ yaml: yamlName, cms: cmsName });
    const yamlBefore = await project.read('content-types/Article.yaml');
    const etag = emulator.store.contentTypes.get('Article')!.etag;
    const planned = await project.runInProcess(['plan', '--mode', mode, '--strategy', strategy]);
    expect(planned.code).toBe(3);
    expect(planned.stdout).toContain(code);
    const applied = await project.runInProcess(['apply', '--mode', mode, '--strategy', strategy, '--auto-approve']);
    expect(applied.code).toBe(1);
    expect(await project.read('content-types/Article.yaml')).toBe(yamlBefore);
    expect(emulator.store.contentTypes.get('Article')!.etag).toBe(etag);
  });

  it('bidirectional, merge: set-like lists changed on both sides unite', async () => {
    const { emulator, project } = await edited({
      yaml: (text) => text.replace('mayContainTypes: [Article]', 'mayContainTypes: [Article, _folder]'),
      cms: (doc) => ({ ...doc, mayContainTypes: ['Article', '_image'] }),
    });
    expect((await project.runInProcess(['apply', '--mode', 'bidirectional', '--strategy', 'merge', '--auto-approve'])).code).toBe(0);
    const cms = await expectEqualSides(project, emulator, 'bidirectional');
    expect(cms['mayContainTypes']).toEqual(['Article', '_folder', '_image']);
  });

  it('bidirectional, manual: the same member changed on both sides blocks (exit 3) until `resolve --take cms`, a YAML change', async () => {
    const { emulator, project } = await edited({ yaml: yamlName, cms: cmsName });
    const blocked = await project.runInProcess(['plan', '--mode', 'bidirectional']);
    expect(blocked.code).toBe(3);
    expect(blocked.stdout).toContain('YAML:      "Article (YAML)"');
    expect(blocked.stdout).toContain('CMS:       "Article (CMS)"');
    expect(blocked.stdout).toMatch(/CMS side changed by cms-user at \d{4}-\d\d-\d\dT/);
    const lockBefore = await project.lockText();
    const resolved = await project.runInProcess(['resolve', 'Article.displayName', '--take', 'cms', '--mode', 'bidirectional']);
    expect(resolved.code).toBe(0);
    expect(await project.lockText()).toBe(lockBefore);
    expect(await project.read('content-types/Article.yaml')).toContain('displayName: Article (CMS)');
    expect((await project.runInProcess(['apply', '--mode', 'bidirectional', '--auto-approve'])).code).toBe(0);
    expect((await expectEqualSides(project, emulator, 'bidirectional'))['displayName']).toBe('Article (CMS)');
  });

  it('bidirectional, manual: `resolve --all --take yaml` changes only the lockfile, and apply sends the YAML value', async () => {
    const { emulator, project } = await edited({ yaml: yamlName, cms: cmsName });
    const yamlBefore = await project.read('content-types/Article.yaml');
    const resolved = await project.runInProcess(['resolve', '--all', '--take', 'yaml', '--mode', 'bidirectional']);
    expect(resolved.code).toBe(0);
    expect(await project.read('content-types/Article.yaml')).toBe(yamlBefore);
    expect((await project.runInProcess(['apply', '--mode', 'bidirectional', '--auto-approve'])).code).toBe(0);
    expect((await expectEqualSides(project, emulator, 'bidirectional'))['displayName']).toBe('Article (YAML)');
  });

  it('`catalyst pull`: CMS-only types only with --include-unmanaged; a type deleted in the CMS leaves the YAML only with approval', async () => {
    const { emulator, project } = await synced();
    emulator.store.contentTypes.create({ key: 'Teaser', baseType: '_component', displayName: 'Teaser', properties: {} } as never, {
      actor: 'editor',
    });
    const plain = await project.runInProcess(['pull']);
    expect(plain.code).toBe(0);
    expect(await project.read('content-types/Teaser.yaml')).toBeUndefined();
    const unmanaged = await project.runInProcess(['pull', '--include-unmanaged', '--only', 'Teaser']);
    expect(unmanaged.code).toBe(0);
    expect(await project.read('content-types/Teaser.yaml')).toContain('key: Teaser');

    emulator.store.contentTypes.delete('Article');
    const refused = await project.runInProcess(['pull']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Destructive changes need approval');
    expect(await project.read('content-types/Article.yaml')).toBe(ARTICLE);
    const approved = await project.runInProcess(['pull', '--allow-destructive']);
    expect(approved.code).toBe(0);
    expect(await project.read('content-types/Article.yaml')).toBeUndefined();
    const next = await project.runInProcess(['plan', '--detailed-exitcode']);
    expect(next.code).toBe(0);
  });

  it('pull mode, a type only the YAML has: a change (exit 2) that apply carries out, removing its YAML with approval', async () => {
    const { project } = await synced();
    await project.write({ 'content-types/Draft.yaml': 'key: Draft\nbaseType: page\ndisplayName: Draft\n' });
    const planned = await project.runInProcess(['plan', '--mode', 'pull', '--detailed-exitcode']);
    expect(planned.code).toBe(2);
    expect((await project.runInProcess(['apply', '--mode', 'pull', '--auto-approve'])).code).toBe(1);
    expect(await project.read('content-types/Draft.yaml')).toBeDefined();
    const applied = await project.runInProcess(['apply', '--mode', 'pull', '--auto-approve', '--allow-destructive']);
    expect(applied.code).toBe(0);
    expect(await project.read('content-types/Draft.yaml')).toBeUndefined();
    expect((await project.runInProcess(['plan', '--mode', 'pull', '--detailed-exitcode'])).code).toBe(0);
  });

  it('done when: through the CLI as child processes, an editor’s and a developer’s edits to one type both survive a bidirectional apply', async () => {
    const { emulator, project } = await edited({ yaml: yamlDescription, cms: cmsName });
    const applied = await project.run(['apply', '--mode', 'bidirectional', '--auto-approve']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('YAML written first: content-types/Article.yaml');
    expect((await project.history()).map((record) => `${record.action} ${record.key}`)).toEqual([
      'create Article',
      'update Article',
      'yaml-write Article',
      'update Article',
    ]);
    const next = await project.run(['plan', '--mode', 'bidirectional', '--detailed-exitcode']);
    expect(next.code).toBe(0);
    const doc = emulator.store.contentTypes.get('Article')!.doc as unknown as Record<string, unknown>;
    expect([doc['displayName'], doc['description']]).toEqual(['Article (CMS)', 'From the repository']);
  });
});
