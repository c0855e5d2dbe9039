import { OPTIMIZELY_DEFAULTS } from '../../../src/adapters/optimizely/profile.js';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import type { PropertyDef } from '../../../src/core/model.js';
import { normalizeProperty } from '../../../src/core/normalize.js';
import type { RowContext } from '../../../src/sources/catalyst/catalyst-diagnostics.js';
import { FieldReader } from '../../../src/sources/catalyst/map/field-reader.js';
import { EMAIL_PATTERN } from '../../../src/sources/catalyst/map/catalyst-field-types.js';
import { mapField } from '../../../src/sources/catalyst/map/map-field.js';
import type { FieldsShape, JsonObject } from '../../../src/sources/catalyst/read/parse-content-type-row.js';
import { toCatalystField, type FieldWriteContext } from '../../../src/sources/catalyst/export/to-catalyst-field.js';

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

function writer(shape: FieldsShape): FieldWriteContext {
  return { shape, isRowKey: (key) => key === 'Location', nestedFields: () => undefined, newFieldId: (name) => `field_${name}_1` };
}

function readBack(field: JsonObject): { property?: PropertyDef; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const reader = new FieldReader(field, String(field.name), context, diagnostics, { decisions: [], lost: [] });
  return {
    property: mapField({ index: 0, name: String(field.name), type: String(field.type), attributes: field }, reader, {})?.property,
    diagnostics,
  };
}

describe('toCatalystField: a new field reads back as the same property, in both shapes', () => {
  const properties: Array<[string, PropertyDef, string]> = [
    [
      'string with limits',
      { type: 'string', displayName: 'Title', description: 'Shown', required: true, minLength: 2, maxLength: 80, pattern: '^[A-Z]' },
      'text',
    ],
    ['email', { type: 'string', pattern: EMAIL_PATTERN }, 'email'],
    [
      'string enum',
      {
        type: 'string',
        enum: [
          { value: 's', displayName: 'Small' },
          { value: 'l', displayName: 'Large' },
        ],
      },
      'select',
    ],
    ['integer enum', { type: 'integer', enum: [{ value: 25, displayName: '$25' }] }, 'select'],
    ['integer with bounds', { type: 'integer', minimum: 0, maximum: 10 }, 'number'],
    ['integer without bounds', { type: 'integer' }, 'number'],
    ['float with whole bounds', { type: 'float', minimum: 0, maximum: 25 }, 'number'],
    ['richText', { type: 'richText' }, 'richText'],
    ['boolean', { type: 'boolean' }, 'boolean'],
    ['json', { type: 'json' }, 'json'],
    ['url', { type: 'url' }, 'url'],
    ['dateTime with date bounds', { type: 'dateTime', minimum: '2024-01-01T00:00:00Z', maximum: '2026-12-31T00:00:00Z' }, 'date'],
    ['image', { type: 'contentReference', allowedTypes: ['_image'] }, 'image'],
    ['media', { type: 'contentReference', allowedTypes: ['_image', '_media', '_video'] }, 'media'],
    ['any reference', { type: 'contentReference' }, 'reference'],
    ['list of strings', { type: 'array', items: { type: 'string' }, maxItems: 5 }, 'tags|array'],
    ['list of images', { type: 'array', items: { type: 'contentReference', allowedTypes: ['_image'] }, minItems: 1 }, 'gallery|array'],
    ['multiselect', { type: 'array', items: { type: 'string', enum: [{ value: 'a', displayName: 'A' }] } }, 'multiselect'],
    ['list of numbers', { type: 'array', items: { type: 'integer', minimum: 1, maximum: 5 } }, 'array'],
  ];
  for (const shape of ['wrapper', 'array'] as const) {
    it.each(properties)(`${shape}: %s`, (_name, property, types) => {
      const write = toCatalystField('prop', property, undefined, writer(shape));
      expect(write.unrepresentable).toBeUndefined();
      const [wrapperType, arrayType = wrapperType] = types.split('|');
      expect(write.field?.type).toBe(shape === 'wrapper' ? wrapperType : arrayType);
      expect(write.field && 'validation' in write.field).toBe(shape === 'wrapper' && write.field?.validation !== undefined);
      const back = readBack(write.field!);
      expect(back.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
      expect(normalizeProperty(back.property!, OPTIMIZELY_DEFAULTS)).toEqual(normalizeProperty(property, OPTIMIZELY_DEFAULTS));
    });
  }

  it('a reference to one Catalyst type needs a relationship; a list of them is the relationship alone', () => {
    expect(
      toCatalystField('location', { type: 'contentReference', allowedTypes: ['Location'] }, undefined, writer('wrapper')),
    ).toMatchObject({
      field: { type: 'reference' },
      relationship: { targetKey: 'Location', toMany: false, relationshipOnly: false },
    });
    expect(
      toCatalystField(
        'staff',
        { type: 'array', items: { type: 'contentReference', allowedTypes: ['Location'] } },
        undefined,
        writer('wrapper'),
      ),
    ).toEqual({
      relationship: { targetKey: 'Location', toMany: true, relationshipOnly: true },
    });
  });

  it.each([
    ['content', { type: 'content' }],
    ['link', { type: 'link' }],
    ['component of a type not in the YAML', { type: 'component', contentType: 'Hero' }],
  ] as Array<[string, PropertyDef]>)('%s has no Catalyst field', (_name, property) => {
    expect(toCatalystField('x', property, undefined, writer('wrapper')).unrepresentable).toBeDefined();
  });

  it('an existing field keeps its type, id and attributes with no Optimizely home', () => {
    const existing = {
      id: 'f1',
      name: 'bio',
      label: 'Bio',
      type: 'textarea',
      placeholder: 'Tell us',
      validation: { maxLength: 300 },
      order: 2,
    };
    const write = toCatalystField(
      'bio',
      { type: 'string', displayName: 'Biography', maxLength: 500, sortOrder: 2 },
      existing,
      writer('wrapper'),
    );
    expect(write.field).toEqual({
      id: 'f1',
      name: 'bio',
      label: 'Biography',
      type: 'textarea',
      placeholder: 'Tell us',
      validation: { maxLength: 500 },
      order: 2,
    });
    const options = toCatalystField(
      'size',
      { type: 'string', enum: [{ value: 'r', displayName: 'Regular' }] },
      { name: 'size', type: 'select', options: [{ label: 'Reg', value: 'r', description: 'Default cup' }] },
      writer('wrapper'),
    );
    expect(options.field?.options).toEqual([{ label: 'Regular', value: 'r', description: 'Default cup' }]);
  });
});
