import { copyFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCatalystDb, sharedCatalystFile, tempDir } from './helpers/catalyst-db.js';
import { runCatalystCli } from './helpers/run-catalyst-cli.js';

async function importedProject(name: 'sample-catalyst.db' | 'poc-db/catalyst-poc.db' = 'sample-catalyst.db') {
  const dir = tempDir('catalyst-export-');
  copyFileSync(sharedCatalystFile(name), join(dir, 'catalyst.db'));
  expect((await runCatalystCli(['import', 'catalyst', '--db', 'catalyst.db'], dir)).code).toBe(0);
  return dir;
}

const yamlOf = (dir: string, sub = 'content-types') =>
  Object.fromEntries(
    readdirSync(join(dir, sub))
      .sort()
      .map((file) => [file, readFileSync(join(dir, sub, file), 'utf8')]),
  );
const backups = (dir: string) => readdirSync(dir).filter((file) => file.startsWith('catalyst.db.backup-'));

function rows(file: string): Record<string, { fields: unknown; settings: unknown; name: string }> {
  const db = new Database(file, { readonly: true });
  const result = Object.fromEntries(
    (
      db.prepare('SELECT id, name, fields, settings FROM ContentType').all() as Array<{
        id: string;
        name: string;
        fields: string;
        settings: string | null;
      }>
    ).map((row) => [
      row.name,
      { name: row.name, fields: JSON.parse(row.fields), settings: row.settings === null ? null : JSON.parse(row.settings) },
    ]),
  );
  db.close();
  return result;
}

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, 'content-types', file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('catalyst export catalyst (child process, real SQLite copies)', () => {
  it('right after an import there is nothing to write: no backup, the file is unchanged', async () => {
    const dir = await importedProject('poc-db/catalyst-poc.db');
    const before = readFileSync(join(dir, 'catalyst.db'));
    const result = await runCatalystCli(['export', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Catalyst Studio already matches the YAML');
    expect(backups(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'catalyst.db')).equals(before)).toBe(true);
  });

  it('writes YAML edits into the rows, keeping each row shape, after a backup; re-import then gives the same YAML', async () => {
    const dir = await importedProject();
    const original = readFileSync(join(dir, 'catalyst.db'));
    edit(dir, 'Recipe.yaml', 'maxLength: 120', 'maxLength: 150');
    edit(dir, 'Recipe.yaml', '  photo:', '  notes: { type: string, displayName: Notes, sortOrder: 9, localized: true }\n  photo:');
    edit(
      dir,
      'Service.yaml',
      'blurb: { type: string, displayName: Blurb, sortOrder: 2, maxLength: 160 }',
      'blurb: { type: string, displayName: Short blurb, sortOrder: 2, maxLength: 200 }',
    );
    edit(dir, 'Service.yaml', 'description: What the studio offers', 'description: What the studio sells');
    edit(dir, 'Client.yaml', '  since: { type: dateTime, displayName: Client Since, sortOrder: 3 }\n', '');
    const yaml = yamlOf(dir);

    const dry = await runCatalystCli(['export', 'catalyst', '--db', 'catalyst.db', '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('~ Recipe: would be updated');
    expect(readFileSync(join(dir, 'catalyst.db')).equals(original)).toBe(true);

    const result = await runCatalystCli(['export', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .split('\n')
        .filter((line) => line.startsWith('  ~'))
        .sort(),
    ).toEqual(['  ~ Recipe: updated ("Recipe", cmejqs2rm0001d3moz3wfyig1)', '  ~ Service: updated ("Service", cmelhu3je0005d3mopgojy7pu)']);
    expect(result.stderr).toContain('warning CAT601');
    expect(result.stderr).toContain('Recipe: properties.notes.localized was not written');
    expect(result.stderr).toContain('warning CAT602');
    expect(result.stderr).toContain('Client: properties.since is no longer in the YAML');
    const made = backups(dir);
    expect(made).toHaveLength(1);
    expect(result.stdout).toContain('Backup of the database before writing: ');
    expect(result.stdout).toContain(made[0]);
    writeFileSync(join(dir, 'original.db'), original);
    expect(rows(join(dir, made[0]!))).toEqual(rows(join(dir, 'original.db')));

    const after = rows(join(dir, 'catalyst.db'));
    const recipe = after.Recipe!.fields as Array<Record<string, unknown>>;
    expect(Array.isArray(recipe)).toBe(true);
    expect(recipe.find((field) => field.name === 'title')).toEqual({ name: 'title', type: 'text', required: true, maxLength: 150 });
    expect(recipe.find((field) => field.name === 'notes')).toEqual({ name: 'notes', type: 'text', label: 'Notes' });
    const service = after.Service!.fields as { fields: Array<Record<string, unknown>>; description: string };
    expect(Object.keys(service)).toEqual(['name', 'pluralName', 'icon', 'description', 'fields', 'relationships']);
    expect(service.description).toBe('What the studio sells');
    expect(service.fields.find((field) => field.name === 'blurb')).toEqual({
      name: 'blurb',
      label: 'Short blurb',
      type: 'textarea',
      required: false,
      validation: { maxLength: 200 },
      order: 2,
      id: 'field_blurb_1755786310244_1',
    });
    expect(JSON.stringify((after.Client!.fields as { fields: unknown[] }).fields)).toContain('"name":"since"');

    const reimport = await runCatalystCli(['import', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(reimport.code).toBe(0);
    expect(yamlOf(dir)).toEqual(yaml);
  });

  it('deletes only with --allow-destructive, and only rows an import came from', async () => {
    const dir = await importedProject();
    edit(dir, 'Client.yaml', '  since: { type: dateTime, displayName: Client Since, sortOrder: 3 }\n', '');
    rmSync(join(dir, 'content-types/Recipe.yaml'));
    const kept = await runCatalystCli(['export', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toContain('warning CAT602');
    expect(kept.stderr).toContain('Recipe: the content type is no longer in the YAML');
    expect(Object.keys(rows(join(dir, 'catalyst.db'))).sort()).toEqual(['Baker', 'Client', 'Recipe', 'Service']);

    const removed = await runCatalystCli(['export', 'catalyst', '--db', 'catalyst.db', '--allow-destructive'], dir);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('- Recipe: deleted ("Recipe", cmejqs2rm0001d3moz3wfyig1)');
    const after = rows(join(dir, 'catalyst.db'));
    expect(Object.keys(after).sort()).toEqual(['Baker', 'Client', 'Service']);
    expect(JSON.stringify(after.Client!.fields)).not.toContain('"since"');
  });

  it('creates the YAML types a database lacks; a re-import gives the same YAML', async () => {
    const source = await importedProject('poc-db/catalyst-poc.db');
    const dir = tempDir('catalyst-fresh-');
    cpSync(join(source, 'content-types'), join(dir, 'content-types'), { recursive: true });
    createCatalystDb(
      {
        websites: [
          { id: 'w1', name: 'Fresh Site' },
          { id: 'w2', name: 'Other Site' },
        ],
        contentTypes: [],
      },
      join(dir, 'catalyst.db'),
    );
    const yaml = yamlOf(dir);

    const ambiguous = await runCatalystCli(['export', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('error CAT603');
    expect(rows(join(dir, 'catalyst.db'))).toEqual({});

    const result = await runCatalystCli(['export', 'catalyst', '--db', 'catalyst.db', '--website', 'Fresh Site'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Export: 11 row(s).');
    const created = rows(join(dir, 'catalyst.db'));
    expect(Object.keys(created)).not.toContain('Author Social');
    expect(created['Team Member']!.settings).toBeNull();
    // Its evidence (content items with a slug) stayed behind, so the base type is written down.
    expect(created['Menu Item']!.settings).toEqual({ category: 'page' });

    const reimport = await runCatalystCli(['import', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(reimport.code).toBe(0);
    expect(reimport.stdout).toContain('Import: 12 unchanged.');
    expect(yamlOf(dir)).toEqual(yaml);
  });

  it('never writes into, or duplicates, a row whose JSON cannot be read', async () => {
    const dir = await importedProject();
    edit(
      dir,
      'Baker.yaml',
      'fullName: { type: string, required: true, sortOrder: 1 }',
      'fullName: { type: string, required: true, sortOrder: 1, maxLength: 90 }',
    );
    const db = new Database(join(dir, 'catalyst.db'));
    db.prepare("UPDATE ContentType SET fields = '[{' WHERE name = 'Baker'").run();
    db.close();
    const result = await runCatalystCli(['export', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error CAT605 Baker was not written: its row cannot be read');
    const after = new Database(join(dir, 'catalyst.db'), { readonly: true });
    expect(after.prepare('SELECT name, fields FROM ContentType ORDER BY name').all()).toEqual([
      { name: 'Baker', fields: '[{' },
      { name: 'Client', fields: expect.any(String) },
      { name: 'Recipe', fields: expect.any(String) },
      { name: 'Service', fields: expect.any(String) },
    ]);
    after.close();
    expect(backups(dir)).toEqual([]);
  });

  it('rolls back every row when one write fails, and leaves the lockfile alone', async () => {
    const dir = await importedProject();
    edit(dir, 'Recipe.yaml', 'maxLength: 120', 'maxLength: 150');
    edit(dir, 'Service.yaml', 'maxLength: 160', 'maxLength: 170');
    const lock = readFileSync(join(dir, 'catalyst.lock.json'), 'utf8');
    const db = new Database(join(dir, 'catalyst.db'));
    db.exec(
      `CREATE TRIGGER refuse BEFORE UPDATE ON ContentType WHEN NEW.name = 'Service' BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END`,
    );
    db.close();
    const before = rows(join(dir, 'catalyst.db'));
    const result = await runCatalystCli(['export', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error CAT604 Writing to the Catalyst Studio database failed');
    expect(result.stderr).toContain('refused by a test trigger');
    expect(rows(join(dir, 'catalyst.db'))).toEqual(before);
    expect(readFileSync(join(dir, 'catalyst.lock.json'), 'utf8')).toBe(lock);
  });
});
