import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical-json.js';
import { digest } from '../../src/core/digest.js';
import type { AccessRight, ContentTypeDef, EnumValue, PropertyDef } from '../../src/core/model.js';
import { normalizeContentType, normalizeProperty, normalizePropertyGroup } from '../../src/core/normalize.js';

const base: ContentTypeDef = { key: 'Article', baseType: '_page', displayName: 'Article', properties: {} };

/** The JSON `null` a platform sends for a member it leaves unset; the model's types do not admit it. */
const NULL = null as never;

describe('normalizeProperty: equivalent spellings normalize to the same value', () => {
  const cases: Array<{ name: string; a: PropertyDef; b: PropertyDef }> = [
    { name: 'required false is the default', a: { type: 'string', required: false }, b: { type: 'string' } },
    { name: 'localized false is the default', a: { type: 'string', localized: false }, b: { type: 'string' } },
    { name: 'displayMode available is the default', a: { type: 'string', displayMode: 'available' }, b: { type: 'string' } },
    { name: 'sortOrder 0 is the default', a: { type: 'string', sortOrder: 0 }, b: { type: 'string' } },
    { name: 'empty group lets the platform choose', a: { type: 'string', group: '' }, b: { type: 'string' } },
    { name: 'empty description', a: { type: 'string', description: '' }, b: { type: 'string' } },
    { name: 'empty enum', a: { type: 'string', enum: [] }, b: { type: 'string' } },
    { name: 'empty editorSettings', a: { type: 'richText', editorSettings: {} }, b: { type: 'richText' } },
    {
      name: 'allowedTypes is a set',
      a: { type: 'content', allowedTypes: ['B', 'A', 'B'] },
      b: { type: 'content', allowedTypes: ['A', 'B'] },
    },
    {
      name: 'item allowedTypes is a set',
      a: { type: 'array', items: { type: 'content', allowedTypes: ['Z', 'A'], restrictedTypes: [] } },
      b: { type: 'array', items: { type: 'content', allowedTypes: ['A', 'Z'] } },
    },
    { name: 'empty pattern', a: { type: 'string', pattern: '' }, b: { type: 'string' } },
    { name: 'empty format', a: { type: 'string', format: '' }, b: { type: 'string' } },
    {
      name: 'null members are absent',
      a: { type: 'array', items: { type: 'string', minLength: NULL, maxLength: NULL }, minItems: NULL, maxItems: NULL, indexingType: NULL },
      b: { type: 'array', items: { type: 'string' } },
    },
    { name: 'null bounds are absent', a: { type: 'integer', minimum: NULL, maximum: NULL }, b: { type: 'integer' } },
    {
      name: 'an enum entry is its value and display name, nothing else',
      a: { type: 'string', enum: [{ value: 'a', displayName: 'A', id: 7 } as EnumValue] },
      b: { type: 'string', enum: [{ value: 'a', displayName: 'A' }] },
    },
  ];
  it.each(cases)('$name', ({ a, b }) => {
    expect(normalizeProperty(a, OPTIMIZELY_DEFAULTS)).toEqual(normalizeProperty(b, OPTIMIZELY_DEFAULTS));
    expect(digest(normalizeProperty(a, OPTIMIZELY_DEFAULTS))).toBe(digest(normalizeProperty(b, OPTIMIZELY_DEFAULTS)));
  });
});

describe('normalizeProperty: meaningful differences survive', () => {
  const cases: Array<{ name: string; a: PropertyDef; b: PropertyDef }> = [
    { name: 'required', a: { type: 'string', required: true }, b: { type: 'string' } },
    { name: 'sortOrder', a: { type: 'string', sortOrder: 1 }, b: { type: 'string', sortOrder: 2 } },
    {
      name: 'enum order is display order',
      a: {
        type: 'string',
        enum: [
          { value: 'a', displayName: 'A' },
          { value: 'b', displayName: 'B' },
        ],
      },
      b: {
        type: 'string',
        enum: [
          { value: 'b', displayName: 'B' },
          { value: 'a', displayName: 'A' },
        ],
      },
    },
    { name: 'type', a: { type: 'string' }, b: { type: 'richText' } },
    { name: 'item type', a: { type: 'array', items: { type: 'string' } }, b: { type: 'array', items: { type: 'url' } } },
  ];
  it.each(cases)('$name', ({ a, b }) => {
    expect(digest(normalizeProperty(a, OPTIMIZELY_DEFAULTS))).not.toBe(digest(normalizeProperty(b, OPTIMIZELY_DEFAULTS)));
  });
});

