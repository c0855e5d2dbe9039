import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds the CLI once per run, as it ships (`npm run build` into dist/), so tests that run it as a
 * user would spawn plain `node dist/cli/main.js` instead of compiling TypeScript in every child.
 */
export default function buildCli(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the CLI for the tests failed:\n${result.stdout}${result.stderr}`);
}
