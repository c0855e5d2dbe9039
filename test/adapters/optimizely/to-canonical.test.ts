import { describe, expect, it } from 'vitest';
import { adapterFailure } from '../adapter-failure.js';
import { contentTypeFromWire, propertyGroupFromWire, sourceFromWire } from '../../../src/adapters/optimizely/to-canonical.js';
import { digest } from '../../../src/core/digest.js';
import type { ContentTypeDef } from '../../../src/core/model.js';

const page = { key: 'Article', baseType: '_page', displayName: 'Article' };

describe('contentTypeFromWire: spellings of the same definition map to one canonical value', () => {
  const cases: Array<{ name: string; a: object; b: object }> = [
    {
      name: 'v1 isRequired/isLocalized and preview2/3 required/localized',
      a: { ...page, properties: { title: { type: 'string', isRequired: true, isLocalized: true } } },
      b: { ...page, properties: { title: { type: 'string', required: true, localized: true } } },
    },
    { name: 'base type without underscore (preview2)', a: { ...page, baseType: 'page' }, b: page },
    { name: 'preview2 element', a: { ...page, baseType: 'element' }, b: { ...page, baseType: '_element' } },
    {
      name: 'a link as a component of the built-in type link (preview2) and as the link type',
      a: {
        ...page,
        properties: {
          cta: { type: 'component', contentType: 'link' },
          legal: { type: 'array', format: 'LinkCollection', items: { type: 'component', contentType: 'link' } },
        },
      },
      b: { ...page, properties: { cta: { type: 'link' }, legal: { type: 'array', format: 'LinkCollection', items: { type: 'link' } } } },
    },
    {
      name: 'base types in references without underscore, in any case (preview2)',
      a: {
        ...page,
        mayContainTypes: ['page', 'Article'],
        properties: {
          promo: { type: 'contentReference', allowedTypes: ['Image', 'Media', 'Hero'], restrictedTypes: ['Video'] },
          area: { type: 'array', items: { type: 'content', allowedTypes: ['component', 'section'] } },
        },
      },
      b: {
        ...page,
        mayContainTypes: ['_page', 'Article'],
        properties: {
          promo: { type: 'contentReference', allowedTypes: ['_image', '_media', 'Hero'], restrictedTypes: ['_video'] },
          area: { type: 'array', items: { type: 'content', allowedTypes: ['_component', '_section'] } },
        },
      },
    },
    {
      name: 'enum as {values: [...]} (preview2) and as a list',
      a: { ...page, properties: { tone: { type: 'string', enum: { values: [{ value: 'a', displayName: 'A' }] } } } },
      b: { ...page, properties: { tone: { type: 'string', enum: [{ value: 'a', displayName: 'A' }] } } },
    },
    {
      name: 'server-managed members',
      a: {
        ...page,
        created: '2025-01-01T00:00:00Z',
        createdBy: 'someone',
        lastModified: '2025-01-02T00:00:00Z',
        lastModifiedBy: 'someone else',
        source: '',
        usage: ['property'],
        features: ['localization'],
      },
      b: page,
    },
    {
      name: 'unknown members',
      a: { ...page, futureThing: { x: 1 }, properties: { t: { type: 'string', defaultValue: 'x', isrequired: true } } },
      b: { ...page, properties: { t: { type: 'string' } } },
    },
    { name: 'nulls are absent', a: { ...page, description: null, mayContainTypes: null, accessRights: null, properties: null }, b: page },
    {
      name: 'defaults are absent',
      a: {
        ...page,
        sortOrder: 0,
        isContract: false,
        contracts: [],
        properties: { t: { type: 'string', isRequired: false, sortOrder: 0, displayMode: 'available', editorSettings: {} } },
      },
      b: { ...page, properties: { t: { type: 'string' } } },
    },
    { name: 'sets are sorted', a: { ...page, mayContainTypes: ['B', 'A', 'B'] }, b: { ...page, mayContainTypes: ['A', 'B'] } },
    {
      name: 'array items in both spellings',
      a: { ...page, properties: { list: { type: 'array', items: { type: 'content', allowedTypes: ['Z', 'A'], restrictedTypes: [] } } } },
      b: { ...page, properties: { list: { type: 'array', items: { type: 'content', allowedTypes: ['A', 'Z'] } } } },
    },
    {
      name: 'access right type defaults to role',
      a: { ...page, accessRights: [{ name: 'Editors' }] },
      b: { ...page, accessRights: [{ name: 'Editors', type: 'role' }] },
    },
  ];
  it.each(cases)('$name', ({ a, b }) => {
    expect(contentTypeFromWire(a)).toEqual(contentTypeFromWire(b));
    expect(digest(contentTypeFromWire(a))).toBe(digest(contentTypeFromWire(b)));
  });
});

