import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { describe, expect, it } from 'vitest';
import type { ContentTypeDef, PropertyDef } from '../../src/core/model.js';
import { normalizeProperty } from '../../src/core/normalize.js';
import { compactContentType, compactProperty } from '../../src/io/yaml/compact-content-type.js';
import { expandContentType, expandProperty } from '../../src/io/yaml/expand-content-type.js';
import { formatContentTypeYaml, formatPropertyGroupsYaml } from '../../src/io/yaml/format-content-type-yaml.js';
import { parseContentTypeText } from '../../src/io/yaml/parse-content-type-text.js';

/** Parses one property written in YAML (as the value of `pp:`) through the whole file pipeline. */
function parseProperty(yaml: string): PropertyDef {
  const result = parseContentTypeText(
    `key: Sample\nbaseType: _component\nproperties:\n  pp: ${yaml}\n`,
    'sample.yaml',
    OPTIMIZELY_DEFAULTS,
  );
  expect(result.diagnostics).toEqual([]);
  if (result.document?.kind !== 'contentTypeFile') throw new Error('not a content type');
  return result.document.contentType.properties.pp!;
}

const e = (value: string | number, displayName: string) => ({ value, displayName });

describe('property shorthands expand to the canonical model', () => {
  const cases: Array<{ written: string; canonical: PropertyDef }> = [
    { written: 'richText', canonical: { type: 'richText' } },
    { written: 'component', canonical: { type: 'component' } },
    { written: 'string[]', canonical: { type: 'array', items: { type: 'string' } } },
    { written: 'content[]', canonical: { type: 'array', items: { type: 'content' } } },
    {
      written: '{ type: array, items: link, format: LinkCollection }',
      canonical: { type: 'array', items: { type: 'link' }, format: 'LinkCollection' },
    },
    {
      written: '{ type: array, items: { type: content, allowedTypes: [B, A, B] }, maxItems: 4 }',
      canonical: { type: 'array', items: { type: 'content', allowedTypes: ['A', 'B'] }, maxItems: 4 },
    },
    { written: '{ type: string, enum: [news, blog] }', canonical: { type: 'string', enum: [e('news', 'news'), e('blog', 'blog')] } },
    { written: '{ type: integer, enum: [2, 1] }', canonical: { type: 'integer', enum: [e(2, '2'), e(1, '1')] } },
    { written: '{ type: string, enum: ["1", "2"] }', canonical: { type: 'string', enum: [e('1', '1'), e('2', '2')] } },
    {
      written: '{ type: string, enum: { s: Small, m: Medium } }',
      canonical: { type: 'string', enum: [e('s', 'Small'), e('m', 'Medium')] },
    },
    { written: '{ type: string, enum: { 2: Two, 1: One } }', canonical: { type: 'string', enum: [e('2', 'Two'), e('1', 'One')] } },
    { written: '{ type: integer, enum: { 3: High, 1: Low } }', canonical: { type: 'integer', enum: [e(3, 'High'), e(1, 'Low')] } },
    { written: '{ type: float, enum: { 0.5: Half, "1.5": More } }', canonical: { type: 'float', enum: [e(0.5, 'Half'), e(1.5, 'More')] } },
    {
      written: '{ type: string, enum: [{ value: a, displayName: A }, { value: 1, displayName: One }] }',
      canonical: { type: 'string', enum: [e('a', 'A'), e(1, 'One')] },
    },
    {
      written: '{ type: array, items: { type: string, enum: { x: X } } }',
      canonical: { type: 'array', items: { type: 'string', enum: [e('x', 'X')] } },
    },
    { written: '{ type: string, required: false, localized: false, sortOrder: 0, displayMode: available }', canonical: { type: 'string' } },
    { written: '{ type: richText, editorSettings: {} }', canonical: { type: 'richText' } },
  ];
  it.each(cases)('$written', ({ written, canonical }) => {
    expect(parseProperty(written)).toEqual(normalizeProperty(canonical, OPTIMIZELY_DEFAULTS));
  });
});

