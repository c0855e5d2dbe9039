import { OPTIMIZELY_DEFAULTS } from '../../../src/adapters/optimizely/profile.js';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import type { ItemDef, PropertyDef } from '../../../src/core/model.js';
import { normalizeProperty } from '../../../src/core/normalize.js';
import type { RowContext } from '../../../src/sources/catalyst/catalyst-diagnostics.js';
import { FieldReader, type MappingNotes } from '../../../src/sources/catalyst/map/field-reader.js';
import { EMAIL_PATTERN } from '../../../src/sources/catalyst/map/catalyst-field-types.js';
import { mapField, type FieldEvidence } from '../../../src/sources/catalyst/map/map-field.js';

const context: RowContext = {
  website: { id: 'w1', name: 'Site', category: null },
  row: {
    id: 'ct1',
    websiteId: 'w1',
    name: 'Thing',
    fieldsJson: '[]',
    settingsJson: null,
    category: null,
    createdAt: null,
    updatedAt: null,
  },
};

function map(attributes: Record<string, unknown>, evidence: FieldEvidence = {}) {
  const diagnostics: Diagnostic[] = [];
  const notes: MappingNotes = { decisions: [], lost: [] };
  const field = { index: 0, name: String(attributes.name), type: String(attributes.type), attributes };
  const reader = new FieldReader(attributes, field.name, context, diagnostics, notes);
  const mapped = mapField(field, reader, evidence);
  return { mapped, diagnostics, notes, codes: diagnostics.map((diagnostic) => `${diagnostic.severity}:${diagnostic.code}`) };
}

const image: PropertyDef & ItemDef = { type: 'contentReference', allowedTypes: ['_image'] };

