import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { parseContentTypeText } from '../../src/io/yaml/parse-content-type-text.js';
import { readPlainYaml } from '../../src/io/yaml/read-plain-yaml.js';
import { createYamlLocator } from '../../src/io/yaml/yaml-locator.js';

/**
 * The fast reader may answer only where the full reader (`yaml`, as parseContentTypeText uses it)
 * gives the same value with no error and no warning. Generated documents mix block and flow
 * style with the scalars and keys on which YAML readers are known to differ.
 */
const params = { seed: 20261204, numRuns: 600 };

const TRICKY_SCALARS = [
  '1_000',
  '0b11',
  '0o17',
  '0x1F',
  '012',
  '+12',
  '-0',
  '1.',
  '.5',
  '1e3',
  '1E-2',
  '.inf',
  '-.Inf',
  '.NaN',
  'yes',
  'No',
  'on',
  'off',
  'y',
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'False',
  'TRUE',
  '2024-01-01',
  '12:30',
  '1:20:30',
  '"quoted"',
  "'single'",
  '"a\\u0041"',
  '""',
  "''",
  '"two # words"',
  'a # comment',
  '[]',
  '{}',
  '[a, b]',
  '{a: 1}',
  '&x 1',
  '*x',
  '!!str 12',
  '!!int "7"',
  '!local x',
  '1e400',
  '-2e308',
  '.1e400',
  '"1e400"',
  '|\n  x\n\t\n',
  '!!float 1',
  '!!binary aGk=',
  '|\n  block',
  '>-\n  folded\n  text',
  '"multi\n  line"',
  'plain\n  continued',
  'Q&A',
  'Hello!',
  '50%',
  'a: b',
  '- x',
  '@at',
  '`tick',
];
const TRICKY_KEYS = [
  'key',
  'null',
  '~',
  'Null',
  'true',
  '1',
  '1.0',
  '0x1F',
  '012',
  '<<',
  '__proto__',
  '"quoted key"',
  "'k'",
  '""',
  'a b',
  '? x',
];

const name = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,6}$/);
const scalar = fc.oneof(fc.constantFrom(...TRICKY_SCALARS), name, fc.integer().map(String));
const keyText = fc.oneof({ weight: 3, arbitrary: name }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_KEYS) });

interface Tree {
  entries: Array<[string, Tree | string]>;
  flow: boolean;
}

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.record({
    entries: fc.array(fc.tuple(keyText, fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('tree'))), { maxLength: 4 }),
    flow: fc.boolean(),
  }),
})).tree;

function render(node: Tree, indent: string): string {
  if (node.flow) {
    const inner = node.entries.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : render({ ...value, flow: true }, '')}`);
    return `{${inner.join(', ')}}`;
  }
  return node.entries
    .map(([key, value]) => {
      if (typeof value === 'string') return `${indent}${key}: ${value.replaceAll('\n', `\n${indent}`)}\n`;
      if (value.flow || value.entries.length === 0) return `${indent}${key}: ${render({ ...value, flow: true }, '')}\n`;
      return `${indent}${key}:\n${render(value, `${indent}  `)}`;
    })
    .join('');
}

function fullRead(text: string): { value: unknown; clean: boolean } {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, merge: true });
  const clean = document.errors.length === 0 && document.warnings.length === 0;
  return { value: clean ? document.toJS({ maxAliasCount: 100 }) : undefined, clean };
}

describe('readPlainYaml', () => {
  it('answers only where the full reader reads the same value without an error or a warning', () => {
    let answered = 0;
    fc.assert(
      fc.property(tree, fc.constantFrom('\n', '\n', '\r\n', '\r'), (root, lineBreak) => {
        const text = render({ ...root, flow: false }, '').replaceAll('\n', lineBreak);
        const fast = readPlainYaml(text);
        if (fast === undefined) return;
        answered++;
        const full = fullRead(text);
        expect(full.clean, text).toBe(true);
        expect(fast, text).toEqual(full.value);
      }),
      params,
    );
    // The generator must reach the fast path often enough for the comparison to mean something.
    expect(answered).toBeGreaterThan(100);
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'base: &b { x: 1 }\nc:\n  <<: *b\n'],
    ['a null key', '~: 1\n'],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\na: yes\n'],
    ['a local tag', 'a: !thing 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a complex key', '? [a]\n: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a list at the top', '- a\n'],
  ])('leaves %s to the full reader', (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it('reads tags-free text with an exclamation mark inside a value', () => {
    expect(readPlainYaml('displayName: Hello!\n')).toEqual({ displayName: 'Hello!' });
  });
});

describe('parseContentTypeText on the fast path', () => {
  const texts = [
    'key: ArticlePage\nbaseType: _page\nproperties:\n  title: string\n',
    '# comment\nkey: "ArticlePage"   # the key\r\nbaseType: _page\r\n',
    "displayName: A\nkey: 'ArticlePage'\nbaseType: _page\nproperties: { title: { type: string, required: true } }\n",
    '{ key: ArticlePage, baseType: _page }\n',
    'key:\n  ArticlePage\nbaseType: _page\n',
  ];

  it.each(texts)('places every path where the full locator does (%j)', (text) => {
    expect(readPlainYaml(text), 'read by the fast path').toBeDefined();
    const parsed = parseContentTypeText(text, 'a.yaml', OPTIMIZELY_DEFAULTS);
    expect(parsed.diagnostics).toEqual([]);
    const lineCounter = new LineCounter();
    const locator = createYamlLocator(parseDocument(text, { lineCounter }), lineCounter, 'a.yaml');
    for (const path of ['key', 'baseType', 'properties.title', 'properties.title.type', 'displayName', 'missing.path'])
      expect(parsed.document!.locate(path), path).toEqual(locator.locate(path));
  });
});
