import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAdapterError } from '../../src/adapters/errors.js';
import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { contentTypeFromWire, displayTemplateFromWire, propertyGroupFromWire } from '../../src/adapters/optimizely/to-canonical.js';
import { isUserError } from '../../src/core/user-error.js';
import { PLATFORM_PROFILES } from '../../src/engine/platforms.js';
import { assertSavedPlanIntact } from '../../src/engine/check-saved-plan.js';
import { loadConfig } from '../../src/io/config/load-config.js';
import { parseLockfileText } from '../../src/io/lockfile/read-lockfile.js';
import { parsePlanText } from '../../src/io/plan/plan-file.js';
import { parseContentTypeText } from '../../src/io/yaml/parse-content-type-text.js';
import { useTempDir } from '../helpers/temp-dir.js';

/**
 * Hostile input gives diagnostics, UserErrors or AdapterErrors, never anything else (an internal
 * error, a TypeError). Fixed seed and bounded runs: the same inputs on every run, in a few seconds.
 */
const SEED = 20261204;
const RUNS = 150;
const params = { seed: SEED, numRuns: RUNS };

/** YAML-ish text: fragments catalyst files are made of, shuffled, plus arbitrary strings and known attacks. */
const FRAGMENTS = [
  'key: ArticlePage\n',
  'key: __proto__\n',
  'baseType: _page\n',
  'baseType: component\n',
  'displayName: A\n',
  'properties:\n',
  '  title: string\n',
  '  body: { type: richText, required: true }\n',
  '  tags: { type: array, items: { type: string } }\n',
  '  __proto__: { type: string }\n',
  '  list: [1, 2, *a]\n',
  'a: &a [x, y]\n',
  'b: *a\n',
  '<<: *a\n',
  'propertyGroups:\n',
  '  - key: Seo\n',
  'displayTemplates:\n',
  '- ',
  ': ',
  '{',
  '[',
  '"',
  "'",
  '!!binary x\n',
  '!custom y\n',
  '---\n',
  '\t',
  '  ',
  '\n',
  '? ',
  '%YAML 1.2\n',
];
const yamlText = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 200 }),
  fc.constant(
    'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nkey: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
  ),
);
/** JSON values that look like what the readers expect, with arbitrary members mixed in. */
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, 0, -1, 1e308, '', 'x', '__proto__', 'string', '_page', 'v1'),
    fc.string({ maxLength: 12 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'key',
        'baseType',
        'displayName',
        'properties',
        'type',
        'items',
        '__proto__',
        'constructor',
        'targets',
        'url',
        'lockVersion',
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

function expectOnlyExpectedErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (isUserError(error) || isAdapterError(error)) return;
    throw error;
  }
}

describe('fuzz: no input makes catalyst fail other than with a diagnostic, a UserError or an AdapterError', () => {
  const temp = useTempDir('fuzz');

  it('content type YAML', () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        const result = parseContentTypeText(text, 'fuzz.yaml', OPTIMIZELY_DEFAULTS);
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      params,
    );
  });

  it('an alias bomb is a Y018 diagnostic', () => {
    const bomb =
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nkey: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    const result = parseContentTypeText(bomb, 'bomb.yaml', OPTIMIZELY_DEFAULTS);
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.summary}`)).toEqual([
      'Y018 YAML aliases expand too far',
    ]);
  });

  it('a YAML file over 5 MB is a Y017 diagnostic at file:1, before parsing', () => {
    const result = parseContentTypeText(`key: A\nproperties:\n${'  p: string\n'.repeat(600_000)}`, 'big.yaml', OPTIMIZELY_DEFAULTS);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.location?.line])).toEqual([['Y017', 1]]);
  });

  it('lockfiles', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          jsonish.map((value) => JSON.stringify(value) ?? ''),
        ),
        (text) => {
          const result = parseLockfileText(text, 'catalyst.lock.json');
          expect(Array.isArray(result.diagnostics)).toBe(true);
        },
      ),
      params,
    );
  });

  it('saved plans', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          jsonish.map((value) => JSON.stringify(value) ?? ''),
        ),
        (text) => {
          expectOnlyExpectedErrors(() => assertSavedPlanIntact(parsePlanText(text, 'plan.json')));
        },
      ),
      params,
    );
  });

  it('API responses (the wire readers)', () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        for (const read of [contentTypeFromWire, propertyGroupFromWire, displayTemplateFromWire])
          expectOnlyExpectedErrors(() => read(value));
      }),
      params,
    );
  });

  it('configuration files (JSON and YAML)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          jsonish.map((value) => ['catalyst.config.json', JSON.stringify(value) ?? ''] as const),
          yamlText.map((text) => ['catalyst.config.yaml', text] as const),
        ),
        async ([name, text]) => {
          const path = join(temp.path, name);
          await writeFile(path, text);
          try {
            const result = await loadConfig({ cwd: temp.path, configPath: name, env: {}, platforms: PLATFORM_PROFILES });
            expect(Array.isArray(result.diagnostics)).toBe(true);
          } finally {
            await rm(path, { force: true });
          }
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });
});
