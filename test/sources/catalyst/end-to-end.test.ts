import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../helpers/run-cli.js';
import { sharedCatalystFile, tempDir } from './helpers/catalyst-db.js';

/**
 * Catalyst Studio → YAML → Optimizely (the embedded emulator: no config file and no
 * OPTIMIZELY_CMS_* variables) through the real CLI, each command a child process.
 */
describe('end to end: import from Catalyst Studio, validate, plan, apply, converge', () => {
  it('the PoC database reaches the CMS, the next plan is empty, and a Catalyst change flows through', async () => {
    const dir = tempDir('catalyst-e2e-');
    copyFileSync(sharedCatalystFile('poc-db/catalyst-poc.db'), join(dir, 'catalyst.db'));
    const run = (...args: string[]): Promise<CliResult> =>
      runCli(args, {
        cwd: dir,
        env: { OPTIMIZELY_CMS_API_URL: undefined, OPTIMIZELY_CMS_CLIENT_ID: undefined, OPTIMIZELY_CMS_CLIENT_SECRET: undefined },
      });

    expect((await run('import', 'catalyst', '--db', 'catalyst.db')).code).toBe(0);
    const validate = await run('validate');
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);

    const first = await run('plan', '--detailed-exitcode', '--no-color');
    expect(first.code).toBe(2);
    expect(first.stdout).toContain('Plan: 12 to create');
    const apply = await run('apply', '--auto-approve', '--no-color');
    expect(apply.stderr).not.toMatch(/error/i);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('12 created');

    const converged = await run('plan', '--detailed-exitcode', '--no-color');
    expect(converged.stdout).toContain('No changes.');
    expect(converged.code).toBe(0);

    const db = new Database(join(dir, 'catalyst.db'));
    const row = db.prepare("SELECT id, fields FROM ContentType WHERE name = 'Menu Item'").get() as { id: string; fields: string };
    const fields = JSON.parse(row.fields);
    fields.fields.push({ id: 'field_origin_1', name: 'origin', label: 'Origin', type: 'text', required: false, order: 15 });
    db.prepare('UPDATE ContentType SET fields = ?, updatedAt = ? WHERE id = ?').run(JSON.stringify(fields), 1_760_000_000_000, row.id);
    db.close();

    const reimport = await run('import', 'catalyst', '--db', 'catalyst.db');
    expect(reimport.code).toBe(0);
    expect(reimport.stdout).toContain('~ MenuItem: updated (properties.origin)');
    expect(readFileSync(join(dir, 'content-types/MenuItem.yaml'), 'utf8')).toContain(
      'origin: { type: string, displayName: Origin, sortOrder: 15 }',
    );
    const change = await run('plan', '--detailed-exitcode', '--no-color');
    expect(change.code).toBe(2);
    expect(change.stdout).toContain('MenuItem');
    expect((await run('apply', '--auto-approve', '--no-color')).code).toBe(0);
    expect((await run('plan', '--detailed-exitcode', '--no-color')).code).toBe(0);
  }, 120_000);
});
