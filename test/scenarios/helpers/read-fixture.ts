import { readdir, readFile } from 'node:fs/promises';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** The files of a fixture folder under test/scenarios/fixtures, by name (for `setContentTypes`). */
export async function readFixture(folder: string): Promise<Record<string, string>> {
  const dir = new URL(`${folder.replace(/\/?$/, '/')}`, FIXTURES);
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(new URL(name, dir), 'utf8')] as const)));
}
