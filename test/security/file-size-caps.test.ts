import { execFileSync } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/user-error.js';
import { MAX_LOCKFILE_BYTES, readLockfile } from '../../src/io/lockfile/read-lockfile.js';
import { MAX_PLAN_FILE_BYTES, readPlanFile } from '../../src/io/plan/plan-file.js';
import { readPolicy } from '../../src/io/policy/read-policy.js';
import { parseContentTypeFiles } from '../../src/io/yaml/parse-content-type-files.js';
import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { useTempDir } from '../helpers/temp-dir.js';

/** A lockfile or saved plan far beyond any catalyst writes is refused before a byte is read (sparse files: no disk used). */
describe('size caps on the files catalyst reads whole', () => {
  const temp = useTempDir('caps');

  it('refuses a lockfile over the cap with L007 at the file, and reads one at the cap as usual', async () => {
    const path = join(temp.path, 'catalyst.lock.json');
    await writeFile(path, '');
    await truncate(path, MAX_LOCKFILE_BYTES + 1);
    const over = await readLockfile(path, { cwd: temp.path });
    expect(over.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.location?.file}:${diagnostic.location?.line}`)).toEqual([
      'L007 catalyst.lock.json:1',
    ]);
    await writeFile(path, '{}');
    expect((await readLockfile(path, { cwd: temp.path })).diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('L007');
  });

  it('a lockfile, policy or plan that links to /dev/zero, and a FIFO among the YAML files, are refused at once (not read forever)', async () => {
    const project = join(temp.path, 'links');
    await mkdir(join(project, 'content-types'), { recursive: true });
    await symlink('/dev/zero', join(project, 'catalyst.lock.json'));
    await symlink('/dev/zero', join(project, 'catalyst.policy.yaml'));
    await symlink('/dev/zero', join(project, 'plan.json'));
    execFileSync('mkfifo', [join(project, 'content-types', 'Pipe.yaml')]);
    const lock = await readLockfile(join(project, 'catalyst.lock.json'), { cwd: project });
    expect(lock.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.summary}`)).toEqual(['L005 Lockfile cannot be read']);
    const policy = await readPolicy(project, { cwd: project, targets: [] });
    expect(policy.diagnostics.map((diagnostic) => diagnostic.summary)).toEqual(['Policy file cannot be read']);
    const plan = await readPlanFile(join(project, 'plan.json'), 'plan.json').catch((caught: unknown) => caught);
    expect((plan as Error).message).toMatch(
      /^Cannot read plan file plan.json: The plan file cannot be used because it is not a regular file/,
    );
    const yaml = await parseContentTypeFiles('content-types', { cwd: project, defaults: OPTIMIZELY_DEFAULTS });
    expect(yaml.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.location?.file}`)).toEqual([
      'Y011 content-types/Pipe.yaml',
    ]);
  });

  it('refuses a saved plan over the cap as a user error that says what to do', async () => {
    const path = join(temp.path, 'plan.json');
    await writeFile(path, '');
    await truncate(path, MAX_PLAN_FILE_BYTES + 1);
    const error = await readPlanFile(path, 'plan.json').catch((caught: unknown) => caught);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Plan file plan.json is too large: A saved plan is at most 256 MB/);
  });
});
