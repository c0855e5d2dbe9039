import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { isDenial, type HistoryEntry } from '../../src/io/audit/history-record.js';
import { startScenarioEmulator } from '../scenarios/helpers/scenario-cms.js';
import { ScenarioProject } from '../scenarios/helpers/scenario-project.js';

const ADMIN = 'admin@acme.example';
const EDITOR = 'editor@acme.example';
const OUTSIDER = 'outsider@elsewhere.example';

const POLICY = `# Who may do what on the CMS targets of this repository.
roles:
  admins: ['${ADMIN}', '@acme/cms-admins']
  editors: ['${EDITOR}']
targets:
  cms:
    grants:
      plan: ['*']
      apply: [editors, admins]
      apply-destructive: [admins]
      unprotect: [admins]
      rollback: [admins]
      resolve: [editors]
  production:
    requireCi: true
    grants:
      apply: [admins]
`;
/** The 1-based line of `text` in POLICY, so assertions name the rule as the diagnostic does. */
const lineOf = (text: string) => POLICY.split('\n').findIndex((line) => line.includes(text)) + 1;

const PAGE = (name: string, extra = '') => `key: ${name}\nbaseType: page\ndisplayName: ${name}\n${extra}`;

describe('the access policy through the CLI', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  let gitHome: string;

  /** Runs catalyst as the git identity `email` (GIT_CONFIG_GLOBAL), in process. */
  const as = async (email: string, args: string[], env: Record<string, string | undefined> = {}) => {
    const config = join(gitHome, email.replace(/[^a-z]/g, '_'));
    await writeFile(config, `[user]\n\temail = ${email}\n`);
    return project.runInProcess(args, { GIT_CONFIG_GLOBAL: config, GIT_CONFIG_NOSYSTEM: '1', CATALYST_ACTOR: undefined, ...env });
  };
  const denials = async (target = 'cms') =>
    ((await project.read(`catalyst.history/${target}.jsonl`)) ?? '')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as HistoryEntry)
      .filter(isDenial);

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url, extraTargets: { production: { url: emulator.url } } });
    gitHome = await mkdtemp(join(tmpdir(), 'catalyst-git-'));
    await project.write({ 'content-types/Old.yaml': PAGE('Old'), 'content-types/Kept.yaml': PAGE('Kept', 'protect: true\n') });
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    await project.write({ 'catalyst.policy.yaml': POLICY });
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.dispose();
    if (gitHome) await rm(gitHome, { recursive: true, force: true });
  });

  it('an editor applies an additive change', async () => {
    await project.write({ 'content-types/Fresh.yaml': PAGE('Fresh') });
    const result = await as(EDITOR, ['apply', '--auto-approve']);
    expect(result.code, result.stderr).toBe(0);
    expect(emulator.store.contentTypes.has('Fresh')).toBe(true);
  });

  it('an editor is denied a destructive apply before anything is written: the rule, who holds it, recorded in the history', async () => {
    await rm(join(project.dir, 'content-types', 'Old.yaml'));
    const lock = await project.lockText();
    const result = await as(EDITOR, ['apply', '--auto-approve', '--allow-destructive=Old']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `catalyst.policy.yaml:${lineOf('apply-destructive')}:7: error A010 catalyst apply on target "cms" is denied by the access policy`,
    );
    expect(result.stderr).toContain(`${EDITOR} (git user) does not hold apply-destructive on target "cms"`);
    expect(result.stderr).toContain('a plan with destructive changes (Old)');
    expect(result.stderr).toContain(`held by ${ADMIN} (admins), @acme/cms-admins (admins)`);
    expect(result.stderr).toContain('Nothing was written to the CMS. The refusal is recorded in catalyst.history/cms.jsonl.');
    expect(result.stderr).not.toContain('Internal error');
    expect(emulator.store.contentTypes.has('Old')).toBe(true);
    expect(await project.lockText()).toBe(lock);
    const [denial] = await denials();
    expect(denial).toMatchObject({
      action: 'denied',
      operation: 'apply',
      grant: 'apply-destructive',
      actorSource: 'git',
      rule: `catalyst.policy.yaml:${lineOf('apply-destructive')}:7 targets.cms.grants.apply-destructive`,
    });
    const verify = await as(EDITOR, ['history', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
    expect((await as(EDITOR, ['history'])).stdout).toContain('denied apply: catalyst.policy.yaml');
  });

  it('an admin applies the same plan, and the history still verifies with the denial in its chain', async () => {
    const result = await as(ADMIN, ['apply', '--auto-approve', '--allow-destructive=Old']);
    expect(result.code, result.stderr).toBe(0);
    expect(emulator.store.contentTypes.has('Old')).toBe(false);
    expect((await as(ADMIN, ['history', 'verify'])).code).toBe(0);
  });

  it('removing protect: true needs unprotect; a saved plan is checked the same way', async () => {
    await project.write({ 'content-types/Kept.yaml': PAGE('Kept') });
    expect((await as(EDITOR, ['plan', '--out', 'unprotect.json'])).code).toBe(0);
    const result = await as(EDITOR, ['apply', 'unprotect.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`does not hold unprotect on target "cms", which a plan that removes protection (Kept) needs`);
    expect((await project.locked()).contentTypes['Kept']).toMatchObject({ protected: true });
    expect((await as(ADMIN, ['apply', 'unprotect.json'])).code).toBe(0);
  });

  it('everyone may plan; an outsider may not resolve or roll back, and nobody outside the policy may apply', async () => {
    expect((await as(OUTSIDER, ['plan'])).code).toBe(0);
    const resolve = await as(OUTSIDER, ['resolve', '--all', '--take', 'yaml']);
    expect(resolve.code).toBe(1);
    expect(resolve.stderr).toContain(`${OUTSIDER} (git user) does not hold resolve on target "cms"`);
    const rollback = await as(EDITOR, ['rollback', '--last', '--auto-approve']);
    expect(rollback.code).toBe(1);
    expect(rollback.stderr).toContain('does not hold rollback on target "cms"');
    await project.write({ 'content-types/Later.yaml': PAGE('Later') });
    const apply = await as(OUTSIDER, ['apply', '--auto-approve']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain(`held by ${EDITOR} (editors), ${ADMIN} (admins), @acme/cms-admins (admins)`);
    expect(emulator.store.contentTypes.has('Later')).toBe(false);
  });

  it('requireCi: an admin is denied apply from their machine, the CI identity holding the grant is not', async () => {
    const local = await as(ADMIN, ['apply', '--auto-approve', '--target', 'production']);
    expect(local.code).toBe(1);
    expect(local.stderr).toContain(`catalyst.policy.yaml:${lineOf('requireCi')}:16: error A010`);
    expect(local.stderr).toContain(
      `Target "production" requires apply from CI (requireCi), and this run is ${ADMIN} (git user), not the CI.`,
    );
    expect((await denials('production')).map((record) => record.grant)).toEqual(['apply']);
    const ci = { GITHUB_ACTIONS: 'true', GITHUB_ACTOR: 'octo-admin', GITHUB_RUN_ID: '42' };
    const asCi = await as(ADMIN, ['apply', '--auto-approve', '--target', 'production'], ci);
    expect(asCi.code).toBe(1);
    expect(asCi.stderr).toContain('@octo-admin (CI) does not hold apply on target "production"');
    await writeFile(join(project.dir, 'catalyst.policy.yaml'), POLICY.replace(`admins: ['${ADMIN}'`, `admins: ['${ADMIN}', '@octo-admin'`));
    const allowed = await as(ADMIN, ['apply', '--auto-approve', '--target', 'production'], ci);
    expect(allowed.code, allowed.stderr).toBe(0);
    await writeFile(join(project.dir, 'catalyst.policy.yaml'), POLICY);
  });
});
