import { describe, expect, it } from 'vitest';
import { PREFIX } from './helpers/api.js';
import { useEmulator } from './helpers/use-emulator.js';

const { emulator, api } = useEmulator();

let n = 0;
const key = () => `Valid${(n += 1)}`;
const v1 = (extra: Record<string, unknown>) => ({ key: key(), displayName: 'T', baseType: '_component', ...extra });
const prop = (property: Record<string, unknown>) => v1({ properties: { field: property } });

/** [case, request body, the fields the 400 names] — every rule the specifications state. */
const REFUSED: Array<[string, Record<string, unknown>, string[]]> = [
  ['a key that starts with a digit', { ...v1({}), key: '1Abc' }, ['key']],
  ['a key with a dash', { ...v1({}), key: 'Ab-c' }, ['key']],
  ['a key of one character', { ...v1({}), key: 'A' }, ['key']],
  ['a key longer than 255', { ...v1({}), key: `A${'b'.repeat(255)}` }, ['key']],
  ['no key', { displayName: 'T', baseType: '_page' }, ['key']],
  ['a key that is not a string', { ...v1({}), key: 42 }, ['key']],
  ['no displayName (v1)', { key: key(), baseType: '_page' }, ['displayName']],
  ['an empty displayName (v1)', { key: key(), displayName: '', baseType: '_page' }, ['displayName']],
  ['a displayName longer than 255', v1({ displayName: 'x'.repeat(256) }), ['displayName']],
  ['a description longer than 255', v1({ description: 'x'.repeat(256) }), ['description']],
  ['no baseType', { key: key(), displayName: 'T' }, ['baseType']],
  ['an unknown baseType', v1({ baseType: '_widget' }), ['baseType']],
  ['a preview2 base type on v1', v1({ baseType: 'page' }), ['baseType']],
  ['a sortOrder that is not an int32', v1({ sortOrder: 1.5 }), ['sortOrder']],
  ['a boolean isContract given as text', v1({ isContract: 'yes' }), ['isContract']],
  ['mayContainTypes with an invalid reference', v1({ mayContainTypes: ['ok_Type', 'bad type'] }), ['mayContainTypes[1]']],
  ['mayContainTypes that is not a list', v1({ mayContainTypes: 'Article' }), ['mayContainTypes']],
  ['an unknown composition behavior', v1({ compositionBehaviors: ['floating'] }), ['compositionBehaviors[0]']],
  ['composition behaviors on a page', v1({ baseType: '_page', compositionBehaviors: ['elementEnabled'] }), ['compositionBehaviors']],
  ['elementEnabled on a section', v1({ baseType: '_section', compositionBehaviors: ['elementEnabled'] }), ['compositionBehaviors']],
  ['an access right without a name', v1({ accessRights: [{ type: 'role' }] }), ['accessRights[0].name']],
  ['an access right of an unknown type', v1({ accessRights: [{ name: 'Editors', type: 'group' }] }), ['accessRights[0].type']],
  ['properties that are not an object', v1({ properties: [] }), ['properties']],
  ['an invalid property key', v1({ properties: { 'my-field': { type: 'string' } } }), ['properties.my-field']],
  ['a property that is not an object', v1({ properties: { field: 'string' } }), ['properties.field']],
  ['a property without a type', prop({ displayName: 'x' }), ['properties.field.type']],
  ['an unknown property type', prop({ type: 'text' }), ['properties.field.type']],
  ['binary on v1 (not in its enum)', prop({ type: 'binary' }), ['properties.field.type']],
  ['an array without items', prop({ type: 'array' }), ['properties.field.items']],
  ['array items without a type', prop({ type: 'array', items: {} }), ['properties.field.items.type']],
  ['an array of arrays', prop({ type: 'array', items: { type: 'array' } }), ['properties.field.items.type']],
  ['a component without contentType', prop({ type: 'component' }), ['properties.field.contentType']],
  ['component items without contentType', prop({ type: 'array', items: { type: 'component' } }), ['properties.field.items.contentType']],
  ['an invalid component contentType', prop({ type: 'component', contentType: 'no spaces' }), ['properties.field.contentType']],
  ['an unknown indexingType', prop({ type: 'string', indexingType: 'fulltext' }), ['properties.field.indexingType']],
  ['an unknown displayMode', prop({ type: 'string', displayMode: 'secret' }), ['properties.field.displayMode']],
  ['isRequired as text', prop({ type: 'string', isRequired: 'true' }), ['properties.field.isRequired']],
  ['a negative maxLength', prop({ type: 'string', maxLength: -1 }), ['properties.field.maxLength']],
  ['minItems as text', prop({ type: 'array', items: { type: 'string' }, minItems: '1' }), ['properties.field.minItems']],
  ['a property description longer than 2000', prop({ type: 'string', description: 'x'.repeat(2001) }), ['properties.field.description']],
  ['an enum on a boolean', prop({ type: 'boolean', enum: [{ value: 'a', displayName: 'A' }] }), ['properties.field.enum']],
  [
    'an enum value of the wrong type',
    prop({ type: 'integer', enum: [{ value: 'one', displayName: 'One' }] }),
    ['properties.field.enum[0].value'],
  ],
  ['an enum value without displayName', prop({ type: 'string', enum: [{ value: 'a' }] }), ['properties.field.enum[0].displayName']],
  ['an enum that is not a list (v1)', prop({ type: 'string', enum: { values: [] } }), ['properties.field.enum']],
  ['allowedTypes that is not a list', prop({ type: 'content', allowedTypes: 'Article' }), ['properties.field.allowedTypes']],
  ['editorSettings that is not an object', prop({ type: 'richText', editorSettings: 'minimal' }), ['properties.field.editorSettings']],
];

