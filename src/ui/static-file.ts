import { readFile } from 'node:fs/promises';
import { PACKAGE_ROOT } from '../package-root.js';

/** The dashboard's front end, built by `npm run build:ui` (committed; a test checks it is up to date). */
export const UI_DIST = new URL('ui-dist/', PACKAGE_ROOT);

const FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

/** The static file at `path` and its content type, or undefined: the front end is these three files and nothing else. */
export async function staticFile(path: string): Promise<{ body: Buffer; type: string } | undefined> {
  const entry = FILES[path];
  if (!entry) return undefined;
  return { body: await readFile(new URL(entry.file, UI_DIST)), type: entry.type };
}
