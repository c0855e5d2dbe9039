import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAction } from '../../action/build.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { GitHubServer } from '../helpers/github-server.js';
import { runInProcess } from '../helpers/run-in-process.js';
import { ACTION_BUNDLE, runActionBundle, type ActionRun, type ActionRunOptions } from '../helpers/run-action.js';

/**
 * The Action as GitHub runs it: the committed bundle (action/dist/index.js) as a child process
 * with the environment a runner sets, against the CMS emulator and a local GitHub REST API that
 * checks every request against GitHub's OpenAPI description, over real HTTP.
 */
const BUNDLE = ACTION_BUNDLE;
const REPOSITORY = 'acme/website';
const TOKEN = 'ghs_test-token-for-the-local-api';
const CANARY = 'canary-secret-0c9f3a77-never-print';
const PR = 7;

let emulator: RunningEmulator;
let github: GitHubServer;
let root: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, clientId: 'ci-client', clientSecret: CANARY });
  github = await GitHubServer.start({ token: TOKEN, repository: REPOSITORY });
  root = await mkdtemp(join(tmpdir(), 'catalyst-action-'));
});
afterAll(async () => {
  await emulator?.close();
  await github?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'content-types'), { recursive: true });
  await writeFile(join(dir, 'catalyst.config.json'), JSON.stringify({ targets: { production: { url: emulator.url } } }));
  for (const [path, text] of Object.entries(files)) await writeFile(join(dir, path), text);
  return dir;
}

const ENV = { OPTIMIZELY_CMS_CLIENT_ID: 'ci-client', OPTIMIZELY_CMS_CLIENT_SECRET: CANARY, OPTIMIZELY_CMS_API_URL: undefined };

/** Runs the bundle for a `pull_request` event on PR #7 of a fork or not, a push or a schedule, as a runner would. */
function runAction(
  dir: string,
  inputs: Record<string, string>,
  options: Omit<ActionRunOptions, 'github' | 'token' | 'tempRoot' | 'env'> & { env?: Record<string, string | undefined> } = {},
): Promise<ActionRun> {
  return runActionBundle(dir, inputs, { ...options, github, token: TOKEN, tempRoot: root, env: { ...ENV, ...options.env } });
}

const catalystComments = (pr = PR) =>
  (github.comments.get(pr) ?? []).filter((comment) => comment.body.includes('<!-- catalyst-plan target="production" -->'));
const ARTICLE = 'key: Article\nbaseType: page\ndisplayName: Article\nproperties:\n  title: string\n';

