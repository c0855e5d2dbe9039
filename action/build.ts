import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * Bundles the Action into one file, action/dist/index.js, which action.yml runs (committed: a
 * test rebuilds it and fails when it is out of date). `src/package-root.ts` is swapped for the
 * bundle's own place, two folders below the repository root, so the schemas are found there.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const packageRoot: Plugin = {
  name: 'package-root',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/]package-root\.ts$/ }, () => ({
      contents: "export const PACKAGE_ROOT = new URL('../../', import.meta.url);\n",
      loader: 'ts',
    }));
  },
};

export async function buildAction(outfile = `${ROOT}action/dist/index.js`): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['action/src/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [packageRoot],
    // Never reached on the Action's paths: SQLite is the Catalyst Studio source's; TypeScript is cosmiconfig's own .ts loader, which catalyst replaces with jiti.
    external: ['better-sqlite3', 'typescript'],
    // CommonJS dependencies inside an ES module bundle still reach for these.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        "import { dirname as __dirnameOf } from 'node:path';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        'const __dirname = __dirnameOf(__filename);',
      ].join(' '),
    },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildAction(process.argv[2]);