describe('normalizeContentType: equivalent spellings normalize to the same value', () => {
  const cases: Array<{ name: string; a: ContentTypeDef; b: ContentTypeDef }> = [
    { name: 'contracts is a set', a: { ...base, contracts: ['Seo', 'Nav', 'Seo'] }, b: { ...base, contracts: ['Nav', 'Seo'] } },
    {
      name: 'media extensions are trimmed, without dot, lower case',
      a: { ...base, mediaFileExtensions: [' .JPG ', 'png'] },
      b: { ...base, mediaFileExtensions: ['jpg', 'png'] },
    },
    {
      name: 'an access right without a type is a role',
      a: { ...base, accessRights: [{ name: 'Editors' } as AccessRight] },
      b: { ...base, accessRights: [{ name: 'Editors', type: 'role' }] },
    },
    {
      name: 'accessRights is a set of (type, name)',
      a: {
        ...base,
        accessRights: [
          { name: 'Editors', type: 'role' },
          { name: 'Admins', type: 'role' },
          { name: 'Editors', type: 'role' },
        ],
      },
      b: {
        ...base,
        accessRights: [
          { name: 'Admins', type: 'role' },
          { name: 'Editors', type: 'role' },
        ],
      },
    },
  ];
  it.each(cases)('$name', ({ a, b }) => {
    expect(normalizeContentType(a, OPTIMIZELY_DEFAULTS)).toEqual(normalizeContentType(b, OPTIMIZELY_DEFAULTS));
    expect(digest(normalizeContentType(a, OPTIMIZELY_DEFAULTS))).toBe(digest(normalizeContentType(b, OPTIMIZELY_DEFAULTS)));
  });

  it('keeps an access right of a user apart from a role of the same name', () => {
    const rights: AccessRight[] = [
      { name: 'ann', type: 'user' },
      { name: 'ann', type: 'role' },
    ];
    expect(normalizeContentType({ ...base, accessRights: rights }, OPTIMIZELY_DEFAULTS).accessRights).toEqual([
      { name: 'ann', type: 'role' },
      { name: 'ann', type: 'user' },
    ]);
  });
});

describe('normalizePropertyGroup', () => {
  it('drops the default sortOrder and keeps another', () => {
    expect(normalizePropertyGroup({ key: 'Seo', displayName: 'SEO', sortOrder: 0 }, OPTIMIZELY_DEFAULTS)).toEqual({
      key: 'Seo',
      displayName: 'SEO',
    });
    expect(normalizePropertyGroup({ key: 'Seo', displayName: 'SEO', sortOrder: 10 }, OPTIMIZELY_DEFAULTS)).toEqual({
      key: 'Seo',
      displayName: 'SEO',
      sortOrder: 10,
    });
  });
});

describe('normalizeContentType', () => {
  it('sorts set-like lists, lower-cases media extensions and drops defaults', () => {
    const normalized = normalizeContentType(
      {
        ...base,
        sortOrder: 0,
        description: '',
        mayContainTypes: ['Z', '*', 'A'],
        mediaFileExtensions: ['.JPG', 'png', 'jpg'],
        compositionBehaviors: [],
        isContract: false,
      },
      OPTIMIZELY_DEFAULTS,
    );
    expect(normalized).toEqual({ ...base, mayContainTypes: ['*', 'A', 'Z'], mediaFileExtensions: ['jpg', 'png'] });
  });

  it('keeps an empty accessRights list, which means nobody may create content', () => {
    expect(normalizeContentType({ ...base, accessRights: [] }, OPTIMIZELY_DEFAULTS).accessRights).toEqual([]);
    expect(normalizeContentType({ ...base, accessRights: undefined }, OPTIMIZELY_DEFAULTS).accessRights).toBeUndefined();
  });

  it('gives contracts a null base type', () => {
    expect(normalizeContentType({ ...base, isContract: true }, OPTIMIZELY_DEFAULTS).baseType).toBeNull();
  });

  it('is idempotent', () => {
    const once = normalizeContentType(
      {
        ...base,
        contracts: ['SEO', 'Editorial'],
        properties: { title: { type: 'string', required: true, sortOrder: 0 }, body: { type: 'richText' } },
      },
      OPTIMIZELY_DEFAULTS,
    );
    expect(normalizeContentType(once, OPTIMIZELY_DEFAULTS)).toEqual(once);
  });

  it('puts members in sorted order at every level, so a normalized definition serializes canonically', () => {
    const normalized = normalizeContentType(
      {
        properties: {
          body: { type: 'array', items: { type: 'string', maxLength: 3 }, displayName: 'Body' },
          abstract: { type: 'url', description: 'x' },
        },
        key: 'Article',
        displayName: 'Article',
        baseType: '_page',
        description: 'An article',
      },
      OPTIMIZELY_DEFAULTS,
    );
    expect(JSON.stringify(normalized)).toBe(canonicalJson(normalized));
  });

  it('gives the same digest whatever the member order', () => {
    const a = normalizeContentType({ ...base, properties: { a: { type: 'string' }, b: { type: 'url' } } }, OPTIMIZELY_DEFAULTS);
    const b = normalizeContentType(
      { properties: { b: { type: 'url' }, a: { type: 'string' } }, displayName: 'Article', baseType: '_page', key: 'Article' },
      OPTIMIZELY_DEFAULTS,
    );
    expect(digest(a)).toBe(digest(b));
  });
});

describe('normalize: gaps found while building the planner', () => {
  it('drops objects whose members are all undefined, so normalization stays idempotent', () => {
    const spelled: PropertyDef = {
      type: 'binary',
      imageDescriptor: { width: undefined, height: undefined },
      editorSettings: { preset: undefined },
    };
    const once = normalizeProperty(spelled, OPTIMIZELY_DEFAULTS);
    expect(once).toEqual({ type: 'binary' });
    expect(normalizeProperty(once, OPTIMIZELY_DEFAULTS)).toEqual(once);
    expect(digest(once)).toBe(digest(normalizeProperty({ type: 'binary' }, OPTIMIZELY_DEFAULTS)));
  });

  it('keeps an object with at least one defined member', () => {
    expect(
      normalizeProperty({ type: 'binary', imageDescriptor: { width: 10, height: undefined } }, OPTIMIZELY_DEFAULTS).imageDescriptor,
    ).toEqual({ width: 10 });
  });
});