describe('the GitHub Action, `plan` on a pull request', () => {
  it('the committed bundle is the build of the sources (run `npm run build:action`)', async () => {
    const fresh = join(root, 'fresh-bundle.js');
    await buildAction(fresh);
    expect(await readFile(fresh, 'utf8')).toBe(await readFile(BUNDLE, 'utf8'));
  });

  it('changes: one sticky comment with the commit, the digest and the plan; found again on page 3 and updated in place', async () => {
    github.seedComments(PR, 230);
    const dir = await project('changes', { 'content-types/Article.yaml': ARTICLE });
    const first = await runAction(dir, {});
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ 'has-changes': 'true', 'has-conflicts': 'false', 'has-destructive': 'false', 'exit-code': '0' });
    expect(first.outputs['plan-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(await readFile(first.outputs['plan-file']!, 'utf8'))).toMatchObject({
      formatVersion: '2.1',
      target: { name: 'production' },
    });
    expect(catalystComments()).toHaveLength(1);
    const [comment] = catalystComments();
    expect(comment!.body).toContain('Commit `f00dfeed1234`');
    expect(comment!.body).toContain(first.outputs['plan-digest']);
    expect(comment!.body).toContain('**Plan: 1 to create, 0 to update, 0 to delete.**');
    expect(first.summary).toContain('Plan: 1 to create');

    await writeFile(join(dir, 'content-types', 'Hero.yaml'), 'key: Hero\nbaseType: component\ndisplayName: Hero\n');
    const second = await runAction(dir, {});
    expect(second.code).toBe(0);
    expect(catalystComments()).toHaveLength(1);
    expect(catalystComments()[0]!.id).toBe(comment!.id);
    expect(catalystComments()[0]!.body).toContain('**Plan: 2 to create, 0 to update, 0 to delete.**');
    expect(github.requests.filter((request) => request.startsWith('GET') && request.includes('page=3')).length).toBeGreaterThan(0);
    expect(github.violations).toEqual([]);
  });

  it('no changes: the comment says so; destructive changes are flagged', async () => {
    const dir = await project('in-sync', { 'content-types/Teaser.yaml': 'key: Teaser\nbaseType: component\ndisplayName: Teaser\n' });
    expect((await runInProcess(['apply', '--auto-approve'], { cwd: dir, env: ENV })).code).toBe(0);
    const none = await runAction(dir, {});
    expect(none.outputs).toMatchObject({ 'has-changes': 'false', 'exit-code': '0' });
    expect(catalystComments().at(-1)!.body).toContain('No changes');

    await rm(join(dir, 'content-types', 'Teaser.yaml'));
    await writeFile(join(dir, 'content-types', 'Other.yaml'), 'key: Other\nbaseType: page\ndisplayName: Other\n');
    const destructive = await runAction(dir, {});
    expect(destructive.outputs).toMatchObject({ 'has-changes': 'true', 'has-destructive': 'true', 'exit-code': '0' });
    expect(github.violations).toEqual([]);
  });

  it('conflicts: exit code 3, the values and the CMS editor, and how to settle them in the pull request', async () => {
    const dir = await project('conflict', { 'content-types/Page.yaml': 'key: Page\nbaseType: page\ndisplayName: Page\n' });
    expect((await runInProcess(['apply', '--auto-approve'], { cwd: dir, env: ENV })).code).toBe(0);
    await writeFile(join(dir, 'content-types', 'Page.yaml'), 'key: Page\nbaseType: page\ndisplayName: Page (YAML)\n');
    emulator.store.editContentType('Page', (doc) => ({ ...doc, displayName: 'Page (CMS)' }));
    const result = await runAction(dir, {});
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ 'has-conflicts': 'true', 'exit-code': '3' });
    const body = catalystComments().at(-1)!.body;
    expect(body).toContain('catalyst resolve');
    expect(body).toContain('| `"Page"` | `"Page (YAML)"` | `"Page (CMS)"` (cms-user, ');
    expect(github.violations).toEqual([]);
  });

  it('a secondary rate limit: waits as GitHub asks and retries, then keeps the one comment', async () => {
    const dir = await project('rate-limited', { 'content-types/Article.yaml': ARTICLE });
    github.limitedRequests = 2;
    const result = await runAction(dir, {}, { pr: 41 });
    expect(result.code).toBe(0);
    expect(result.log).toContain('secondary rate limit');
    expect(catalystComments(41)).toHaveLength(1);
    expect(github.limitedRequests).toBe(0);
    expect(github.violations).toEqual([]);
  });

  it('comment: false plans, summarises and sets the outputs, and leaves the pull request alone', async () => {
    const dir = await project('no-comment', { 'content-types/Article.yaml': ARTICLE });
    const result = await runAction(dir, { comment: 'false' }, { pr: 51 });
    expect(result.code).toBe(0);
    expect(result.outputs['has-changes']).toBe('true');
    expect(result.summary).toContain('Plan: 1 to create');
    expect(github.comments.get(51)).toBeUndefined();
  });

  it('a fork without secrets: a notice, no failure and no comment', async () => {
    const dir = await project('fork', { 'content-types/Article.yaml': ARTICLE });
    const before = catalystComments().length;
    const result = await runAction(
      dir,
      {},
      { fork: true, env: { OPTIMIZELY_CMS_CLIENT_ID: undefined, OPTIMIZELY_CMS_CLIENT_SECRET: undefined } },
    );
    expect(result.code).toBe(0);
    expect(result.log).toContain('no CMS credentials in a pull request from a fork');
    expect(catalystComments()).toHaveLength(before);
  });

  it('a 1,000-type plan fits GitHub’s comment limit and says where the rest is', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 1000 }, (_, index) => [
        `content-types/Type${index}.yaml`,
        `key: Type${index}\nbaseType: page\ndisplayName: Type ${index}\nproperties:\n  title: string\n  body: richText\n  summary: { type: string, maxLength: 300 }\n`,
      ]),
    );
    const dir = await project('large', files);
    const result = await runAction(dir, {});
    expect(result.code).toBe(0);
    const body = catalystComments().at(-1)!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('**Plan: 1000 to create');
    expect(body).toContain('see the full plan in the job log');
    expect(result.summary.length).toBeGreaterThan(body.length);
  });

  it('the canary secret appears nowhere: not in logs, outputs, summaries, plan files or comments', async () => {
    const dir = await project('canary', { 'content-types/Article.yaml': ARTICLE });
    const result = await runAction(dir, {});
    const masked = result.log.split('\n').filter((line) => line.startsWith('::add-mask::'));
    expect(masked).toContain(`::add-mask::${CANARY}`);
    const everything = [
      result.log
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
      JSON.stringify(result.outputs),
      result.summary,
      await readFile(result.outputs['plan-file']!, 'utf8'),
      ...[...github.comments.values()].flat().map((comment) => comment.body),
    ].join('\n');
    expect(everything).not.toContain(CANARY);
  });
});

