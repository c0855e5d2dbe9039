import { describe, expect, it } from 'vitest';
import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { PROPERTY_KEY_PATTERN } from '../../src/core/validate-property.js';
import { parseContentTypeText } from '../../src/io/yaml/parse-content-type-text.js';

const parse = (key: string) =>
  parseContentTypeText(`key: Sample\nbaseType: _component\nproperties:\n  ${key}: string\n`, 'sample.yaml', OPTIMIZELY_DEFAULTS);

describe('the JSON Schema and the validator agree on property keys', () => {
  it('refuses a one-letter key in the schema pass, as V006 would', () => {
    expect(PROPERTY_KEY_PATTERN.test('x')).toBe(false);
    expect(parse('x').diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.summary}`)).toEqual([
      'Y008 Invalid property key "x"',
    ]);
  });

  it('accepts a two-letter key in both', () => {
    expect(PROPERTY_KEY_PATTERN.test('xy')).toBe(true);
    expect(parse('xy').diagnostics).toEqual([]);
  });
});
