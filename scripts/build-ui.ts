import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the dashboard's front end (src/ui/web) into ui-dist/: index.html and app.css as they are,
 * app.js bundled with Preact, so `catalyst ui` serves three local files and fetches nothing from
 * the network. ui-dist/ is committed (a test rebuilds it and fails when it is out of date).
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WEB = join(ROOT, 'src/ui/web');

export async function buildUi(outDir = join(ROOT, 'ui-dist')): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: [join(WEB, 'main.tsx')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    legalComments: 'eof',
    logLevel: 'warning',
  });
  await Promise.all(['index.html', 'app.css'].map((file) => copyFile(join(WEB, file), join(outDir, file))));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildUi(process.argv[2]);
