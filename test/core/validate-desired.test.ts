import { describe, expect, it } from 'vitest';
import { OPTIMIZELY_PROFILE } from '../../src/adapters/optimizely/profile.js';
import type { ContentTypeDef, PropertyDef, PropertyGroupDef } from '../../src/core/model.js';
import type { DesiredState } from '../../src/core/state.js';
import { validateDesired, type ValidationContext } from '../../src/core/validate-desired.js';
import { VALIDATION_CODES } from '../../src/core/validation-codes.js';

function valid(): { types: ContentTypeDef[]; groups: PropertyGroupDef[] } {
  return {
    groups: [{ key: 'Seo', displayName: 'SEO' }],
    types: [
      {
        key: 'ArticlePage',
        baseType: '_page',
        displayName: 'Article',
        contracts: ['SeoFields'],
        mayContainTypes: ['*', 'ArticlePage'],
        properties: {
          title: { type: 'string', required: true, maxLength: 120, minLength: 1, group: 'Seo' },
          body: { type: 'richText', group: 'Content' },
          hero: { type: 'component', contentType: 'Hero' },
          related: { type: 'content', allowedTypes: ['ArticlePage', '_image'] },
          tags: { type: 'array', items: { type: 'string', maxLength: 30 }, maxItems: 10 },
          size: {
            type: 'string',
            enum: [
              { value: 's', displayName: 'Small' },
              { value: 'm', displayName: 'Medium' },
            ],
          },
          rating: { type: 'integer', minimum: 1, maximum: 5, indexingType: 'queryable' },
          published: { type: 'dateTime', minimum: '2020-01-01T00:00:00Z' },
          blocks: { type: 'array', items: { type: 'component', contentType: 'Hero' } },
          author: { type: 'contentReference', restrictedTypes: ['SystemFolder'] },
        },
      },
      {
        key: 'Hero',
        baseType: '_component',
        displayName: 'Hero',
        compositionBehaviors: ['sectionEnabled'],
        properties: { heading: { type: 'string' } },
      },
      { key: 'SeoFields', baseType: null, isContract: true, displayName: 'SEO fields', properties: { metaTitle: { type: 'string' } } },
    ],
  };
}

const CONTEXT: ValidationContext = { rules: OPTIMIZELY_PROFILE, knownTypes: ['SystemFolder', 'ImageMedia'], readOnlyTypes: ['ImageMedia'] };

function validate(edit: (state: ReturnType<typeof valid>) => void, context: ValidationContext = CONTEXT) {
  const state = valid();
  edit(state);
  const desired: DesiredState = {
    contentTypes: state.types.map((def) => ({ def, origin: { file: `${def.key}.yaml`, line: 1, column: 1 } })),
    propertyGroups: state.groups.map((def) => ({ def })),
    displayTemplates: [],
  };
  return validateDesired(desired, context);
}

const article = (state: ReturnType<typeof valid>) => state.types[0]!;
const addType = (key: string) => (state: ReturnType<typeof valid>) => {
  state.types.push({ key, baseType: '_page', displayName: 'Added', properties: {} });
};
const setProperty = (key: string, property: PropertyDef) => (state: ReturnType<typeof valid>) => {
  article(state).properties[key] = property;
};