describe('mapField: every Catalyst field type, both spellings of constraints', () => {
  const cases: Array<{ name: string; field: Record<string, unknown>; expected: PropertyDef; codes?: string[]; evidence?: FieldEvidence }> =
    [
      {
        name: 'text (shape B top-level maxLength)',
        field: { name: 'title', type: 'text', required: true, maxLength: 200 },
        expected: { type: 'string', required: true, maxLength: 200 },
      },
      {
        name: 'text (shape A validation, label, helpText)',
        field: {
          name: 'dishName',
          label: 'Dish Name',
          type: 'text',
          required: true,
          validation: { minLength: 2, maxLength: 80, pattern: '^[A-Z]' },
          helpText: 'Shown',
        },
        expected: {
          type: 'string',
          required: true,
          minLength: 2,
          maxLength: 80,
          pattern: '^[A-Z]',
          displayName: 'Dish Name',
          description: 'Shown',
        },
      },
      {
        name: 'textarea',
        field: { name: 'bio', type: 'textarea', validation: { maxLength: 300 } },
        expected: { type: 'string', maxLength: 300 },
      },
      {
        name: 'email gets a pattern',
        field: { name: 'email', type: 'email', required: true },
        expected: { type: 'string', required: true, pattern: EMAIL_PATTERN },
      },
      { name: 'richText', field: { name: 'body', type: 'richText' }, expected: { type: 'richText' } },
      { name: 'richtext (AI tool spelling)', field: { name: 'body', type: 'richtext' }, expected: { type: 'richText' } },
      {
        name: 'help (PoC transformer spelling) is the description',
        field: { name: 'body', type: 'richText', help: 'Main text' },
        expected: { type: 'richText', description: 'Main text' },
      },
      {
        name: 'number with precision 2 is float',
        field: { name: 'price', type: 'number', validation: { min: 0, max: 25, precision: 2 } },
        expected: { type: 'float', minimum: 0, maximum: 25 },
        codes: ['warning:CAT205'],
      },
      {
        name: 'number with precision 0 is integer',
        field: { name: 'count', type: 'number', validation: { precision: 0 } },
        expected: { type: 'integer' },
      },
      {
        name: 'number with whole bounds (shape B) is integer',
        field: { name: 'year', type: 'number', min: 2020, max: 2030 },
        expected: { type: 'integer', minimum: 2020, maximum: 2030 },
      },
      {
        name: 'number with one bound and no items is float, reported',
        field: { name: 'price', type: 'number', min: 0 },
        expected: { type: 'float', minimum: 0 },
        codes: ['warning:CAT206'],
      },
      {
        name: 'number with fractional samples is float',
        field: { name: 'price', type: 'number' },
        evidence: { samples: [49.99, 89.99] },
        expected: { type: 'float' },
      },
      {
        name: 'number with two whole samples is integer',
        field: { name: 'stock', type: 'number' },
        evidence: { samples: [10, 12] },
        expected: { type: 'integer' },
      },
      {
        name: 'number with one whole sample is still a guess',
        field: { name: 'stock', type: 'number' },
        evidence: { samples: [10] },
        expected: { type: 'float' },
        codes: ['warning:CAT206'],
      },
      {
        name: 'number override wins',
        field: { name: 'price', type: 'number', validation: { precision: 2 } },
        evidence: { numberOverride: 'integer' },
        expected: { type: 'integer' },
      },
      {
        name: 'boolean with default (reported)',
        field: { name: 'digital', type: 'boolean', default: true },
        expected: { type: 'boolean' },
        codes: ['warning:CAT205'],
      },
      {
        name: 'date with minDate/maxDate and format',
        field: { name: 'from', type: 'date', validation: { minDate: '2024-01-01', maxDate: '2026-12-31', format: 'YYYY-MM-DD' } },
        expected: { type: 'dateTime', minimum: '2024-01-01T00:00:00Z', maximum: '2026-12-31T00:00:00Z' },
        codes: ['warning:CAT205'],
      },
      { name: 'datetime', field: { name: 'startsAt', type: 'datetime', required: true }, expected: { type: 'dateTime', required: true } },
      {
        name: 'image with UI validation (reported)',
        field: { name: 'logo', type: 'image', validation: { maxSize: 5242880, allowedTypes: ['image/png'] } },
        expected: image,
        codes: ['warning:CAT205', 'warning:CAT205'],
      },
      {
        name: 'gallery',
        field: { name: 'images', type: 'gallery', required: true },
        expected: { type: 'array', required: true, items: image },
      },
      {
        name: 'media',
        field: { name: 'poster', type: 'media' },
        expected: { type: 'contentReference', allowedTypes: ['_image', '_media', '_video'] },
      },
      { name: 'reference', field: { name: 'pairsWith', type: 'reference' }, expected: { type: 'contentReference' } },
      { name: 'relation', field: { name: 'host', type: 'relation' }, expected: { type: 'contentReference' } },
      {
        name: 'select with string options (seed)',
        field: { name: 'category', type: 'select', options: ['A', 'B'] },
        expected: {
          type: 'string',
          enum: [
            { value: 'A', displayName: 'A' },
            { value: 'B', displayName: 'B' },
          ],
        },
      },
      {
        name: 'select with {label, value} options and an option description (reported)',
        field: {
          name: 'size',
          type: 'select',
          options: [
            { label: 'Small', value: 's' },
            { label: 'Regular', value: 'r', description: 'Default cup' },
          ],
        },
        expected: {
          type: 'string',
          enum: [
            { value: 's', displayName: 'Small' },
            { value: 'r', displayName: 'Regular' },
          ],
        },
        codes: ['warning:CAT205'],
      },
      {
        name: 'select with whole-number values is integer',
        field: {
          name: 'amount',
          type: 'select',
          options: [
            { label: '$25', value: 25 },
            { label: '$50', value: 50 },
          ],
        },
        expected: {
          type: 'integer',
          enum: [
            { value: 25, displayName: '$25' },
            { value: 50, displayName: '$50' },
          ],
        },
      },
      {
        name: 'select with fractional values is float',
        field: { name: 'ratio', type: 'select', options: [0.5, 1] },
        expected: {
          type: 'float',
          enum: [
            { value: 0.5, displayName: '0.5' },
            { value: 1, displayName: '1' },
          ],
        },
      },
      {
        name: 'select without options is a plain string, reported',
        field: { name: 'availability', type: 'select', required: true },
        expected: { type: 'string', required: true },
        codes: ['warning:CAT207'],
      },
      {
        name: 'multiselect',
        field: { name: 'formats', type: 'multiselect', options: [{ label: 'Cupping', value: 'cupping' }] },
        expected: { type: 'array', items: { type: 'string', enum: [{ value: 'cupping', displayName: 'Cupping' }] } },
      },
      { name: 'tags', field: { name: 'tags', type: 'tags' }, expected: { type: 'array', items: { type: 'string' } } },
      { name: 'json', field: { name: 'nutrition', type: 'json' }, expected: { type: 'json' } },
      {
        name: 'url with a pattern (reported: url takes none)',
        field: { name: 'orderLink', type: 'url', validation: { pattern: '^https://' } },
        expected: { type: 'url' },
        codes: ['warning:CAT205'],
      },
      {
        name: 'array of text',
        field: { name: 'tags', type: 'array', itemType: 'text' },
        expected: { type: 'array', items: { type: 'string' } },
      },
      {
        name: 'array of image with maxItems',
        field: { name: 'images', type: 'array', itemType: 'image', maxItems: 10 },
        expected: { type: 'array', items: image, maxItems: 10 },
      },
      {
        name: 'object becomes a component (contentType set by the type mapper)',
        field: { name: 'social', type: 'object', fields: [{ name: 'twitter', type: 'text' }] },
        expected: { type: 'component' },
      },
      {
        name: 'unique and placeholder are reported',
        field: { name: 'slug', type: 'text', unique: true, placeholder: 'my-post' },
        expected: { type: 'string' },
        codes: ['warning:CAT205', 'warning:CAT205'],
      },
      {
        name: 'an unknown attribute is reported',
        field: { name: 'title', type: 'text', colour: 'red' },
        expected: { type: 'string' },
        codes: ['warning:CAT209'],
      },
      {
        name: 'an unknown validation key is reported',
        field: { name: 'title', type: 'text', validation: { minWords: 3 } },
        expected: { type: 'string' },
        codes: ['warning:CAT209'],
      },
      {
        name: 'ids, null defaults and empty placeholders are not noise',
        field: { id: 'f1', name: 'title', type: 'text', defaultValue: null, placeholder: '' },
        expected: { type: 'string' },
      },
    ];
  it.each(cases)('$name', ({ field, expected, codes = [], evidence }) => {
    const result = map(field, evidence);
    expect(result.mapped).toBeDefined();
    expect(normalizeProperty(result.mapped!.property, OPTIMIZELY_DEFAULTS)).toEqual(normalizeProperty(expected, OPTIMIZELY_DEFAULTS));
    expect(result.codes.sort()).toEqual([...codes].sort());
  });

  it('every warning about a lost attribute is also a YAML header note', () => {
    const result = map({ name: 'slug', type: 'text', unique: true, placeholder: 'my-post' });
    expect(result.notes.lost).toEqual([
      'slug: placeholder "my-post" (editor hint)',
      'slug: unique true (Optimizely cannot enforce unique values)',
    ]);
  });
});

