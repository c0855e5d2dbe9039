import { describe, expect, it } from 'vitest';
import { assignSortOrders } from '../../../src/sources/catalyst/map/assign-sort-orders.js';
import { decideBaseType, type BaseTypeEvidence } from '../../../src/sources/catalyst/map/decide-base-type.js';
import { decideNumberType, type NumberEvidence } from '../../../src/sources/catalyst/map/decide-number-type.js';
import { isValidKey, toPropertyKey, toTypeKey } from '../../../src/sources/catalyst/map/derive-key.js';

describe('toTypeKey', () => {
  const cases: Array<[string, string | undefined]> = [
    ['Blog Post', 'BlogPost'],
    ['blog post', 'BlogPost'],
    ['Team Member', 'TeamMember'],
    ['FAQ entry', 'FAQEntry'],
    ['Café Menu', 'CafeMenu'],
    ['AI/ML Tools', 'AIMLTools'],
    ['2024 Events', 'Type2024Events'],
    ['X', 'TypeX'],
    ['🎉', undefined],
  ];
  it.each(cases)('%s → %s', (name, key) => {
    expect(toTypeKey(name)).toBe(key);
    if (key) expect(isValidKey(key)).toBe(true);
  });
});

describe('toPropertyKey', () => {
  const cases: Array<[string, string | undefined]> = [
    ['title', 'title'],
    ['featuredImage', 'featuredImage'],
    ['field_1755171605519', 'field_1755171605519'],
    ['Title', 'Title'],
    ['first name', 'firstName'],
    ['Meta-Title', 'metaTitle'],
    ['2fa code', 'field2faCode'],
    ['x', 'fieldX'],
    ['???', undefined],
  ];
  it.each(cases)('%s → %s', (name, key) => {
    expect(toPropertyKey(name)).toBe(key);
    if (key) expect(isValidKey(key)).toBe(true);
  });
});

describe('decideNumberType', () => {
  const cases: Array<{ name: string; evidence: NumberEvidence; type: 'integer' | 'float'; guessed?: boolean }> = [
    { name: 'override', evidence: { override: 'integer', precision: 2 }, type: 'integer' },
    { name: 'precision 0', evidence: { precision: 0, minimum: 0.5 }, type: 'integer' },
    { name: 'precision 2', evidence: { precision: 2 }, type: 'float' },
    { name: 'fractional default', evidence: { defaultValue: 3.5, minimum: 0, maximum: 25 }, type: 'float' },
    { name: 'fractional sample beats whole bounds', evidence: { minimum: 0, maximum: 100, samples: [1, 2.5] }, type: 'float' },
    { name: 'whole option values', evidence: { optionValues: [25, 50] }, type: 'integer' },
    { name: 'both bounds whole', evidence: { minimum: 1, maximum: 60 }, type: 'integer' },
    { name: 'one bound only', evidence: { minimum: 0 }, type: 'float', guessed: true },
    { name: 'two whole samples', evidence: { samples: [999, 12] }, type: 'integer' },
    { name: 'one whole sample is not enough', evidence: { samples: [50] }, type: 'float', guessed: true },
    { name: 'nothing', evidence: {}, type: 'float', guessed: true },
  ];
  it.each(cases)('$name → $type', ({ evidence, type, guessed = false }) => {
    const decision = decideNumberType(evidence);
    expect(decision.type).toBe(type);
    expect(decision.guessed).toBe(guessed);
  });
});

describe('decideBaseType', () => {
  const none: BaseTypeEvidence = { fieldNames: ['title'], itemCount: 0, itemsWithSlug: 0 };
  const cases: Array<{ name: string; evidence: BaseTypeEvidence; baseType: string }> = [
    { name: 'override beats everything', evidence: { ...none, override: 'folder', fieldNames: ['slug'] }, baseType: '_folder' },
    { name: 'category column', evidence: { ...none, categoryColumn: 'component', fieldNames: ['slug'] }, baseType: '_component' },
    { name: 'settings.category naming a base type', evidence: { ...none, settingsCategory: 'page' }, baseType: '_page' },
    {
      name: 'settings.category naming a website category is ignored',
      evidence: { ...none, settingsCategory: 'blog' },
      baseType: '_component',
    },
    { name: 'a slug field', evidence: { ...none, fieldNames: ['title', 'Slug'] }, baseType: '_page' },
    { name: 'items with a slug', evidence: { ...none, itemCount: 3, itemsWithSlug: 2 }, baseType: '_page' },
    { name: 'no evidence', evidence: none, baseType: '_component' },
    { name: 'no fields at all', evidence: { ...none, fieldNames: [] }, baseType: '_component' },
  ];
  it.each(cases)('$name → $baseType', ({ evidence, baseType }) => {
    const decision = decideBaseType(evidence);
    expect(decision.baseType).toBe(baseType);
    expect(decision.reason).not.toBe('');
  });
});

describe('assignSortOrders', () => {
  const field = (index: number, order?: unknown) => ({
    index,
    name: `f${index}`,
    type: 'text',
    attributes: order === undefined ? {} : { order },
  });
  const cases: Array<{ name: string; orders: unknown[]; expected: number[]; noted: boolean }> = [
    { name: 'distinct orders are kept', orders: [11, 12, 1, 2], expected: [11, 12, 1, 2], noted: false },
    { name: '0-based distinct orders are kept', orders: [0, 1, 2], expected: [0, 1, 2], noted: false },
    { name: 'no orders (shape B): stored position', orders: [undefined, undefined, undefined], expected: [1, 2, 3], noted: false },
    { name: 'duplicates: order, then stored position', orders: [1, 1, 2, 1], expected: [1, 2, 4, 3], noted: true },
    { name: 'some missing: those go last', orders: [2, undefined, 1], expected: [2, 3, 1], noted: true },
  ];
  it.each(cases)('$name', ({ orders, expected, noted }) => {
    const fields = orders.map((order, index) => field(index, order));
    const { sortOrders, note } = assignSortOrders(fields);
    expect(fields.map((entry) => sortOrders.get(entry.index))).toEqual(expected);
    expect(note !== undefined).toBe(noted);
  });
});
