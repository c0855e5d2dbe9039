import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { duplicateKeyErrors } from '../../src/io/yaml/duplicate-keys.js';
import { parseContentTypeText } from '../../src/io/yaml/parse-content-type-text.js';
import { MAX_YAML_MEMBERS } from '../../src/io/yaml/yaml-limits.js';

const codes = (text: string) =>
  parseContentTypeText(text, 'limits.yaml', OPTIMIZELY_DEFAULTS).diagnostics.map(
    (diagnostic) => `${diagnostic.code} ${diagnostic.location?.line}:${diagnostic.location?.column} ${diagnostic.summary}`,
  );

describe('limits on what one YAML file may hold', () => {
  const properties = (count: number) => Array.from({ length: count }, (_, index) => `  p${index}: string\n`).join('');

  it(`reads a content type of ${MAX_YAML_MEMBERS} properties, and refuses one more at the properties key (Y019)`, () => {
    expect(codes(`key: Wide\nbaseType: _page\nproperties:\n${properties(MAX_YAML_MEMBERS)}`)).toEqual([]);
    expect(codes(`key: Wide\nbaseType: _page\nproperties:\n${properties(MAX_YAML_MEMBERS + 1)}`)).toEqual([
      'Y019 3:1 Too many entries in properties',
    ]);
  });

  it('refuses a list file of more entries than the limit (Y019)', () => {
    const groups = Array.from({ length: MAX_YAML_MEMBERS + 1 }, (_, index) => `  - G${index}\n`).join('');
    expect(codes(`propertyGroups:\n${groups}`)).toEqual(['Y019 1:1 Too many entries in propertyGroups']);
  });

  it.each([
    ['flow lists', `key: Deep\nbaseType: _page\nproperties: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`],
    ['flow mappings', `key: Deep\nbaseType: _page\nproperties:\n  a: ${'{a: '.repeat(5_000)}x${'}'.repeat(5_000)}\n`],
  ])('reports %s nested thousands deep as Y020, not as a syntax error or a crash', (_, text) => {
    expect(codes(text).map((line) => line.replace(/ \d+:\d+ /, ' '))).toEqual(['Y020 Nested too deeply']);
  });

  it('reports a duplicate key among many members at the repeated key, like the rest', () => {
    const text = `key: Wide\nbaseType: _page\nproperties:\n${properties(5_000)}  p17: integer\n`;
    expect(codes(text)).toEqual(['Y002 5004:3 Duplicate key "p17"']);
  });
});

describe('duplicateKeyErrors', () => {
  const KEYS = ['a', 'b', '"a"', "'b'", '1', '"1"', '01', 'true', 'null', '~', '<<', '[x]', '{k: v}'];
  const mapping: fc.Arbitrary<string> = fc.letrec<{ map: string }>((tie) => ({
    map: fc
      .array(fc.tuple(fc.constantFrom(...KEYS), fc.oneof({ depthSize: 'small' }, fc.constantFrom('1', 'x', '"y"'), tie('map'))), {
        maxLength: 5,
      })
      .map((entries) => `{${entries.map(([key, value]) => `${key}: ${value}`).join(', ')}}`),
  })).map;

  it('finds every duplicate yaml’s uniqueKeys finds, at the same places, and where it finds none no value is lost', () => {
    fc.assert(
      fc.property(mapping, (text) => {
        const expected = parseDocument(text, { uniqueKeys: true, merge: true })
          .errors.filter((error) => error.code === 'DUPLICATE_KEY')
          .map((error) => error.pos[0]);
        const document = parseDocument(text, { uniqueKeys: false, merge: true });
        const found = duplicateKeyErrors(document).map((error) => error.pos[0]);
        expect(found, text).toEqual(expect.arrayContaining(expected));
        if (found.length === 0 && document.errors.length === 0 && document.warnings.length === 0)
          expect(pairsLost(document.contents), text).toBe(0);
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });

  it('reports keys that differ only in type (1 and "1"), which JavaScript would merge into one', () => {
    expect(duplicateKeyErrors(parseDocument('{1: a, "1": b}', { uniqueKeys: false })).map((error) => error.pos[0])).toEqual([7]);
  });
});

/**
 * How many scalar-keyed pairs of the mappings under `node` the JavaScript value drops (keys that
 * become equal as strings). Collection keys are yaml's own case: it warns when it stringifies them.
 */
function pairsLost(node: unknown): number {
  if (isSeq(node)) return node.items.reduce<number>((sum, item) => sum + pairsLost(item), 0);
  if (!isMap(node)) return 0;
  const scalarKeys = node.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []));
  return scalarKeys.length - new Set(scalarKeys).size + node.items.reduce<number>((sum, pair) => sum + pairsLost(pair.value), 0);
}
