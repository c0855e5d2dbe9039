import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOfShared, sharedCatalystFile, tempDir } from './helpers/catalyst-db.js';
import { runCatalystCli } from './helpers/run-catalyst-cli.js';

const GOLDEN = fileURLToPath(new URL('../../fixtures/catalyst/golden/catalyst-poc/', import.meta.url));

/** A temp project with a copy of the PoC database, imported once. */
async function importedProject() {
  const dir = tempDir('catalyst-project-');
  copyFileSync(sharedCatalystFile('poc-db/catalyst-poc.db'), join(dir, 'catalyst.db'));
  const result = await runCatalystCli(['import', 'catalyst', '--db', 'catalyst.db'], dir);
  expect(result.stderr).not.toContain('error');
  expect(result.code).toBe(0);
  return dir;
}

const yamlOf = (dir: string) =>
  Object.fromEntries(
    readdirSync(join(dir, 'content-types'))
      .sort()
      .map((file) => [file, readFileSync(join(dir, 'content-types', file), 'utf8')]),
  );

interface StoredField {
  name: string;
  validation?: Record<string, unknown>;
}

/** Changes one field of a Shape A row, as Catalyst Studio would (the row's updatedAt moves too). */
function editField(dir: string, typeName: string, fieldName: string, edit: (field: StoredField) => void): void {
  const db = new Database(join(dir, 'catalyst.db'));
  const row = db.prepare('SELECT id, fields FROM ContentType WHERE name = ?').get(typeName) as { id: string; fields: string };
  const fields = JSON.parse(row.fields) as { fields: StoredField[] };
  const field = fields.fields.find((entry) => entry.name === fieldName);
  if (!field) throw new Error(`${typeName} has no field ${fieldName}`);
  edit(field);
  db.prepare('UPDATE ContentType SET fields = ?, updatedAt = ? WHERE id = ?').run(JSON.stringify(fields), 1_760_000_000_000, row.id);
  db.close();
}

const dishNameMaxLength = (maxLength: number) => (field: StoredField) => {
  field.validation = { ...field.validation, maxLength };
};

