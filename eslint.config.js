import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Every layer under src/, for "everything but" zones. */
const LAYERS = ['core', 'io', 'render', 'adapters', 'engine', 'cli', 'emulator', 'sources', 'ui'];

/** A zone forbidding `target` to import from every layer but itself and `allowed`. */
function onlyImports(target, allowed, message) {
  return LAYERS.filter((layer) => layer !== target && !allowed.includes(layer)).map((layer) => ({
    target: `./src/${target}`,
    from: `./src/${layer}`,
    message,
  }));
}

/**
 * ARCHITECTURE.md's dependency direction: cli → engine → core; render → core; engine → the
 * adapter port; adapters never import cli; core imports nothing outside itself. The emulator
 * stands for a third-party service, so it shares no code with the client it is tested against.
 */
const LAYERING = [
  ...onlyImports('core', [], 'core is pure: it imports nothing outside itself (ARCHITECTURE.md).'),
  ...onlyImports('render', ['core'], 'render is pure: it imports core types only.'),
  ...onlyImports('io', ['core'], 'io reads and writes files for the engine: it imports core only.'),
  ...onlyImports('adapters', ['core'], 'an adapter implements the port over core types: it imports core only.'),
  ...onlyImports('sources', ['core', 'io', 'render'], 'a source reads and writes a modelling tool: core, io and render only.'),
  ...onlyImports('emulator', [], 'the emulator stands for the platform: it shares no code with catalyst.'),
  ...onlyImports(
    'engine',
    ['core', 'io', 'adapters'],
    'the engine drives core, io and the adapter port; front ends import it, not the reverse.',
  ),
  ...onlyImports(
    'ui',
    ['core', 'io', 'render', 'adapters', 'engine', 'cli'],
    'the web UI is a front end like the CLI: a thin shell over the engine and the helpers the CLI commands use.',
  ),
  ...LAYERS.filter((layer) => layer !== 'core').map((layer) => ({
    target: './src/ui/web',
    from: `./src/${layer}`,
    except: layer === 'ui' ? ['./web'] : [],
    message: 'the front end runs in the browser: it takes the plan types (and pure helpers) from core, everything else from the API.',
  })),
];

/** The one composition root that may start the embedded emulator (issue 8, item 3). */
const COMPOSITION_ROOT = 'src/engine/open-target.ts';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'action/dist/**',
      'ui-dist/**',
      'node_modules/**',
      'coverage/**',
      'test/fixtures/lint/**',
      '**/generated/**',
      'examples/**/.catalyst/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: LAYERING }],
      /** yargs and JSON payloads are typed `any` at the boundary on purpose; the rest is unknown. */
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: [COMPOSITION_ROOT],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: LAYERING.filter((zone) => !(zone.target === './src/engine' && zone.from === './src/emulator')) },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^node:(?!crypto$)',
              message: 'core is pure: no file system, network, process or timers. Hashing (node:crypto) is the one exception.',
            },
          ],
        },
      ],
    },
  },
);
