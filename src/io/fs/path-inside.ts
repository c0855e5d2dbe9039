import { isAbsolute, relative, resolve } from 'node:path';
import { UserError } from '../../core/user-error.js';

/**
 * `name` resolved against `root`, refused unless it stays inside `root`: the guard for every path
 * built from data catalyst did not write (keys from a CMS), so no such data can name a file
 * elsewhere, such as `../.github/workflows/deploy`.
 */
export function pathInside(root: string, name: string): string {
  const path = resolve(root, name);
  const within = relative(resolve(root), path);
  if (within === '' || within.startsWith('..') || isAbsolute(within)) {
    throw new UserError(
      'Refused to write outside the folder',
      `"${name}" would be written at ${path}, outside ${resolve(root)}. Nothing was written there. The name comes from data catalyst did not write (a key from the CMS); rename it at its source.`,
    );
  }
  return path;
}
