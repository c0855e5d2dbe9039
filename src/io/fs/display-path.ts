import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * A path as diagnostics show it: relative to `cwd` when it lies below it, else absolute;
 * always with `/`, so output is the same on every platform.
 */
export function displayPath(path: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  const fromCwd = relative(cwd, absolute);
  const shown = fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : absolute;
  return shown.split(sep).join('/');
}