describe('catalyst import catalyst (child process, real SQLite copies)', () => {
  let project: string;
  beforeAll(async () => {
    project = await importedProject();
  });

  it('writes the golden YAML, one file per type, and records every type in the lockfile', () => {
    const golden = Object.fromEntries(
      readdirSync(GOLDEN)
        .sort()
        .map((file) => [file, readFileSync(join(GOLDEN, file), 'utf8')]),
    );
    expect(yamlOf(project)).toEqual(golden);
    const lock = JSON.parse(readFileSync(join(project, 'catalyst.lock.json'), 'utf8'));
    expect(Object.keys(lock.sources.catalyst.contentTypes).sort()).toEqual(Object.keys(golden).map((file) => file.replace('.yaml', '')));
    expect(lock.sources.catalyst.contentTypes.TeamMember.origin).toMatchObject({
      contentTypeId: 'cmebbn9us000av8tkhe8lhtof',
      websiteName: 'Dental Practice',
      shape: 'wrapper',
    });
  });

  it('opens the database read-only: the file is byte-for-byte unchanged', async () => {
    const dir = tempDir();
    const file = join(dir, 'catalyst.db');
    copyFileSync(sharedCatalystFile('sample-catalyst.db'), file);
    const before = readFileSync(file);
    expect((await runCatalystCli(['import', 'catalyst', '--db', file, '--out', join(dir, 'out')], dir)).code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['catalyst.db', 'catalyst.lock.json', 'out']);
  });

  it('a re-import with nothing changed touches nothing', async () => {
    const dir = await importedProject();
    const stamp = (file: string) => statSync(join(dir, file)).mtimeMs;
    const before = {
      yaml: yamlOf(dir),
      lock: readFileSync(join(dir, 'catalyst.lock.json'), 'utf8'),
      mtime: stamp('content-types/MenuItem.yaml'),
    };
    const result = await runCatalystCli(['import', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Import: 12 unchanged.');
    expect(yamlOf(dir)).toEqual(before.yaml);
    expect(readFileSync(join(dir, 'catalyst.lock.json'), 'utf8')).toBe(before.lock);
    expect(stamp('content-types/MenuItem.yaml')).toBe(before.mtime);
  });

  it('after a Catalyst change, updates only that type, merging a YAML edit of it and keeping one elsewhere', async () => {
    const dir = await importedProject();
    const before = yamlOf(dir);
    const edit = (file: string, from: string, to: string) => {
      const path = join(dir, 'content-types', file);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain(from);
      writeFileSync(path, text.replace(from, to));
    };
    edit('Author.yaml', 'bio: { type: string, required: true, sortOrder: 2 }', 'bio: { type: richText, required: true, sortOrder: 2 }');
    edit(
      'MenuItem.yaml',
      'description: { type: string, displayName: Description, sortOrder: 2, maxLength: 300 }',
      'description: { type: string, displayName: Description, sortOrder: 2, maxLength: 250 }',
    );
    const edited = yamlOf(dir);
    editField(dir, 'Menu Item', 'dishName', dishNameMaxLength(120));
    const dry = await runCatalystCli(['import', 'catalyst', '--db', 'catalyst.db', '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('~ MenuItem: would be updated (properties.dishName.maxLength)');
    expect(dry.stdout).toContain('= Author: unchanged in Catalyst Studio; YAML edits kept');
    expect(yamlOf(dir)).toEqual(edited);

    const result = await runCatalystCli(['import', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(result.code).toBe(0);
    const after = yamlOf(dir);
    const changed = Object.keys(after)
      .filter((file) => after[file] !== before[file])
      .sort();
    expect(changed).toEqual(['Author.yaml', 'MenuItem.yaml']);
    expect(after['MenuItem.yaml']).toContain('maxLength: 120');
    expect(after['MenuItem.yaml']).toContain('description: { type: string, displayName: Description, sortOrder: 2, maxLength: 250 }');
    expect(after['MenuItem.yaml']).toContain('updatedAt 2025-10-09T08:53:20.000Z');
    expect(after['Author.yaml']).toBe(edited['Author.yaml']);
  });

  it('overlapping edits are conflicts: the YAML stays as it was until a strategy settles them (the CMS vocabulary)', async () => {
    const dir = await importedProject();
    const menu = join(dir, 'content-types/MenuItem.yaml');
    const edited = readFileSync(menu, 'utf8').replace('maxLength: 80', 'maxLength: 60');
    writeFileSync(menu, edited);
    editField(dir, 'Menu Item', 'dishName', dishNameMaxLength(120));
    const conflict = await runCatalystCli(['import', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toContain('! MenuItem: CONFLICT');
    expect(conflict.stdout).toContain('properties.dishName.maxLength: base 80, YAML 60, Catalyst Studio 120');
    expect(readFileSync(menu, 'utf8')).toBe(edited);

    const again = await runCatalystCli(['import', 'catalyst', '--db', 'catalyst.db'], dir);
    expect(again.code).toBe(1);

    const merged = await runCatalystCli(['import', 'catalyst', '--db', 'catalyst.db', '--strategy', 'merge'], dir);
    expect(merged.code).toBe(1);

    const settled = await runCatalystCli(['import', 'catalyst', '--db', 'catalyst.db', '--strategy', 'live-wins'], dir);
    expect(settled.code).toBe(0);
    expect(readFileSync(menu, 'utf8')).toContain('maxLength: 120');
  });

  it("follows the project's config: content types directory and lockfile", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'catalyst.config.json'), JSON.stringify({ contentTypesDir: 'types', lockfile: 'state.lock.json' }));
    const result = await runCatalystCli(['import', 'catalyst', '--db', sharedCatalystFile('sample-catalyst.db')], dir);
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, 'types')).sort()).toEqual([
      'Baker.yaml',
      'BakerContact.yaml',
      'Client.yaml',
      'Recipe.yaml',
      'Service.yaml',
    ]);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'state.lock.json'), 'utf8')).sources.catalyst.contentTypes)).toHaveLength(5);
    const exported = await runCatalystCli(['export', 'catalyst', '--db', copyOfShared('sample-catalyst.db')], dir);
    expect(exported.stdout).toContain('Catalyst Studio already matches the YAML');
  });

  it('imports one website by name', async () => {
    const dir = tempDir();
    const result = await runCatalystCli(
      ['import', 'catalyst', '--db', sharedCatalystFile('poc-db/catalyst-poc.db'), '--website', 'techverse blog'],
      dir,
    );
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, 'content-types')).sort()).toEqual(['Author.yaml', 'AuthorSocial.yaml', 'BlogPost.yaml']);
  });

  it('applies --base-type and reports a malformed one', async () => {
    const dir = tempDir();
    const db = sharedCatalystFile('sample-catalyst.db');
    const result = await runCatalystCli(
      ['import', 'catalyst', '--db', db, '--base-type', 'Client=page', '--number', 'Service.dayRate=integer'],
      dir,
    );
    expect(result.code).toBe(0);
    const client = readFileSync(join(dir, 'content-types/Client.yaml'), 'utf8');
    expect(client).toContain('baseType: _page');
    expect(client).toContain('# baseType _page: set by --base-type (page).');
    expect(readFileSync(join(dir, 'content-types/Service.yaml'), 'utf8')).toContain('dayRate: { type: integer');
    const bad = await runCatalystCli(['import', 'catalyst', '--db', db, '--base-type', 'Client=block'], tempDir());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error CAT404 Malformed --base-type Client=block');
  });
});

