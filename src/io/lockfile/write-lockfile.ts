import { sortKeys } from '../../core/canonical-json.js';
import { writeTextAtomic, type WriteStatus } from '../fs/write-text-atomic.js';
import type { Lockfile } from './lockfile.js';

/** The lockfile's text: keys sorted at every level, 2-space indentation, a trailing newline. */
export function serializeLockfile(lock: Lockfile): string {
  return `${JSON.stringify(sortKeys(lock), null, 2)}\n`;
}

/**
 * Writes the lockfile atomically (temporary file, fsync, rename): after a crash the file holds
 * the previous content or the new one, never a torn mix. The engine calls this after every
 * successful apply step.
 */
export async function writeLockfile(path: string, lock: Lockfile): Promise<WriteStatus> {
  return writeTextAtomic(path, serializeLockfile(lock));
}