describe('validateDesired', () => {
  it('accepts a valid desired state with references, contracts, groups and every kind of constraint', () => {
    expect(validate(() => {})).toEqual([]);
  });

  const cases: Array<{
    name: string;
    edit: (state: ReturnType<typeof valid>) => void;
    expected: Array<{ code: string; path: string; severity?: 'warning' }>;
    message?: RegExp;
  }> = [
    { name: 'key with a dash', edit: addType('News-Page'), expected: [{ code: 'V001', path: 'key' }], message: /"News_Page"/ },
    {
      name: 'key starting with underscore',
      edit: addType('_News'),
      expected: [{ code: 'V001', path: 'key' }],
      message: /reserved for the platform/,
    },
    { name: 'one-character key', edit: addType('N'), expected: [{ code: 'V001', path: 'key' }] },
    { name: 'key of 255 characters is fine', edit: addType(`N${'b'.repeat(254)}`), expected: [] },
    { name: 'key of 256 characters', edit: addType(`N${'b'.repeat(255)}`), expected: [{ code: 'V001', path: 'key' }] },
    {
      name: 'duplicate type key',
      edit: (s) => void s.types.push({ ...s.types[1]! }),
      expected: [{ code: 'V002', path: 'key' }],
      message: /Hero\.yaml:1:1/,
    },
    { name: 'missing displayName', edit: (s) => void (article(s).displayName = ''), expected: [{ code: 'V003', path: 'displayName' }] },
    {
      name: 'displayName too long',
      edit: (s) => void (article(s).displayName = 'x'.repeat(256)),
      expected: [{ code: 'V004', path: 'displayName' }],
    },
    {
      name: 'type description over 255',
      edit: (s) => void (article(s).description = 'x'.repeat(256)),
      expected: [{ code: 'V005', path: 'description' }],
    },
    {
      name: 'property description of 2000 is fine',
      edit: setProperty('note', { type: 'string', description: 'x'.repeat(2000) }),
      expected: [],
    },
    {
      name: 'property description over 2000',
      edit: setProperty('note', { type: 'string', description: 'x'.repeat(2001) }),
      expected: [{ code: 'V005', path: 'properties.note.description' }],
    },
    {
      name: 'property displayName over 255',
      edit: setProperty('note', { type: 'string', displayName: 'x'.repeat(256) }),
      expected: [{ code: 'V004', path: 'properties.note.displayName' }],
    },
    {
      name: 'invalid property key',
      edit: setProperty('sub-title', { type: 'string' }),
      expected: [{ code: 'V006', path: 'properties.sub-title' }],
    },
    { name: 'array without items', edit: setProperty('list', { type: 'array' }), expected: [{ code: 'V007', path: 'properties.list' }] },
    {
      name: 'items on a string',
      edit: setProperty('title', { type: 'string', items: { type: 'string' } }),
      expected: [{ code: 'V008', path: 'properties.title.items' }],
    },
    {
      name: 'nested array',
      edit: setProperty('list', { type: 'array', items: { type: 'array' } as never }),
      expected: [{ code: 'V009', path: 'properties.list.items' }],
    },
    {
      name: 'component without contentType',
      edit: setProperty('hero', { type: 'component' }),
      expected: [{ code: 'V010', path: 'properties.hero' }],
    },
    {
      name: 'component items without contentType',
      edit: setProperty('blocks', { type: 'array', items: { type: 'component' } }),
      expected: [{ code: 'V010', path: 'properties.blocks.items' }],
    },
    {
      name: 'maxLength on an integer',
      edit: setProperty('count', { type: 'integer', maxLength: 3 }),
      expected: [{ code: 'V011', path: 'properties.count.maxLength' }],
    },
    {
      name: 'allowedTypes on a string',
      edit: setProperty('title', { type: 'string', allowedTypes: ['Hero'] }),
      expected: [{ code: 'V011', path: 'properties.title.allowedTypes' }],
    },
    {
      name: 'minimum on string items',
      edit: setProperty('tags', { type: 'array', items: { type: 'string', minimum: 1 } }),
      expected: [{ code: 'V011', path: 'properties.tags.items.minimum' }],
    },
    {
      name: 'enum on a boolean',
      edit: setProperty('flag', { type: 'boolean', enum: [{ value: 'a', displayName: 'A' }] }),
      expected: [{ code: 'V011', path: 'properties.flag.enum' }],
    },
    {
      name: 'contentType on a string',
      edit: setProperty('title', { type: 'string', contentType: 'Hero' }),
      expected: [{ code: 'V011', path: 'properties.title.contentType' }],
    },
    {
      name: 'minItems on a string',
      edit: setProperty('title', { type: 'string', minItems: 1 }),
      expected: [{ code: 'V011', path: 'properties.title.minItems' }],
    },
    {
      name: 'imageDescriptor on a string',
      edit: setProperty('title', { type: 'string', imageDescriptor: { width: 10 } }),
      expected: [{ code: 'V011', path: 'properties.title.imageDescriptor' }],
    },
    {
      name: 'compositionBehaviors on a page',
      edit: (s) => void (article(s).compositionBehaviors = ['sectionEnabled']),
      expected: [{ code: 'V012', path: 'compositionBehaviors' }],
    },
    {
      name: 'sectionEnabled on a section, as live CMSes return BlankSection',
      edit: (s) =>
        void s.types.push({
          key: 'FormsContainer',
          baseType: '_section',
          displayName: 'Forms container',
          compositionBehaviors: ['sectionEnabled'],
          properties: {},
        }),
      expected: [],
    },
    {
      name: 'compositionBehaviors on a contract',
      edit: (s) => void (s.types[2]!.compositionBehaviors = ['elementEnabled']),
      expected: [{ code: 'V012', path: 'compositionBehaviors' }],
    },
    {
      name: 'contract with a baseType',
      edit: (s) => void (s.types[2]!.baseType = '_component'),
      expected: [{ code: 'V013', path: 'baseType' }],
    },
    {
      name: 'non-contract without baseType',
      edit: (s) => void (s.types[1]!.baseType = null),
      expected: [{ code: 'V013', path: 'baseType' }],
    },
    {
      name: 'contracts names a plain type',
      edit: (s) => void (article(s).contracts = ['Hero']),
      expected: [{ code: 'V014', path: 'contracts' }],
    },
    {
      name: 'unknown property group with suggestion',
      edit: setProperty('title', { type: 'string', group: 'seo' }),
      expected: [{ code: 'V015', path: 'properties.title.group', severity: 'warning' }],
      message: /Did you mean "Seo"/,
    },
    {
      name: 'unknown component type with suggestion',
      edit: setProperty('hero', { type: 'component', contentType: 'Heroo' }),
      expected: [{ code: 'V016', path: 'properties.hero.contentType', severity: 'warning' }],
      message: /Did you mean "Hero"/,
    },
    {
      name: 'unknown allowedTypes entry in items',
      edit: setProperty('list', { type: 'array', items: { type: 'content', allowedTypes: ['Nope'] } }),
      expected: [{ code: 'V016', path: 'properties.list.items.allowedTypes', severity: 'warning' }],
    },
    {
      name: 'unknown restrictedTypes entry',
      edit: setProperty('author', { type: 'contentReference', restrictedTypes: ['Missing'] }),
      expected: [{ code: 'V016', path: 'properties.author.restrictedTypes', severity: 'warning' }],
    },
    {
      name: 'unknown mayContainTypes entry',
      edit: (s) => void (article(s).mayContainTypes = ['ArticlePag']),
      expected: [{ code: 'V016', path: 'mayContainTypes', severity: 'warning' }],
      message: /Did you mean "ArticlePage"/,
    },
    {
      name: 'unknown contract',
      edit: (s) => void (article(s).contracts = ['SeoField']),
      expected: [{ code: 'V016', path: 'contracts', severity: 'warning' }],
      message: /SeoFields/,
    },
    { name: 'desired type named like a read-only live type', edit: addType('ImageMedia'), expected: [{ code: 'V017', path: 'key' }] },
    {
      name: 'minLength above maxLength',
      edit: setProperty('title', { type: 'string', minLength: 10, maxLength: 5 }),
      expected: [{ code: 'V018', path: 'properties.title' }],
    },
    {
      name: 'minimum above maximum',
      edit: setProperty('rating', { type: 'float', minimum: 5.5, maximum: 1 }),
      expected: [{ code: 'V018', path: 'properties.rating' }],
    },
    {
      name: 'dateTime minimum after maximum',
      edit: setProperty('published', { type: 'dateTime', minimum: '2025-01-01T00:00:00Z', maximum: '2024-01-01T00:00:00Z' }),
      expected: [{ code: 'V018', path: 'properties.published' }],
    },
    {
      name: 'minItems above maxItems',
      edit: setProperty('tags', { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 2 }),
      expected: [{ code: 'V018', path: 'properties.tags' }],
    },
    {
      name: 'string value in an integer enum',
      edit: setProperty('rating', {
        type: 'integer',
        enum: [
          { value: 1, displayName: 'One' },
          { value: 'two', displayName: 'Two' },
        ],
      }),
      expected: [{ code: 'V019', path: 'properties.rating.enum.1' }],
    },
    {
      name: 'fraction in an integer enum',
      edit: setProperty('rating', { type: 'integer', enum: [{ value: 1.5, displayName: 'x' }] }),
      expected: [{ code: 'V019', path: 'properties.rating.enum.0' }],
    },
    {
      name: 'number in a string enum of items',
      edit: setProperty('tags', { type: 'array', items: { type: 'string', enum: [{ value: 3, displayName: 'Three' }] } }),
      expected: [{ code: 'V019', path: 'properties.tags.items.enum.0' }],
    },
    {
      name: 'searchable content reference (warning)',
      edit: setProperty('related', { type: 'content', indexingType: 'searchable' }),
      expected: [{ code: 'V020', path: 'properties.related.indexingType', severity: 'warning' }],
    },
    {
      name: 'queryable array of contentReference (warning)',
      edit: setProperty('links', { type: 'array', items: { type: 'contentReference' }, indexingType: 'queryable' }),
      expected: [{ code: 'V020', path: 'properties.links.indexingType', severity: 'warning' }],
    },
    {
      name: 'disabled indexing on a reference is fine',
      edit: setProperty('related', { type: 'content', indexingType: 'disabled' }),
      expected: [],
    },
    {
      name: 'invalid group key',
      edit: (s) => void (s.groups[0]!.key = '9Seo'),
      expected: [
        { code: 'V021', path: 'key' },
        { code: 'V015', path: 'properties.title.group', severity: 'warning' },
      ],
    },
    {
      name: 'group without displayName',
      edit: (s) => void (s.groups[0]!.displayName = ''),
      expected: [{ code: 'V022', path: 'displayName' }],
    },
    {
      name: 'integer bound with a fraction',
      edit: setProperty('rating', { type: 'integer', minimum: 0.5 }),
      expected: [{ code: 'V023', path: 'properties.rating.minimum' }],
    },
    {
      name: 'dateTime bound that is not a date',
      edit: setProperty('published', { type: 'dateTime', maximum: 'tomorrow' }),
      expected: [{ code: 'V023', path: 'properties.published.maximum' }],
    },
    {
      name: 'negative maxLength',
      edit: setProperty('title', { type: 'string', maxLength: -1 }),
      expected: [{ code: 'V023', path: 'properties.title.maxLength' }],
    },
    {
      name: 'pattern that does not parse (warning)',
      edit: setProperty('title', { type: 'string', pattern: '([a-z]' }),
      expected: [{ code: 'V024', path: 'properties.title.pattern', severity: 'warning' }],
    },
    {
      name: 'unknown property type with suggestion',
      edit: setProperty('title', { type: 'strng' as never }),
      expected: [{ code: 'V025', path: 'properties.title.type' }],
      message: /Did you mean "string"/,
    },
    {
      name: 'unknown baseType',
      edit: (s) => void (article(s).baseType = '_pages' as never),
      expected: [{ code: 'V025', path: 'baseType' }],
    },
    {
      name: 'declaring a built-in group',
      edit: (s) => void s.groups.push({ key: 'Content', displayName: 'Content' }),
      expected: [{ code: 'V026', path: 'key' }],
    },
    {
      name: 'declaring a reserved group in another case',
      edit: (s) => void s.groups.push({ key: 'settings', displayName: 'Settings' }),
      expected: [{ code: 'V026', path: 'key' }],
    },
    {
      name: 'duplicate enum value',
      edit: setProperty('size', {
        type: 'string',
        enum: [
          { value: 's', displayName: 'S' },
          { value: 's', displayName: 'Small' },
        ],
      }),
      expected: [{ code: 'V027', path: 'properties.size.enum.1' }],
    },
    {
      name: 'duplicate group key',
      edit: (s) => void s.groups.push({ key: 'Seo', displayName: 'Again' }),
      expected: [{ code: 'V002', path: 'key' }],
    },
  ];

  it.each(cases)('$name', ({ edit, expected, message }) => {
    const diagnostics = validate(edit);
    expect(diagnostics.map(({ code, path, severity }) => ({ code, path, ...(severity === 'warning' ? { severity } : {}) }))).toEqual(
      expected,
    );
    for (const diagnostic of diagnostics) {
      expect(diagnostic.summary).not.toMatch(/\.$/);
      expect(diagnostic.detail).toMatch(/\.$/);
      expect(diagnostic.resource?.key).toBeTruthy();
      expect(VALIDATION_CODES).toHaveProperty(diagnostic.code);
    }
    if (message) expect(diagnostics.map((diagnostic) => diagnostic.detail).join('\n')).toMatch(message);
  });

  it.each([
    {
      property: { type: 'integer', minimum: 'low' },
      summary: 'Invalid minimum for an integer',
      detail: 'An integer bound is a number; got "low". Fix minimum.',
    },
    {
      property: { type: 'float', maximum: 'high' },
      summary: 'Invalid maximum for a float',
      detail: 'A float bound is a number; got "high". Fix maximum.',
    },
  ] as const)('says what a $property.type bound must be, in English', ({ property, summary, detail }) => {
    const found = validate(setProperty('rating', property as unknown as PropertyDef));
    expect(found.map((diagnostic) => ({ code: diagnostic.code, summary: diagnostic.summary, detail: diagnostic.detail }))).toEqual([
      { code: 'V023', summary, detail },
    ]);
  });

  it('collects every problem across resources instead of stopping at the first', () => {
    const diagnostics = validate((s) => {
      article(s).displayName = '';
      article(s).properties.count = { type: 'integer', maxLength: 3 };
      s.types[1]!.compositionBehaviors = ['bogus' as never];
      s.groups[0]!.displayName = '';
    });
    expect(diagnostics.map((diagnostic) => `${diagnostic.resource?.key}:${diagnostic.code}`)).toEqual([
      'Seo:V022',
      'ArticlePage:V003',
      'ArticlePage:V011',
      'Hero:V025',
    ]);
  });

  it('places diagnostics at the definition origin and names the resource', () => {
    const [diagnostic] = validate((s) => void (article(s).displayName = ''));
    expect(diagnostic).toMatchObject({
      location: { file: 'ArticlePage.yaml', line: 1, column: 1 },
      resource: { kind: 'contentType', key: 'ArticlePage' },
      severity: 'error',
    });
  });

  it('accepts references to types only the target knows, and refuses them when it does not', () => {
    const edit = setProperty('folder', { type: 'contentReference', allowedTypes: ['SystemFolder'] });
    expect(validate(edit)).toEqual([]);
    expect(validate(edit, { rules: OPTIMIZELY_PROFILE }).map((diagnostic) => diagnostic.code)).toEqual(['V016', 'V016']);
  });

  it('accepts groups that exist live when they are passed as known groups', () => {
    const edit = setProperty('title', { type: 'string', group: 'Legacy' });
    expect(validate(edit).map((diagnostic) => diagnostic.code)).toEqual(['V015']);
    expect(validate(edit, { ...CONTEXT, knownGroups: ['Legacy'] })).toEqual([]);
  });

  it.each(['Content', 'Information', 'Settings', 'Advanced', 'Scheduling'])('accepts the built-in group %s without a target', (group) => {
    expect(validate(setProperty('title', { type: 'string', group }), CONTEXT)).toEqual([]);
  });
});