describe('canonical properties compact to the shortest lossless spelling', () => {
  const cases: Array<{ canonical: PropertyDef; written: unknown }> = [
    { canonical: { type: 'richText' }, written: 'richText' },
    { canonical: { type: 'array', items: { type: 'string' } }, written: 'string[]' },
    {
      canonical: { type: 'array', items: { type: 'link' }, format: 'LinkCollection' },
      written: { type: 'array', items: 'link', format: 'LinkCollection' },
    },
    {
      canonical: { type: 'array', items: { type: 'content', allowedTypes: ['A'] } },
      written: { type: 'array', items: { type: 'content', allowedTypes: ['A'] } },
    },
    { canonical: { type: 'string', enum: [e('news', 'news'), e('blog', 'blog')] }, written: { type: 'string', enum: ['news', 'blog'] } },
    { canonical: { type: 'integer', enum: [e(2, '2'), e(1, '1')] }, written: { type: 'integer', enum: [2, 1] } },
    {
      canonical: { type: 'string', enum: [e('s', 'Small'), e('m', 'Medium')] },
      written: { type: 'string', enum: { s: 'Small', m: 'Medium' } },
    },
    {
      name: 'integer-like text values keep their order only in the full form',
      canonical: { type: 'string', enum: [e('2', 'Two'), e('1', 'One')] },
      written: { type: 'string', enum: [e('2', 'Two'), e('1', 'One')] },
    },
    { canonical: { type: 'integer', enum: [e(3, 'High'), e(1, 'Low')] }, written: { type: 'integer', enum: [e(3, 'High'), e(1, 'Low')] } },
    {
      canonical: { type: 'string', enum: [e('a', 'A'), e('a', 'Again')] },
      written: { type: 'string', enum: [e('a', 'A'), e('a', 'Again')] },
    },
    {
      canonical: { type: 'string', displayName: 'Title', required: true, maxLength: 120, group: 'SEO' },
      written: { type: 'string', displayName: 'Title', required: true, group: 'SEO', maxLength: 120 },
    },
  ].map((row) => ({ ...row, canonical: normalizeProperty(row.canonical as PropertyDef, OPTIMIZELY_DEFAULTS) }));
  it.each(cases)('$written', ({ canonical, written }) => {
    const compacted = compactProperty(canonical);
    expect(compacted).toEqual(written);
    expect(JSON.stringify(compacted)).toBe(JSON.stringify(written));
    expect(normalizeProperty(expandProperty(compacted), OPTIMIZELY_DEFAULTS)).toEqual(canonical);
  });
});

describe('YAML anchors, aliases and merge keys', () => {
  it('resolve, and an aliased enum map keeps its order', () => {
    const yaml = [
      'key: Shared',
      'baseType: _component',
      'properties:',
      '  first: &text { type: string, localized: true }',
      '  second: { <<: *text, required: true }',
      '  rank:',
      '    type: integer',
      '    enum: &ranks { 3: High, 1: Low }',
      '  rankAgain: { type: integer, enum: *ranks }',
      '',
    ].join('\n');
    const result = parseContentTypeText(yaml, 'shared.yaml', OPTIMIZELY_DEFAULTS);
    expect(result.diagnostics).toEqual([]);
    const ranks = [e(3, 'High'), e(1, 'Low')];
    expect(result.document?.kind === 'contentTypeFile' && result.document.contentType.properties).toEqual({
      first: { type: 'string', localized: true },
      second: { type: 'string', localized: true, required: true },
      rank: { type: 'integer', enum: ranks },
      rankAgain: { type: 'integer', enum: ranks },
    });
  });
});

describe('content type shorthands', () => {
  const cases: Array<{ name: string; yaml: string; canonical: ContentTypeDef }> = [
    {
      name: 'displayName defaults to the key; preview2 base type spelling',
      yaml: 'key: Teaser\nbaseType: component\n',
      canonical: { key: 'Teaser', baseType: '_component', displayName: 'Teaser', properties: {} },
    },
    {
      name: 'a contract has a null base type',
      yaml: 'key: Seo\nisContract: true\n',
      canonical: { key: 'Seo', baseType: null, isContract: true, displayName: 'Seo', properties: {} },
    },
    {
      name: 'a bare access right is a role; an empty list means nobody',
      yaml: 'key: A1\nbaseType: _page\naccessRights: [Editors]\n',
      canonical: { key: 'A1', baseType: '_page', displayName: 'A1', accessRights: [{ name: 'Editors', type: 'role' }], properties: {} },
    },
    {
      name: 'an empty access right list is kept',
      yaml: 'key: A2\nbaseType: _page\naccessRights: []\n',
      canonical: { key: 'A2', baseType: '_page', displayName: 'A2', accessRights: [], properties: {} },
    },
    {
      name: 'media file extensions are normalized',
      yaml: 'key: Pdf\nbaseType: media\nmediaFileExtensions: [.PDF, pdf, docx]\n',
      canonical: { key: 'Pdf', baseType: '_media', displayName: 'Pdf', mediaFileExtensions: ['docx', 'pdf'], properties: {} },
    },
  ];
  it.each(cases)('$name', ({ yaml, canonical }) => {
    const result = parseContentTypeText(yaml, 'type.yaml', OPTIMIZELY_DEFAULTS);
    expect(result.diagnostics).toEqual([]);
    expect(result.document?.kind === 'contentTypeFile' && result.document.contentType).toEqual(canonical);
    expect(expandContentType(compactContentType(canonical, OPTIMIZELY_DEFAULTS), OPTIMIZELY_DEFAULTS)).toEqual(canonical);
  });

  it('compaction leaves out what equals its default and writes members in a fixed order', () => {
    const def = expandContentType(
      {
        key: 'Article',
        baseType: '_page',
        displayName: 'Article',
        sortOrder: 0,
        accessRights: [{ name: 'bot', type: 'user' }, 'Editors'],
        properties: { b: 'string', a: { type: 'string', sortOrder: 2 }, c: { type: 'url', sortOrder: 1 } },
        contracts: ['Seo'],
      },
      OPTIMIZELY_DEFAULTS,
    );
    expect(JSON.stringify(compactContentType(def, OPTIMIZELY_DEFAULTS))).toBe(
      JSON.stringify({
        key: 'Article',
        baseType: '_page',
        contracts: ['Seo'],
        accessRights: ['Editors', { name: 'bot', type: 'user' }],
        properties: { b: 'string', c: { type: 'url', sortOrder: 1 }, a: { type: 'string', sortOrder: 2 } },
      }),
    );
  });
});

