import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { GitHubServer } from '../helpers/github-server.js';
import { runActionBundle } from '../helpers/run-action.js';
import { runInProcess } from '../helpers/run-in-process.js';

const TOKEN = 'ghs_policy-test-token';
const SECRET = 'policy-action-secret-3c7a1d';
const ENV = {
  OPTIMIZELY_CMS_CLIENT_ID: 'ci-client',
  OPTIMIZELY_CMS_CLIENT_SECRET: SECRET,
  OPTIMIZELY_CMS_API_URL: undefined,
  CI: undefined,
};
const PR = 61;

const POLICY = `roles:
  cms-admins: ['@acme/cms-admins']
  editors: ['@alice']
targets:
  production:
    requireCi: true
    grants:
      plan: ['*']
      apply: [editors, cms-admins]
      apply-destructive: [cms-admins]
`;
const PAGE = (name: string) => `key: ${name}\nbaseType: page\ndisplayName: ${name}\n`;

/**
 * The Action enforces the access policy with GitHub's identities on apply after a merge: the
 * merger, and the latest review of each approver, with team membership read from GitHub's API
 * (checked against its OpenAPI description by the local server).
 */
describe('the access policy in the GitHub Action', () => {
  let emulator: RunningEmulator;
  let github: GitHubServer;
  let root: string;
  let dir: string;
  let merge: string;

  const apply = () =>
    runActionBundle(
      dir,
      { command: 'apply', 'allow-destructive': 'true' },
      { github, token: TOKEN, tempRoot: root, env: ENV, push: { sha: merge, branch: 'main' }, actor: 'alice' },
    );

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, clientId: 'ci-client', clientSecret: SECRET });
    github = await GitHubServer.start({ token: TOKEN, repository: 'acme/website' });
    root = await mkdtemp(join(tmpdir(), 'catalyst-policy-action-'));
    dir = join(root, 'project');
    await mkdir(join(dir, 'content-types'), { recursive: true });
    await writeFile(join(dir, 'catalyst.config.json'), JSON.stringify({ targets: { production: { url: emulator.url } } }));
    await writeFile(join(dir, 'content-types', 'Old.yaml'), PAGE('Old'));
    expect((await runInProcess(['apply', '--auto-approve'], { cwd: dir, env: ENV })).code).toBe(0);
    await rm(join(dir, 'content-types', 'Old.yaml'));
    await writeFile(join(dir, 'catalyst.policy.yaml'), POLICY);
    const planned = await runActionBundle(dir, {}, { github, token: TOKEN, tempRoot: root, env: ENV, pr: PR, actor: 'alice' });
    expect(planned.code, planned.log).toBe(0);
    expect(planned.outputs['has-destructive']).toBe('true');
    merge = github.seedRepository('main', { 'README.md': '# website\n' }, PR);
    github.pullFiles.set(PR, ['content-types/Old.yaml']);
    github.teams.set('acme/cms-admins', new Set(['bob']));
  });
  afterAll(async () => {
    await emulator?.close();
    await github?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('the plan comment tells reviewers what applying it will need, and who holds it', () => {
    const comment = (github.comments.get(PR) ?? []).find((each) => each.body.includes('<!-- catalyst-plan target="production" -->'));
    expect(comment?.body).toContain(
      '> Access policy: applying this plan to `production` after the merge needs **apply** (@alice (editors), @acme/cms-admins (cms-admins)) and **apply-destructive** (@acme/cms-admins (cms-admins))',
    );
  });

  it('a destructive merge without an approval from cms-admins is refused before any write, said on the pull request and recorded', async () => {
    github.reviews.set(PR, [
      { login: 'bob', state: 'APPROVED' },
      { login: 'bob', state: 'DISMISSED' },
      { login: 'carol', state: 'APPROVED' },
    ]);
    const lock = await readFile(join(dir, 'catalyst.lock.json'), 'utf8');
    const result = await apply();
    expect(result.code).toBe(1);
    const comment = (github.comments.get(PR) ?? []).at(-1)!.body;
    expect(comment).toContain(
      'catalyst did not apply: applying to target "production" is denied by the access policy (A010, catalyst.policy.yaml:10:7',
    );
    expect(comment).toContain('Neither @alice (CI) nor anyone who approved (@carol (CI)) holds apply-destructive on target "production"');
    expect(comment).toContain('An approving review from one of @acme/cms-admins (cms-admins) satisfies it');
    expect(emulator.store.contentTypes.has('Old')).toBe(true);
    expect(await readFile(join(dir, 'catalyst.lock.json'), 'utf8')).toBe(lock);
    const history = github.fileOn('main', 'catalyst.history/production.jsonl') ?? '';
    expect(history).toContain('"action":"denied"');
    expect(history).toContain('"grant":"apply-destructive"');
    expect(github.requests).toEqual(
      expect.arrayContaining([
        'GET /repos/acme/website/pulls/61/reviews?per_page=100',
        'GET /orgs/acme/teams/cms-admins/memberships/alice',
        'GET /orgs/acme/teams/cms-admins/memberships/carol',
        'GET /repos/acme/website/pulls/61/files?per_page=100',
      ]),
    );
    expect(github.violations).toEqual([]);
  });

  it('a pull request that also edits the policy applies nothing: the policy must be in force before the change it authorizes', async () => {
    github.pullFiles.set(PR, ['content-types/Old.yaml', 'catalyst.policy.yaml']);
    github.reviews.get(PR)!.push({ login: 'bob', state: 'APPROVED' });
    try {
      const result = await apply();
      expect(result.code).toBe(1);
      const comment = (github.comments.get(PR) ?? []).at(-1)!.body;
      expect(comment).toContain('(A010, catalyst.policy.yaml). This change also edits the access policy (catalyst.policy.yaml)');
      expect(comment).toContain('Merge the policy change on its own first');
      expect(emulator.store.contentTypes.has('Old')).toBe(true);
      expect(github.violations).toEqual([]);
    } finally {
      github.pullFiles.set(PR, ['content-types/Old.yaml']);
      github.reviews.get(PR)!.pop();
    }
  });

  it('an approval given on an earlier commit of the pull request does not count: it did not see what came after', async () => {
    github.reviews.get(PR)!.push({ login: 'bob', state: 'APPROVED', commit: '0123456789abcdef0123456789abcdef01234567' });
    try {
      const result = await apply();
      expect(result.code).toBe(1);
      const comment = (github.comments.get(PR) ?? []).at(-1)!.body;
      expect(comment).toContain('Neither @alice (CI) nor anyone who approved (@carol (CI)) holds apply-destructive on target "production"');
      expect(emulator.store.contentTypes.has('Old')).toBe(true);
    } finally {
      github.reviews.get(PR)!.pop();
    }
  });

  it('a pull request that deletes the policy and changes the CMS applies nothing', async () => {
    const policy = await readFile(join(dir, 'catalyst.policy.yaml'), 'utf8');
    await rm(join(dir, 'catalyst.policy.yaml'));
    github.pullFiles.set(PR, ['content-types/Old.yaml', 'catalyst.policy.yaml']);
    try {
      const result = await apply();
      expect(result.code).toBe(1);
      const comment = (github.comments.get(PR) ?? []).at(-1)!.body;
      expect(comment).toContain(
        'This change also edits the access policy (catalyst.policy.yaml or catalyst.policy.yml, removed by this pull request)',
      );
      expect(emulator.store.contentTypes.has('Old')).toBe(true);
      expect(github.violations).toEqual([]);
    } finally {
      await writeFile(join(dir, 'catalyst.policy.yaml'), policy);
      github.pullFiles.set(PR, ['content-types/Old.yaml']);
    }
  });

  it('once a member of cms-admins approves, the same merge applies, and the history (denial included) verifies', async () => {
    github.reviews.get(PR)!.push({ login: 'bob', state: 'APPROVED' });
    const result = await apply();
    expect(result.code, result.log).toBe(0);
    expect(emulator.store.contentTypes.has('Old')).toBe(false);
    const history = github.fileOn('main', 'catalyst.history/production.jsonl') ?? '';
    // Denied before: without cms-admins, with the policy edited, with a stale approval, with the policy removed.
    expect(history.split('\n').filter((line) => line.includes('"action":"denied"'))).toHaveLength(4);
    expect(history).toContain('"action":"delete"');
    const verify = await runInProcess(['history', 'verify'], { cwd: dir, env: ENV });
    expect(verify.code, verify.stderr).toBe(0);
    expect(github.violations).toEqual([]);
  });
});
