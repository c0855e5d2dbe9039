import { join } from 'node:path';
import { pathInside } from '../fs/path-inside.js';
import { writeTextAtomic } from '../fs/write-text-atomic.js';

/**
 * Saves a live definition before a destructive step changes or deletes it, as
 * `<dir>/<run>/<kind>/<key>.json`, and returns the path. The file holds the canonical definition
 * with its version token: enough to re-create the type with `catalyst` or the API.
 */
export async function writeBackup(dir: string, run: string, kind: string, key: string, content: unknown): Promise<string> {
  const path = pathInside(dir, join(run, kind, `${key}.json`));
  await writeTextAtomic(path, `${JSON.stringify(content, null, 2)}\n`);
  return path;
}