describe('validation as the specifications state it (400, every problem listed)', () => {
  it.each(REFUSED)('refuses %s', async (_name, body, fields) => {
    const response = await api.post('/v1/contenttypes', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.json).toMatchObject({ status: 400, title: 'One or more validation errors occurred.' });
    expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual(fields);
    expect(emulator.store.contentTypes.has(String(body.key))).toBe(false);
  });

  it('says "The value did not match the expected type." for a member of the wrong JSON type', async () => {
    const response = await api.post('/v1/contenttypes', prop({ type: 'string', isLocalized: 1 }));
    expect(response.json.errors).toEqual([{ field: 'properties.field.isLocalized', detail: 'The value did not match the expected type.' }]);
  });

  it('collects every problem of a request', async () => {
    const response = await api.post('/v1/contenttypes', {
      key: '9',
      baseType: '_x',
      properties: { a1: { type: 'array' }, b1: { type: 'component' } },
    });
    expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual([
      'key',
      'displayName',
      'baseType',
      'properties.a1.items',
      'properties.b1.contentType',
    ]);
  });
});

describe('what the specifications allow', () => {
  it.each([
    ['a contract without baseType', { key: key(), displayName: 'C', isContract: true, properties: { seo: { type: 'string' } } }],
    ['a contract whose baseType is ignored', { key: key(), displayName: 'C', isContract: true, baseType: 'anything' }],
    ['sectionEnabled on a section (seen on live types)', v1({ baseType: '_section', compositionBehaviors: ['sectionEnabled'] })],
    ['every behavior on a component', v1({ compositionBehaviors: ['sectionEnabled', 'elementEnabled', 'formsElementEnabled'] })],
    ['empty composition behaviors on any base type', v1({ baseType: '_page', compositionBehaviors: [] })],
    ['mayContainTypes with *, base types and keys', v1({ mayContainTypes: ['*', '_page', 'Article'] })],
    [
      'every v1 property type',
      v1({
        properties: Object.fromEntries(
          ['string', 'url', 'boolean', 'integer', 'float', 'dateTime', 'contentReference', 'content', 'link', 'richText', 'json'].map(
            (type) => [`p_${type}`, { type }],
          ),
        ),
      }),
    ],
    [
      'numeric and date bounds',
      v1({ properties: { n1: { type: 'integer', minimum: 1, maximum: 9 }, d1: { type: 'dateTime', minimum: '2020-01-01T00:00:00Z' } } }),
    ],
    [
      'null for optional members (same as absent)',
      v1({ description: null, sortOrder: null, properties: { title: { type: 'string', format: null, maxLength: null } } }),
    ],
    ['access rights, including none at all', v1({ accessRights: [] })],
  ])('accepts %s', async (_name, body) => {
    const response = await api.post('/v1/contenttypes', body);
    expect(response.status, response.text).toBe(201);
  });

  it('ignores unknown request members and read-only members', async () => {
    const body = {
      ...v1({ properties: { title: { type: 'string', defaultValue: 'x', isrequired: true } } }),
      source: 'mine',
      created: '2000-01-01T00:00:00Z',
      features: ['routing'],
      whatever: { nested: true },
    };
    const response = await api.post('/v1/contenttypes', body);
    expect(response.status).toBe(201);
    expect(response.json.source).toBe('');
    expect(response.json.created).not.toBe('2000-01-01T00:00:00Z');
    expect(response.json).not.toHaveProperty('whatever');
    expect(response.json.properties.title).toEqual({ type: 'string' });
  });

  it("drops a contract's baseType", async () => {
    const body = { key: key(), displayName: 'C', isContract: true, baseType: '_page' };
    const response = await api.post('/v1/contenttypes', body);
    expect(response.json).not.toHaveProperty('baseType');
  });

  it('preview3 and preview2 default a missing displayName to the key', async () => {
    for (const [prefix, baseType] of [
      [PREFIX.preview3, '_page'],
      [PREFIX.preview2, 'page'],
    ] as const) {
      const name = key();
      const response = await api.post(`${prefix}/contenttypes`, { key: name, baseType });
      expect(response.status).toBeLessThan(300);
      expect(response.json.displayName).toBe(name);
    }
  });

  it('preview3 accepts binary; preview2 refuses formsElementEnabled', async () => {
    expect((await api.post('/preview3/contenttypes', v1({ properties: { image: { type: 'binary' } } }))).status).toBe(201);
    const p2 = await api.post('/_cms/preview2/contenttypes', {
      key: key(),
      baseType: 'component',
      compositionBehaviors: ['formsElementEnabled'],
    });
    expect(p2.status).toBe(400);
    expect(p2.json.errors).toEqual({ 'compositionBehaviors[0]': [expect.stringContaining('sectionEnabled, elementEnabled')] });
  });
});

