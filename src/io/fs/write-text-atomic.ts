import { mkdirSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export type WriteStatus = 'created' | 'updated' | 'unchanged';

/**
 * Writes `text` to `path` through a temporary file and a rename, so readers see the old or the
 * new content, never a mix, even if the process dies mid-write. A file that already holds
 * exactly `text` is left alone (its modification time too).
 */
export async function writeTextAtomic(path: string, text: string): Promise<WriteStatus> {
  const current = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (current === text) return 'unchanged';
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, text, { encoding: 'utf8', fsync: true });
  return current === undefined ? 'created' : 'updated';
}

/** As writeTextAtomic, synchronously: for the last moment before the process exits. */
export function writeTextAtomicSync(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic.sync(path, text, { encoding: 'utf8', fsync: true });
}
