import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/plan.js';
import { DEMO_CLIENT_SECRET, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { loadCorpusFile, readCorpusFile, undeclaredGroups } from './helpers/corpus.js';
import { createProjectDir, Project, removeProjectDir, targetEnv } from './helpers/project.js';
import { ADDED_PROPERTY, expectedChanges, makeEdit, pickEdit, updatedKeys, type UserEdit } from './helpers/user-edit.js';

/**
 * The same convergence as corpus-convergence.test.ts, through the CLI as a child process, for one
 * corpus file: the official Visual Builder demo in preview2 spelling (31 types, undeclared
 * property groups, preview2 base-type names and links), against the emulator as a remote v1 CMS.
 */
const FILE = 'episerver__cms-saas-vercel-demo.json';
/** The groups every instance has, as the emulator seeds them. */
const SYSTEM_GROUPS = ['Information', 'Scheduling', 'Advanced', 'Shortcut', 'Categories', 'DynamicBlocks'];

describe(`the catalyst CLI on ${FILE}`, () => {
  const file = readCorpusFile(FILE);
  let emulator: RunningEmulator;
  let dir: string;
  let project: Project;
  let edit: UserEdit;
  const outputs: CliResult[] = [];
  const catalyst = async (...args: string[]): Promise<CliResult> => {
    const result = await runCli(args, { cwd: dir, env: { ...targetEnv(emulator.url), CATALYST_ACTOR: 'e2e-cli' } });
    outputs.push(result);
    return result;
  };
  const etags = () => new Map(emulator.store.contentTypes.list().map((stored) => [stored.doc.key, stored.etag]));

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    await loadCorpusFile(emulator.url, file);
    dir = await createProjectDir('v1');
    project = await Project.open(dir, emulator.url);
  });
  afterAll(async () => {
    await emulator?.close();
    if (dir) await removeProjectDir(dir);
  });

  it('`catalyst import optimizely` writes the YAML and the lockfile', async () => {
    const result = await catalyst('import', 'optimizely');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Imported 32 content types, 0 property groups and 16 display templates into content-types, recorded as synced in catalyst.lock.json.',
    );
    expect((await project.desired()).contentTypes.size).toBe(32);
  });

  it('`catalyst plan --detailed-exitcode` exits 0: nothing to do, with a warning for each group the types name and nobody declares', async () => {
    const result = await catalyst('plan', '--detailed-exitcode');
    expect(result.code).toBe(0);
    const warned = [...result.stderr.matchAll(/warning V015 Unknown property group "([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(warned)).toEqual(new Set(undeclaredGroups(file, SYSTEM_GROUPS)));
    expect(result.stderr).not.toMatch(/\berror\b/);
  });

  it('plans exactly the edit, exiting 2', async () => {
    edit = pickEdit(file.contentTypes, (await project.desired()).contentTypes);
    await makeEdit(edit, (key) => project.fileOf(key));
    const result = await catalyst('plan', '--detailed-exitcode', '--json');
    expect(result.code).toBe(2);
    const plan = JSON.parse(result.stdout) as Plan;
    expect(plan.steps.map((step) => `${step.action} ${step.key}`).sort()).toEqual(updatedKeys(edit).map((key) => `update ${key}`));
    expect(
      plan.resources.flatMap((resource) => resource.changes.map((change) => `${resource.key} ${change.op} ${change.path}`)).sort(),
    ).toEqual(expectedChanges(edit));
  });

  it('`catalyst apply --auto-approve` refuses the removed property without --allow-destructive, and writes nothing', async () => {
    const before = etags();
    const result = await catalyst('apply', '--auto-approve');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Destructive changes need approval');
    expect(result.stderr).toContain(`${edit.removedFrom}.properties.${edit.removed}`);
    expect(etags()).toEqual(before);
  });

  it('`catalyst apply --auto-approve --allow-destructive` applies it, and the CMS holds the edit', async () => {
    const result = await catalyst('apply', '--auto-approve', '--allow-destructive');
    expect(result.code).toBe(0);
    const renamed = emulator.store.contentTypes.get(edit.renamed)!.doc;
    expect(renamed.displayName).toBe(edit.displayName);
    expect(renamed.properties[edit.added]).toEqual(ADDED_PROPERTY.definition);
    expect(Object.keys(emulator.store.contentTypes.get(edit.removedFrom)!.doc.properties)).not.toContain(edit.removed);
  });

  it('`catalyst plan --detailed-exitcode` exits 0 again: converged', async () => {
    const result = await catalyst('plan', '--detailed-exitcode');
    expect(result.code).toBe(0);
  });

  it('never printed the client secret', () => {
    expect(outputs.length).toBe(6);
    for (const { stdout, stderr } of outputs) expect(`${stdout}${stderr}`).not.toContain(DEMO_CLIENT_SECRET);
  });
});