describe('contentTypeFromWire: what it produces', () => {
  const cases: Array<{ name: string; wire: object; canonical: ContentTypeDef }> = [
    { name: 'a bare page', wire: page, canonical: { key: 'Article', baseType: '_page', displayName: 'Article', properties: {} } },
    {
      name: 'a type without a base type and without isContract is a contract (preview3 has no isContract member)',
      wire: { key: 'SEO', displayName: 'SEO', baseType: null, properties: { title: { type: 'string' } } },
      canonical: { key: 'SEO', baseType: null, isContract: true, displayName: 'SEO', properties: { title: { type: 'string' } } },
    },
    {
      name: 'a contract has a null base type',
      wire: { key: 'SEO', displayName: 'SEO', isContract: true, properties: { title: { type: 'string' } } },
      canonical: { key: 'SEO', baseType: null, isContract: true, displayName: 'SEO', properties: { title: { type: 'string' } } },
    },
    {
      name: 'every property member',
      wire: {
        ...page,
        description: 'An article',
        sortOrder: 3,
        mediaFileExtensions: ['.PNG', 'jpg'],
        compositionBehaviors: ['sectionEnabled'],
        contracts: ['SEO'],
        accessRights: [],
        properties: {
          body: {
            type: 'richText',
            editorSettings: { preset: 'minimal' },
            displayMode: 'hidden',
            indexingType: 'searchable',
            group: 'Content',
            sortOrder: 2,
            displayName: 'Body',
            description: 'Main text',
          },
          count: { type: 'integer', minimum: 1, maximum: 5, enum: [{ value: 1, displayName: 'One' }] },
          when: { type: 'dateTime', minimum: '2020-01-01T00:00:00Z' },
          slug: { type: 'string', minLength: 2, maxLength: 20, pattern: '^[a-z]+$' },
          hero: { type: 'component', contentType: 'Hero' },
          image: { type: 'binary', imageDescriptor: { width: 10, height: 20, pregenerated: true } },
          links: { type: 'array', minItems: 1, maxItems: 4, items: { type: 'link', format: 'LinkCollection' } },
        },
      },
      canonical: {
        key: 'Article',
        baseType: '_page',
        displayName: 'Article',
        description: 'An article',
        sortOrder: 3,
        mediaFileExtensions: ['jpg', 'png'],
        compositionBehaviors: ['sectionEnabled'],
        contracts: ['SEO'],
        accessRights: [],
        properties: {
          body: {
            type: 'richText',
            editorSettings: { preset: 'minimal' },
            displayMode: 'hidden',
            indexingType: 'searchable',
            group: 'Content',
            sortOrder: 2,
            displayName: 'Body',
            description: 'Main text',
          },
          count: { type: 'integer', minimum: 1, maximum: 5, enum: [{ value: 1, displayName: 'One' }] },
          hero: { type: 'component', contentType: 'Hero' },
          image: { type: 'binary', imageDescriptor: { width: 10, height: 20, pregenerated: true } },
          links: { type: 'array', minItems: 1, maxItems: 4, items: { type: 'link', format: 'LinkCollection' } },
          slug: { type: 'string', minLength: 2, maxLength: 20, pattern: '^[a-z]+$' },
          when: { type: 'dateTime', minimum: '2020-01-01T00:00:00Z' },
        },
      },
    },
  ];
  it.each(cases)('$name', ({ wire, canonical }) => {
    expect(contentTypeFromWire(wire)).toEqual(canonical);
  });
});

describe('contentTypeFromWire: shapes catalyst does not understand are protocol errors', () => {
  const cases: Array<{ name: string; wire: unknown; says: RegExp }> = [
    { name: 'not an object', wire: [], says: /a content type as a list/ },
    { name: 'no key', wire: { baseType: '_page', displayName: 'X' }, says: /member 'key'/ },
    { name: 'no base type on a non-contract', wire: { key: 'X', displayName: 'X', isContract: false }, says: /'baseType'.*only contracts/ },
    { name: 'unknown base type', wire: { ...page, baseType: '_widget' }, says: /'baseType' as the string "_widget"/ },
    {
      name: 'unknown property type',
      wire: { ...page, properties: { x: { type: 'composition' } } },
      says: /'properties\.x\.type' as the string "composition"/,
    },
    {
      name: 'array of arrays',
      wire: { ...page, properties: { x: { type: 'array', items: { type: 'array' } } } },
      says: /'properties\.x\.items\.type'/,
    },
    { name: 'wrong member type', wire: { ...page, sortOrder: '3' }, says: /'sortOrder' as the string "3", but catalyst expects a number/ },
    { name: 'unknown composition behavior', wire: { ...page, compositionBehaviors: ['floating'] }, says: /compositionBehaviors/ },
    { name: 'enum of another shape', wire: { ...page, properties: { x: { type: 'string', enum: 'a,b' } } }, says: /properties\.x\.enum/ },
    {
      name: 'enum entry without value',
      wire: { ...page, properties: { x: { type: 'string', enum: [{ displayName: 'A' }] } } },
      says: /properties\.x\.enum\[0\]\.value/,
    },
  ];
  it.each(cases)('$name', async ({ wire, says }) => {
    const error = await adapterFailure(() => contentTypeFromWire(wire));
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(says);
  });
});

describe('property groups and sources', () => {
  it('reads a property group without server-managed members', () => {
    expect(propertyGroupFromWire({ key: 'SEO', displayName: 'SEO', sortOrder: 100, created: 'x', source: '' })).toEqual({
      key: 'SEO',
      displayName: 'SEO',
      sortOrder: 100,
    });
    expect(propertyGroupFromWire({ key: 'SEO', displayName: 'SEO', sortOrder: 0 })).toEqual({ key: 'SEO', displayName: 'SEO' });
  });

  it('treats only a non-empty source as a system marker', () => {
    expect(sourceFromWire({ key: 'A', source: 'system' })).toBe('system');
    expect(sourceFromWire({ key: 'A', source: '' })).toBeUndefined();
    expect(sourceFromWire({ key: 'A' })).toBeUndefined();
  });
});