describe('the GitHub Action, `apply` after a merge', () => {
  /** Plans PR `pr` as reviewed, then merges it: `main` points at the merge commit. */
  async function reviewedAndMerged(name: string, pr: number, files: Record<string, string>) {
    const dir = await project(name, files);
    const planned = await runAction(dir, {}, { pr });
    expect(planned.code).toBe(0);
    const sha = github.seedRepository('main', { 'README.md': '# website\n' }, pr);
    return { dir, sha, digest: planned.outputs['plan-digest']! };
  }

  it('applies the reviewed plan when it still carries the same changes, and commits the lockfile and the history to the branch', async () => {
    const { dir, sha, digest } = await reviewedAndMerged('apply', 21, {
      'content-types/Story.yaml': 'key: Story\nbaseType: page\ndisplayName: Story\n',
    });
    const result = await runAction(dir, { command: 'apply' }, { push: { sha, branch: 'main' } });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ 'has-changes': 'true', 'exit-code': '0', 'plan-digest': digest });
    expect(emulator.store.contentTypes.get('Story')?.doc.displayName).toBe('Story');
    const lock = await readFile(join(dir, 'catalyst.lock.json'), 'utf8');
    expect(github.fileOn('main', 'catalyst.lock.json')).toBe(lock);
    const history = await readdir(join(dir, 'catalyst.history'));
    expect(history).toHaveLength(1);
    expect(github.fileOn('main', `catalyst.history/${history[0]}`)).toBe(
      await readFile(join(dir, 'catalyst.history', history[0]!), 'utf8'),
    );
    expect(github.commits.get(github.refs.get('heads/main')!)!.parents).toEqual([sha]);
    expect(github.violations).toEqual([]);
  });

  it('refuses when the CMS changed after the review: says so on the pull request, writes nothing', async () => {
    const { dir, sha } = await reviewedAndMerged('refused', 22, {
      'content-types/Feature.yaml': 'key: Feature\nbaseType: page\ndisplayName: Feature\n',
    });
    emulator.store.contentTypes.create(
      { key: 'Feature', baseType: '_page', displayName: 'Made in the CMS meanwhile', properties: {} } as never,
      {
        actor: 'editor',
      },
    );
    const etag = emulator.store.contentTypes.get('Feature')!.etag;
    const result = await runAction(dir, { command: 'apply' }, { push: { sha, branch: 'main' } });
    expect(result.code).toBe(1);
    expect(result.outputs['exit-code']).toBe('1');
    expect((github.comments.get(22) ?? []).at(-1)!.body).toContain('the CMS changed after the review');
    expect(emulator.store.contentTypes.get('Feature')!.etag).toBe(etag);
    expect(github.refs.get('heads/main')).toBe(sha);
    expect(github.violations).toEqual([]);
  });

  it('a protected branch gets the lockfile as a pull request instead', async () => {
    const { dir, sha } = await reviewedAndMerged('protected', 23, {
      'content-types/Promo.yaml': 'key: Promo\nbaseType: page\ndisplayName: Promo\n',
    });
    github.protectedBranches.add('main');
    try {
      const result = await runAction(dir, { command: 'apply' }, { push: { sha, branch: 'main' } });
      expect(result.code).toBe(0);
      expect(github.refs.get('heads/main')).toBe(sha);
      const pull = github.openedPulls.at(-1)!;
      expect(pull.base).toBe('main');
      expect(pull.head).toMatch(/^catalyst\/lockfile-/);
      expect(github.fileOn(pull.head, 'catalyst.lock.json')).toBe(await readFile(join(dir, 'catalyst.lock.json'), 'utf8'));
      expect(github.violations).toEqual([]);
    } finally {
      github.protectedBranches.delete('main');
    }
  });
});