describe('mapField: what cannot be mapped is an error naming the row and field, never a string', () => {
  const cases: Array<{ name: string; field: Record<string, unknown>; code: string }> = [
    { name: 'unknown type', field: { name: 'accent', type: 'color' }, code: 'CAT201' },
    { name: 'array without itemType', field: { name: 'list', type: 'array' }, code: 'CAT202' },
    { name: 'array of objects', field: { name: 'list', type: 'array', itemType: 'object' }, code: 'CAT202' },
    { name: 'object without fields', field: { name: 'social', type: 'object' }, code: 'CAT203' },
    { name: 'object with a nameless nested field', field: { name: 'social', type: 'object', fields: [{ type: 'text' }] }, code: 'CAT203' },
    { name: 'options that are not a list', field: { name: 'size', type: 'select', options: 'S,M,L' }, code: 'CAT204' },
    { name: 'boolean option values', field: { name: 'flag', type: 'select', options: [{ label: 'Yes', value: true }] }, code: 'CAT204' },
    { name: 'mixed option value types', field: { name: 'size', type: 'select', options: ['S', 2] }, code: 'CAT204' },
  ];
  it.each(cases)('$name', ({ field, code }) => {
    const result = map(field);
    expect(result.mapped).toBeUndefined();
    const error = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    expect(error?.code).toBe(code);
    expect(error?.detail).toContain('website "Site" (w1), content type "Thing" (ct1)');
    expect(error?.detail).toContain(`field "${String(field.name)}"`);
  });
});
