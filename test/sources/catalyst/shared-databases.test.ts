import { OPTIMIZELY_DEFAULTS } from '../../../src/adapters/optimizely/profile.js';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCatalystTypes } from '../../../src/sources/catalyst/map/import-catalyst-types.js';
import { formatContentTypeYaml } from '../../../src/io/yaml/format-content-type-yaml.js';
import { parseContentTypeText } from '../../../src/io/yaml/parse-content-type-text.js';
import { NO_OVERRIDES, type ImportedType } from '../../../src/sources/catalyst/map/imported-type.js';
import { loadCatalystSnapshot } from '../../../src/sources/catalyst/read/load-catalyst-snapshot.js';
import { sharedCatalystFile } from './helpers/catalyst-db.js';

const GOLDEN = fileURLToPath(new URL('../../fixtures/catalyst/golden/', import.meta.url));

function importShared(name: Parameters<typeof sharedCatalystFile>[0]) {
  const loaded = loadCatalystSnapshot(sharedCatalystFile(name));
  expect(loaded.snapshot).toBeDefined();
  const result = importCatalystTypes({
    snapshot: loaded.snapshot!,
    websites: [],
    overrides: NO_OVERRIDES,
    knownKeys: new Map(),
    defaults: OPTIMIZELY_DEFAULTS,
  });
  return { ...result, diagnostics: [...loaded.diagnostics, ...result.diagnostics] };
}

/**
 * Compares each imported type's YAML with the reviewed golden file `<dir>/<Key>.yaml`, and checks
 * that the YAML parses back to exactly the imported definition. UPDATE_GOLDEN=1 rewrites the
 * files (review the diff before committing).
 */
function expectGolden(dir: string, types: readonly ImportedType[]): void {
  const expectedFiles = types.map((type) => `${type.def.key}.yaml`).sort();
  if (process.env.UPDATE_GOLDEN === '1') rmSync(`${GOLDEN}${dir}`, { recursive: true, force: true });
  for (const type of types) {
    const path = `${GOLDEN}${dir}/${type.def.key}.yaml`;
    const text = formatContentTypeYaml(type.def, { headerComments: type.header, defaults: OPTIMIZELY_DEFAULTS });
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    expect(text, path).toBe(readFileSync(path, 'utf8'));
    const parsed = parseContentTypeText(text, path, OPTIMIZELY_DEFAULTS);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.document?.kind === 'contentTypeFile' && parsed.document.contentType).toEqual(type.def);
  }
  expect(readdirSync(`${GOLDEN}${dir}`).sort()).toEqual(expectedFiles);
}

describe('the PoC database (every field type, both shapes, all relationship kinds)', () => {
  const result = importShared('poc-db/catalyst-poc.db');

  it('imports every row, with no errors', () => {
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(result.failedRowIds).toEqual([]);
    expect(result.types.map((type) => type.def.key).sort()).toEqual([
      'Author',
      'AuthorSocial',
      'CaseStudy',
      'Event',
      'GiftCard',
      'Location',
      'MenuItem',
      'NeighbourhoodCoffeeShopBlogPost',
      'Product',
      'Project',
      'TeamMember',
      'TechVerseBlogBlogPost',
    ]);
  });

  it('gives no Shape B row the placeholder-only result the PoC transformer gave', () => {
    for (const type of result.types.filter((entry) => entry.origin.shape === 'array' && !entry.origin.nestedIn)) {
      expect(Object.keys(type.def.properties).length).toBeGreaterThanOrEqual(5);
    }
  });

  it('matches the reviewed golden mapping', () => {
    expectGolden('catalyst-poc', result.types);
  });

  it('reports what has no Optimizely home as warnings, never silently', () => {
    const lost = result.types.flatMap((type) => type.header.filter((line) => line.startsWith('  ')));
    expect(lost).toContain('  slug: unique true (Optimizely cannot enforce unique values)');
    expect(lost).toContain(
      '  availableFrom: validation.format "YYYY-MM-DD" (Optimizely stores a date-time; the editor decides the display format)',
    );
    const warnings = result.diagnostics.filter((diagnostic) => diagnostic.code === 'CAT205' || diagnostic.code === 'CAT209');
    expect(warnings).toHaveLength(result.types.flatMap((type) => section(type.header, 'Not carried over')).length);
  });
});

/** The indented lines under the header line that starts with `title`. */
function section(lines: readonly string[], title: string): string[] {
  const start = lines.findIndex((line) => line.startsWith(title));
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => !line.startsWith('  '));
  return end < 0 ? rest : rest.slice(0, end);
}

describe('the sample database', () => {
  const result = importShared('sample-catalyst.db');

  it('imports every row, with no errors', () => {
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(result.types.map((type) => type.def.key).sort()).toEqual(['Baker', 'BakerContact', 'Client', 'Recipe', 'Service']);
  });

  it('matches the reviewed golden mapping', () => {
    expectGolden('sample-catalyst', result.types);
  });
});