describe('formatted YAML', () => {
  it('is readable: schema line, header comments, short collections on one line, long ones in block style', () => {
    const def = expandContentType(
      {
        key: 'ArticlePage',
        baseType: '_page',
        displayName: 'Article',
        mayContainTypes: ['ArticlePage'],
        properties: {
          title: { type: 'string', required: true, maxLength: 120 },
          body: 'richText',
          tags: 'string[]',
          size: { type: 'string', enum: { s: 'Small', m: 'Medium' } },
          summary: {
            type: 'string',
            displayName: 'Summary',
            description: 'A short summary shown in listings, search results and social shares.',
            sortOrder: 5,
          },
        },
      },
      OPTIMIZELY_DEFAULTS,
    );
    expect(
      formatContentTypeYaml(def, {
        schemaPath: '../schemas/content-type.schema.json',
        headerComments: ['Imported from optimizely (production).'],
        defaults: OPTIMIZELY_DEFAULTS,
      }),
    ).toBe(
      [
        '# yaml-language-server: $schema=../schemas/content-type.schema.json',
        '# Imported from optimizely (production).',
        '',
        'key: ArticlePage',
        'baseType: _page',
        'displayName: Article',
        'mayContainTypes: [ ArticlePage ]',
        'properties:',
        '  body: richText',
        '  size: { type: string, enum: { s: Small, m: Medium } }',
        '  tags: string[]',
        '  title: { type: string, required: true, maxLength: 120 }',
        '  summary:',
        '    type: string',
        '    displayName: Summary',
        '    description: A short summary shown in listings, search results and social shares.',
        '    sortOrder: 5',
        '',
      ].join('\n'),
    );
  });

  it('writes property groups by sortOrder then key, bare keys where nothing else is set', () => {
    expect(
      formatPropertyGroupsYaml(
        [
          { key: 'Layout', displayName: 'Layout' },
          { key: 'SEO', displayName: 'Search engines', sortOrder: 10 },
          { key: 'Ads', displayName: 'Ads' },
        ],
        { defaults: OPTIMIZELY_DEFAULTS },
      ),
    ).toBe(['propertyGroups:', '  - Ads', '  - Layout', '  - { key: SEO, displayName: Search engines, sortOrder: 10 }', ''].join('\n'));
  });

  const tricky = [
    'yes',
    'null',
    '~',
    '123',
    '0x1F',
    '1e3',
    '.5',
    'true',
    ' leading space',
    'trailing space ',
    'a: b',
    '# hash',
    'x #y',
    '- dash',
    '[bracket',
    '{brace}',
    "it's",
    '"quoted"',
    'line one\nline two',
    'tab\there',
    'ünïcödé ✓ 日本',
    '*alias',
    '&anchor',
    '!tag',
    '%percent',
    '@at',
    '`tick`',
    '|pipe',
    '>fold',
    '=',
    'a'.repeat(300),
  ];
  it.each(tricky)('round-trips the text %j wherever text goes', (text) => {
    const def = expandContentType(
      {
        key: 'Tricky',
        baseType: '_page',
        displayName: text,
        description: text,
        properties: {
          plain: { type: 'string', displayName: text, description: text, pattern: text, format: text, group: text },
          listed: {
            type: 'string',
            enum: [
              { value: text, displayName: text },
              { value: 'other', displayName: text },
            ],
          },
          mapped: { type: 'string', enum: { [text]: 'first', x: text } },
          short: { type: 'string', enum: [text, 'plain'] },
          rich: { type: 'richText', editorSettings: { [text]: text, nested: { value: text } } },
        },
      },
      OPTIMIZELY_DEFAULTS,
    );
    const back = parseContentTypeText(formatContentTypeYaml(def, { defaults: OPTIMIZELY_DEFAULTS }), 'tricky.yaml', OPTIMIZELY_DEFAULTS);
    expect(back.diagnostics).toEqual([]);
    expect(back.document?.kind === 'contentTypeFile' && back.document.contentType).toEqual(def);
  });

  it('quotes values YAML would otherwise read as something else', () => {
    const def = expandContentType(
      {
        key: 'Quoted',
        baseType: '_page',
        displayName: 'yes',
        description: '# not a comment: really',
        properties: {
          flag: {
            type: 'string',
            enum: [
              { value: 'true', displayName: 'null' },
              { value: '0x10', displayName: '1e3' },
            ],
          },
        },
      },
      OPTIMIZELY_DEFAULTS,
    );
    const text = formatContentTypeYaml(def, { defaults: OPTIMIZELY_DEFAULTS });
    const back = parseContentTypeText(text, 'q.yaml', OPTIMIZELY_DEFAULTS).document;
    expect(back?.kind === 'contentTypeFile' && back.contentType).toEqual(def);
  });
});