describe('the GitHub Action, `drift` on a schedule', () => {
  it('opens one pull request with the CMS edits written into the YAML, updates it on the next run, and does nothing when the CMS is unchanged', async () => {
    const yaml = '# Kept by the content team.\nkey: Banner\nbaseType: component\ndisplayName: Banner\n';
    const dir = await project('drift', { 'content-types/Banner.yaml': yaml });
    expect((await runInProcess(['apply', '--auto-approve'], { cwd: dir, env: ENV })).code).toBe(0);
    github.seedRepository(
      'main',
      { 'content-types/Banner.yaml': yaml, 'catalyst.lock.json': await readFile(join(dir, 'catalyst.lock.json'), 'utf8') },
      31,
    );
    const quiet = await runAction(dir, { command: 'drift' }, { schedule: true });
    expect(quiet.code).toBe(0);
    expect(quiet.outputs['has-changes']).toBe('false');
    expect(github.openedPulls.filter((pull) => pull.head === 'catalyst/drift/production')).toEqual([]);

    emulator.store.editContentType('Banner', (doc) => ({ ...doc, displayName: 'Banner (CMS)' }));
    const first = await runAction(dir, { command: 'drift' }, { schedule: true });
    expect(first.code).toBe(0);
    expect(first.outputs['has-changes']).toBe('true');
    const pulls = () => github.openedPulls.filter((pull) => pull.head === 'catalyst/drift/production');
    expect(pulls()).toHaveLength(1);
    expect(pulls()[0]!.body).toContain('Banner');
    expect(github.fileOn('catalyst/drift/production', 'content-types/Banner.yaml')).toBe(
      '# Kept by the content team.\nkey: Banner\nbaseType: component\ndisplayName: Banner (CMS)\n',
    );

    await writeFile(join(dir, 'content-types', 'Banner.yaml'), yaml);
    await writeFile(join(dir, 'catalyst.lock.json'), github.fileOn('main', 'catalyst.lock.json')!);
    emulator.store.editContentType('Banner', (doc) => ({ ...doc, description: 'Also edited in the CMS' }));
    const second = await runAction(dir, { command: 'drift' }, { schedule: true });
    expect(second.code).toBe(0);
    expect(pulls()).toHaveLength(1);
    expect(github.fileOn('catalyst/drift/production', 'content-types/Banner.yaml')).toContain('description: Also edited in the CMS');
    expect(github.fileOn('main', 'content-types/Banner.yaml')).toBe(yaml);
    expect(github.violations).toEqual([]);
  });
});
