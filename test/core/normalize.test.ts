import { describe, expect, it } from 'vitest';
import { digest } from '../../src/core/digest.js';
import type { ContentTypeDef, PropertyDef } from '../../src/core/model.js';
import { normalizeContentType, normalizeProperty } from '../../src/core/normalize.js';

const base: ContentTypeDef = { key: 'Article', baseType: '_page', displayName: 'Article', properties: {} };

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
  ];
  it.each(cases)('$name', ({ a, b }) => {
    expect(normalizeProperty(a)).toEqual(normalizeProperty(b));
    expect(digest(normalizeProperty(a))).toBe(digest(normalizeProperty(b)));
  });
});

describe('normalizeProperty: meaningful differences survive', () => {
  const cases: Array<{ name: string; a: PropertyDef; b: PropertyDef }> = [
    { name: 'required', a: { type: 'string', required: true }, b: { type: 'string' } },
    { name: 'sortOrder', a: { type: 'string', sortOrder: 1 }, b: { type: 'string', sortOrder: 2 } },
    {
      name: 'enum order is display order',
      a: { type: 'string', enum: [{ value: 'a', displayName: 'A' }, { value: 'b', displayName: 'B' }] },
      b: { type: 'string', enum: [{ value: 'b', displayName: 'B' }, { value: 'a', displayName: 'A' }] },
    },
    { name: 'type', a: { type: 'string' }, b: { type: 'richText' } },
    { name: 'item type', a: { type: 'array', items: { type: 'string' } }, b: { type: 'array', items: { type: 'url' } } },
  ];
  it.each(cases)('$name', ({ a, b }) => {
    expect(digest(normalizeProperty(a))).not.toBe(digest(normalizeProperty(b)));
  });
});

describe('normalizeContentType', () => {
  it('sorts set-like lists, lower-cases media extensions and drops defaults', () => {
    const normalized = normalizeContentType({
      ...base,
      sortOrder: 0,
      description: '',
      mayContainTypes: ['Z', '*', 'A'],
      mediaFileExtensions: ['.JPG', 'png', 'jpg'],
      compositionBehaviors: [],
      isContract: false,
    });
    expect(normalized).toEqual({ ...base, mayContainTypes: ['*', 'A', 'Z'], mediaFileExtensions: ['jpg', 'png'] });
  });

  it('keeps an empty accessRights list, which means nobody may create content', () => {
    expect(normalizeContentType({ ...base, accessRights: [] }).accessRights).toEqual([]);
    expect(normalizeContentType({ ...base, accessRights: undefined }).accessRights).toBeUndefined();
  });

  it('gives contracts a null base type', () => {
    expect(normalizeContentType({ ...base, isContract: true }).baseType).toBeNull();
  });

  it('is idempotent', () => {
    const once = normalizeContentType({
      ...base,
      contracts: ['SEO', 'Editorial'],
      properties: { title: { type: 'string', required: true, sortOrder: 0 }, body: { type: 'richText' } },
    });
    expect(normalizeContentType(once)).toEqual(once);
  });

  it('gives the same digest whatever the member order', () => {
    const a = normalizeContentType({ ...base, properties: { a: { type: 'string' }, b: { type: 'url' } } });
    const b = normalizeContentType({ properties: { b: { type: 'url' }, a: { type: 'string' } }, displayName: 'Article', baseType: '_page', key: 'Article' });
    expect(digest(a)).toBe(digest(b));
  });
});

describe('normalize: gaps found while building the planner', () => {
  it('drops objects whose members are all undefined, so normalization stays idempotent', () => {
    const spelled: PropertyDef = { type: 'binary', imageDescriptor: { width: undefined, height: undefined }, editorSettings: { preset: undefined } };
    const once = normalizeProperty(spelled);
    expect(once).toEqual({ type: 'binary' });
    expect(normalizeProperty(once)).toEqual(once);
    expect(digest(once)).toBe(digest(normalizeProperty({ type: 'binary' })));
  });

  it('keeps an object with at least one defined member', () => {
    expect(normalizeProperty({ type: 'binary', imageDescriptor: { width: 10, height: undefined } }).imageDescriptor).toEqual({ width: 10 });
  });
});