describe('catalyst import catalyst: bad input', () => {
  it('a missing database file', async () => {
    const dir = tempDir();
    const result = await runCatalystCli(['import', 'catalyst', '--db', 'nowhere.db'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error CAT001 Catalyst Studio database not found');
    expect(result.stderr).toContain(join(dir, 'nowhere.db'));
    expect(existsSync(join(dir, 'content-types'))).toBe(false);
  });

  it('a database that is not Catalyst Studio', async () => {
    const dir = tempDir();
    new Database(join(dir, 'other.db')).exec('CREATE TABLE Website (id TEXT, name TEXT)').close();
    const result = await runCatalystCli(['import', 'catalyst', '--db', 'other.db'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error CAT003 Table ContentType is missing');
  });

  it('an unknown website lists the known ones', async () => {
    const result = await runCatalystCli(
      ['import', 'catalyst', '--db', sharedCatalystFile('sample-catalyst.db'), '--website', 'Nope'],
      tempDir(),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error CAT005 Unknown website "Nope"');
    expect(result.stderr).toContain('cmejqs2qs0000d3mowjkk2nqq ("Harbourside Bakery")');
  });

  it('a malformed row is listed and the other rows still import', async () => {
    const file = copyOfShared('sample-catalyst.db');
    const db = new Database(file);
    db.prepare('UPDATE ContentType SET fields = \'[{"name": "title"\' WHERE name = \'Baker\'').run();
    db.close();
    const dir = tempDir();
    const result = await runCatalystCli(['import', 'catalyst', '--db', file], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error CAT101 Malformed JSON in ContentType.fields');
    expect(result.stderr).toContain('content type "Baker" (cmejqs2s10002d3mojxcsok8z)');
    expect(readdirSync(join(dir, 'content-types')).sort()).toEqual(['Client.yaml', 'Recipe.yaml', 'Service.yaml']);
  });

  it('a YAML file with errors stops the import before anything is written', async () => {
    const dir = tempDir();
    const db = sharedCatalystFile('sample-catalyst.db');
    expect((await runCatalystCli(['import', 'catalyst', '--db', db], dir)).code).toBe(0);
    writeFileSync(join(dir, 'content-types/Broken.yaml'), 'key: [unclosed\n');
    const lock = readFileSync(join(dir, 'catalyst.lock.json'), 'utf8');
    const result = await runCatalystCli(['import', 'catalyst', '--db', db], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content-types\/Broken\.yaml:\d+:\d+: error Y0/);
    expect(readFileSync(join(dir, 'catalyst.lock.json'), 'utf8')).toBe(lock);
  });
});