describe('preview2 spelling', () => {
  it('answers errors as an ASP.NET-style map of field to messages', async () => {
    const response = await api.post('/_cms/preview2/contenttypes', {
      key: key(),
      baseType: 'page',
      properties: { a1: { type: 'array' }, b1: { type: 'component', required: 'no' } },
    });
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual({
      'properties.a1.items': ['The items field is required.'],
      'properties.b1.contentType': ['The contentType field is required.'],
      'properties.b1.required': ['The value did not match the expected type.'],
    });
  });

  it('takes base types without the underscore, in any case, and refuses the v1 spelling', async () => {
    expect((await api.post('/_cms/preview2/contenttypes', { key: key(), baseType: 'Experience' })).json.baseType).toBe('experience');
    const refused = await api.post('/_cms/preview2/contenttypes', { key: key(), baseType: '_page' });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual({ baseType: [expect.stringContaining('page, component, media')] });
  });

  it('takes enumerations as {values: […]} and refuses a bare list', async () => {
    const wrapped = await api.post('/_cms/preview2/contenttypes', {
      key: key(),
      baseType: 'component',
      properties: { colour: { type: 'string', enum: { values: [{ value: 'red', displayName: 'Red' }] } } },
    });
    expect(wrapped.status).toBe(200);
    const bare = await api.post('/_cms/preview2/contenttypes', {
      key: key(),
      baseType: 'component',
      properties: { colour: { type: 'string', enum: [{ value: 'red', displayName: 'Red' }] } },
    });
    expect(bare.status).toBe(400);
    expect(Object.keys(bare.json.errors)).toEqual(['properties.colour.enum']);
  });
});
