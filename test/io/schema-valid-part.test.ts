import { describe, expect, it } from 'vitest';
import { schemaValidator } from '../../src/io/schema/schema-validator.js';
import { schemaValidPart } from '../../src/io/yaml/schema-valid-part.js';

const validate = (candidate: Record<string, unknown>) => schemaValidator('content-type.schema.json').validate(candidate, 'contentType');
const part = (value: Record<string, unknown>) => schemaValidPart(value, validate(value), validate);
const base = { key: 'Article', baseType: 'page', displayName: 'Article' };

describe('the schema-valid part of a content type with schema errors', () => {
  it('leaves out a property with an error as a whole, and keeps the others', () => {
    expect(
      part({
        ...base,
        properties: { title: { type: 'string', required: 'yes' }, body: 'richText', x: 'string', wrong: { tpye: 'string' } },
      }),
    ).toEqual({ ...base, properties: { body: 'richText' } });
  });

  it('leaves out a top-level member with an error, or an unknown one, alone', () => {
    expect(part({ ...base, mayContainTypes: 5, sortOrdr: 1, properties: { body: 'richText' } })).toEqual({
      ...base,
      properties: { body: 'richText' },
    });
  });

  it('gives up when what remains is still refused: a required member missing or wrong', () => {
    expect(part({ key: 'Article', displayName: 'Article', properties: { body: 'richText' } })).toBeUndefined();
    expect(part({ ...base, key: 5 })).toBeUndefined();
  });

  it('leaves a valid content type as it is', () => {
    const value = { ...base, properties: { body: 'richText' } };
    expect(schemaValidPart(value, [], validate)).toEqual(value);
  });
});
