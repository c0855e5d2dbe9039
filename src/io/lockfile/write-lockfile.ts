import { sortKeys } from '../../core/canonical-json.js';
import { writeTextAtomic, writeTextAtomicSync, type WriteStatus } from '../fs/write-text-atomic.js';
import type { Lockfile } from './lockfile.js';

/** The lockfile's text: keys sorted at every level, 2-space indentation, a trailing newline. */
export function serializeLockfile(lock: Lockfile): string {
  return `${JSON.stringify(sortKeys(lock), null, 2)}\n`;
}

/**
 * Writes the lockfile atomically (temporary file, fsync, rename): after a crash the file holds
 * the previous content or the new one, never a torn mix. Apply calls this every few steps and
 * whenever it stops.
 */
export async function writeLockfile(path: string, lock: Lockfile): Promise<WriteStatus> {
  return writeTextAtomic(path, serializeLockfile(lock));
}

/** As writeLockfile, synchronously: when the process is about to exit at once (a second Ctrl-C). */
export function writeLockfileSync(path: string, lock: Lockfile): void {
  writeTextAtomicSync(path, serializeLockfile(lock));
}
