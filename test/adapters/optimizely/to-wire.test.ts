import { describe, expect, it } from 'vitest';
import type { ApiVersion } from '../../../src/adapters/optimizely/endpoints.js';
import { contentTypeToWire, propertyGroupToWire } from '../../../src/adapters/optimizely/to-wire.js';
import type { ContentTypeDef } from '../../../src/core/model.js';
import { adapterFailure } from '../adapter-failure.js';

const article: ContentTypeDef = {
  key: 'Article',
  baseType: '_page',
  displayName: 'Article',
  sortOrder: 2,
  mayContainTypes: ['*'],
  properties: {
    title: { type: 'string', required: true, localized: true, maxLength: 80 },
    tags: { type: 'array', items: { type: 'string', enum: [{ value: 'a', displayName: 'A' }] } },
  },
};

describe('contentTypeToWire spells members for the API version', () => {
  const cases: Array<{ version: ApiVersion; def: ContentTypeDef; wire: object }> = [
    {
      version: 'v1',
      def: article,
      wire: {
        key: 'Article',
        baseType: '_page',
        displayName: 'Article',
        sortOrder: 2,
        mayContainTypes: ['*'],
        properties: {
          title: { type: 'string', isRequired: true, isLocalized: true, maxLength: 80 },
          tags: { type: 'array', items: { type: 'string', enum: [{ value: 'a', displayName: 'A' }] } },
        },
      },
    },
    {
      version: 'preview3',
      def: article,
      wire: {
        key: 'Article',
        baseType: '_page',
        displayName: 'Article',
        sortOrder: 2,
        mayContainTypes: ['*'],
        properties: {
          title: { type: 'string', required: true, localized: true, maxLength: 80 },
          tags: { type: 'array', items: { type: 'string', enum: [{ value: 'a', displayName: 'A' }] } },
        },
      },
    },
    {
      version: 'v1',
      def: { key: 'SEO', baseType: null, isContract: true, displayName: 'SEO', properties: {} },
      wire: { key: 'SEO', isContract: true, displayName: 'SEO', properties: {} },
    },
    {
      version: 'v1',
      def: {
        ...article,
        contracts: ['SEO'],
        accessRights: [],
        properties: { body: { type: 'richText', editorSettings: { preset: 'minimal' }, displayMode: 'hidden' } },
      },
      wire: {
        ...omit(article, 'properties'),
        contracts: ['SEO'],
        accessRights: [],
        properties: { body: { type: 'richText', editorSettings: { preset: 'minimal' }, displayMode: 'hidden' } },
      },
    },
    {
      version: 'preview3',
      def: { ...article, properties: { image: { type: 'binary', imageDescriptor: { width: 5 } } } },
      wire: { ...omit(article, 'properties'), properties: { image: { type: 'binary', imageDescriptor: { width: 5 } } } },
    },
  ];
  it.each(cases)('$version $def.key', ({ version, def, wire }) => {
    expect(contentTypeToWire(def, version)).toEqual(wire);
  });
});

describe('contentTypeToWire refuses members the version cannot store (strict)', () => {
  const cases: Array<{ name: string; version: ApiVersion; def: ContentTypeDef; fields: string[] }> = [
    {
      name: 'contract on preview3',
      version: 'preview3',
      def: { key: 'SEO', baseType: null, isContract: true, displayName: 'SEO', properties: {} },
      fields: ['isContract'],
    },
    { name: 'contracts on preview3', version: 'preview3', def: { ...article, contracts: ['SEO'] }, fields: ['contracts'] },
    { name: 'accessRights on preview3', version: 'preview3', def: { ...article, accessRights: [] }, fields: ['accessRights'] },
    {
      name: 'displayMode and editorSettings on preview3',
      version: 'preview3',
      def: {
        ...article,
        properties: {
          body: { type: 'richText', displayMode: 'hidden', editorSettings: { preset: 'x' } },
          list: { type: 'array', items: { type: 'richText', editorSettings: { a: 1 } } },
        },
      },
      fields: ['properties.body.editorSettings', 'properties.body.displayMode', 'properties.list.items.editorSettings'],
    },
    {
      name: 'imageDescriptor on v1',
      version: 'v1',
      def: { ...article, properties: { image: { type: 'binary', imageDescriptor: { width: 5 } } } },
      fields: ['properties.image.imageDescriptor'],
    },
  ];
  it.each(cases)('$name', async ({ version, def, fields }) => {
    const error = await adapterFailure(() => contentTypeToWire(def, version));
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors.map((fieldError) => fieldError.field).sort()).toEqual([...fields].sort());
    for (const field of fields) expect(error.message).toContain(`'${field}'`);
    expect(error.message).toContain(version);
  });

  it('leaves them out in lenient mode (the state a patch is computed from)', () => {
    const wire = contentTypeToWire(
      { ...article, contracts: ['SEO'], properties: { body: { type: 'richText', displayMode: 'hidden' } } },
      'preview3',
      'lenient',
    );
    expect(wire).not.toHaveProperty('contracts');
    expect(wire['properties']).toEqual({ body: { type: 'richText' } });
  });
});

describe('propertyGroupToWire', () => {
  it('is the same in every version', () => {
    expect(propertyGroupToWire({ key: 'SEO', displayName: 'SEO', sortOrder: 3 })).toEqual({ key: 'SEO', displayName: 'SEO', sortOrder: 3 });
    expect(propertyGroupToWire({ key: 'SEO', displayName: 'SEO' })).toEqual({ key: 'SEO', displayName: 'SEO' });
  });
});

function omit<T extends object, K extends keyof T>(value: T, member: K): Omit<T, K> {
  const { [member]: _dropped, ...rest } = value;
  return rest;
}
