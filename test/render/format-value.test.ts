import { describe, expect, it } from 'vitest';
import type { ItemDef, PropertyDef } from '../../src/core/model.js';
import {
  formatItemCount,
  formatMemberValue,
  formatPropertySummary,
  formatPropertyType,
  formatValue,
} from '../../src/render/format-value.js';

describe('formatValue', () => {
  it.each<[string, unknown, string]>([
    ['absent', undefined, '(absent)'],
    ['null', null, 'null'],
    ['a string, JSON-quoted', 'say "hi"', '"say \\"hi\\""'],
    ['a number', 3.5, '3.5'],
    ['a boolean', true, 'true'],
    ['an empty list', [], '[]'],
    ['a list, spaced', ['a', 'b'], '["a", "b"]'],
    ['an object, identifier keys bare', { width: 100, height: 50 }, '{width: 100, height: 50}'],
    ['an object, other keys quoted', { 'max-width': 1, '2x': true }, '{"max-width": 1, "2x": true}'],
    ['undefined members left out', { a: 1, b: undefined }, '{a: 1}'],
    ['nested', { list: [{ x: 'y' }] }, '{list: [{x: "y"}]}'],
  ])('%s', (_name, value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });
});

describe('formatMemberValue', () => {
  const words = [
    { value: 'news', displayName: 'news' },
    { value: 'blog', displayName: 'blog' },
  ];
  const named = [
    { value: 's', displayName: 'Small' },
    { value: 3, displayName: 'High' },
  ];
  it.each<[string, string | undefined, unknown, string]>([
    ['enum whose names are its values: the values', 'enum', words, '["news", "blog"]'],
    ['enum with names: value → name, numbers bare', 'enum', named, '{"s": "Small", 3: "High"}'],
    ['enum under a dotted path', 'properties.size.items.enum', named, '{"s": "Small", 3: "High"}'],
    [
      'accessRights: name and type',
      'accessRights',
      [
        { name: 'Editors', type: 'role' },
        { name: 'ci-bot', type: 'application' },
      ],
      '["Editors" (role), "ci-bot" (application)]',
    ],
    ['enum that is not a list of values: JSON-ish', 'enum', 'odd', '"odd"'],
    ['any other member', 'displayName', 'Article', '"Article"'],
    ['no member', undefined, [1, 2], '[1, 2]'],
  ])('%s', (_name, member, value, expected) => {
    expect(formatMemberValue(member, value)).toBe(expected);
  });
});

describe('formatPropertyType', () => {
  it.each<[PropertyDef | ItemDef, string]>([
    [{ type: 'string' }, 'string'],
    [{ type: 'string', format: 'shortString' }, 'string'],
    [{ type: 'array', items: { type: 'contentReference' } }, 'array<contentReference>'],
    [{ type: 'component', contentType: 'Hero' }, 'component<Hero>'],
    [{ type: 'array', items: { type: 'component', contentType: 'Card' } }, 'array<component<Card>>'],
    [{ type: 'component' }, 'component'],
  ])('%j → %s', (property, expected) => {
    expect(formatPropertyType(property)).toBe(expected);
  });
});

describe('formatPropertySummary', () => {
  it.each<[string, PropertyDef, string]>([
    ['type only', { type: 'richText' }, 'richText'],
    ['flags after the type', { type: 'string', localized: true, required: true }, 'string, required, localized'],
    ['sortOrder is left to the listing order', { type: 'string', sortOrder: 7 }, 'string'],
    [
      'every member, in reading order',
      {
        type: 'string',
        maxLength: 120,
        minLength: 2,
        group: 'SEO',
        displayName: 'Title',
        description: 'Shown in lists',
        indexingType: 'searchable',
        displayMode: 'hidden',
        pattern: '^[A-Z]',
        format: 'shortString',
        editorSettings: { rows: 3 },
      },
      'string, displayName: "Title", description: "Shown in lists", group: "SEO", indexingType: "searchable", displayMode: "hidden", format: "shortString", minLength: 2, maxLength: 120, pattern: "^[A-Z]", editorSettings: {rows: 3}',
    ],
    [
      'a component names its type in the type word',
      { type: 'component', contentType: 'Hero', required: true },
      'component<Hero>, required',
    ],
    [
      'array members, then the items’ own',
      {
        type: 'array',
        format: 'LinkCollection',
        maxItems: 5,
        items: { type: 'contentReference', allowedTypes: ['ArticlePage'], restrictedTypes: ['_folder'] },
      },
      'array<contentReference>, format: "LinkCollection", maxItems: 5, items.allowedTypes: ["ArticlePage"], items.restrictedTypes: ["_folder"]',
    ],
    ['enum in its short form', { type: 'integer', enum: [{ value: 1, displayName: 'Low' }] }, 'integer, enum: {1: "Low"}'],
    [
      'image descriptor as an object',
      { type: 'contentReference', imageDescriptor: { width: 800, height: 600 } },
      'contentReference, imageDescriptor: {width: 800, height: 600}',
    ],
  ])('%s', (_name, property, expected) => {
    expect(formatPropertySummary(property)).toBe(expected);
  });

  it('shows a member it does not know, after the known ones, rather than hiding it', () => {
    const property = { type: 'string', zeta: 1, maxLength: 3 } as unknown as PropertyDef;
    expect(formatPropertySummary(property)).toBe('string, maxLength: 3, zeta: 1');
  });
});

describe('formatItemCount', () => {
  it.each<[number | null, string]>([
    [null, 'content items of this type: unknown; the CMS could not count them'],
    [0, 'no content items of this type in the CMS yet'],
    [1, '1 content item of this type in the CMS'],
    [1250, '1250 content items of this type in the CMS'],
  ])('%j → %s', (count, expected) => {
    expect(formatItemCount(count)).toBe(expected);
  });
});
