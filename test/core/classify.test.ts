import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { describe, expect, it } from 'vitest';
import { classifyChanges, deleteFinding } from '../../src/core/classify.js';
import { diffDefinitions } from '../../src/core/diff.js';
import type { ContentTypeDef, PropertyDef } from '../../src/core/model.js';
import { normalizeContentType, normalizePropertyGroup } from '../../src/core/normalize.js';
import { RISK_CODES, SERVER_DATA_LOSS_CODES } from '../../src/core/risk-codes.js';
import { type } from './helpers.js';

function classify(before: ContentTypeDef, after: ContentTypeDef) {
  const [b, a] = [normalizeContentType(before, OPTIMIZELY_DEFAULTS), normalizeContentType(after, OPTIMIZELY_DEFAULTS)];
  return classifyChanges('contentType', diffDefinitions(b, a), b, a).map(({ path, risk, code }) => ({
    path,
    risk,
    ...(code ? { code } : {}),
  }));
}

const prop = (before: PropertyDef | undefined, after: PropertyDef | undefined) => ({
  before: type('A', { properties: before ? { p: before } : {} }),
  after: type('A', { properties: after ? { p: after } : {} }),
});

const e = (value: string | number) => ({ value, displayName: String(value) });

describe('classifyChanges', () => {
  const cases: Array<{
    name: string;
    before: ContentTypeDef;
    after: ContentTypeDef;
    expected: Array<{ path: string; risk: string; code?: string }>;
  }> = [
    {
      name: 'DS102 property removed',
      ...prop({ type: 'string' }, undefined),
      expected: [{ path: 'properties.p', risk: 'destructive', code: 'DS102' }],
    },
    {
      name: 'DS103 property type changed',
      ...prop({ type: 'string' }, { type: 'richText' }),
      expected: [{ path: 'properties.p.type', risk: 'destructive', code: 'DS103' }],
    },
    {
      name: 'DS103 string to array: the items that appear are part of the type change',
      ...prop({ type: 'string' }, { type: 'array', items: { type: 'string' } }),
      expected: [
        { path: 'properties.p.items', risk: 'safe' },
        { path: 'properties.p.type', risk: 'destructive', code: 'DS103' },
      ],
    },
    {
      name: 'DS103 string to component: the contentType that appears is part of the type change',
      ...prop({ type: 'string' }, { type: 'component', contentType: 'X' }),
      expected: [
        { path: 'properties.p.contentType', risk: 'safe' },
        { path: 'properties.p.type', risk: 'destructive', code: 'DS103' },
      ],
    },
    {
      name: 'DS104 array item type changed',
      ...prop({ type: 'array', items: { type: 'string' } }, { type: 'array', items: { type: 'url' } }),
      expected: [{ path: 'properties.p.items.type', risk: 'destructive', code: 'DS104' }],
    },
    {
      name: 'DS105 component contentType changed',
      ...prop({ type: 'component', contentType: 'X' }, { type: 'component', contentType: 'Y' }),
      expected: [{ path: 'properties.p.contentType', risk: 'destructive', code: 'DS105' }],
    },
    {
      name: 'DS105 component items contentType changed',
      ...prop(
        { type: 'array', items: { type: 'component', contentType: 'X' } },
        { type: 'array', items: { type: 'component', contentType: 'Y' } },
      ),
      expected: [{ path: 'properties.p.items.contentType', risk: 'destructive', code: 'DS105' }],
    },
    {
      name: 'DS106 localization turned on',
      ...prop({ type: 'string' }, { type: 'string', localized: true }),
      expected: [{ path: 'properties.p.localized', risk: 'destructive', code: 'DS106' }],
    },
    {
      name: 'DS106 localization turned off',
      ...prop({ type: 'string', localized: true }, { type: 'string' }),
      expected: [{ path: 'properties.p.localized', risk: 'destructive', code: 'DS106' }],
    },
    {
      name: 'DS108 baseType changed',
      before: type('A'),
      after: type('A', { baseType: '_component' }),
      expected: [{ path: 'baseType', risk: 'destructive', code: 'DS108' }],
    },
    {
      name: 'DS108 a type becomes a contract',
      before: type('A'),
      after: type('A', { baseType: null, isContract: true }),
      expected: [
        { path: 'baseType', risk: 'destructive', code: 'DS108' },
        { path: 'isContract', risk: 'destructive', code: 'DS108' },
      ],
    },
    {
      name: 'BC101 property becomes required',
      ...prop({ type: 'string' }, { type: 'string', required: true }),
      expected: [{ path: 'properties.p.required', risk: 'breaking', code: 'BC101' }],
    },
    {
      name: 'BC101 required property added',
      ...prop(undefined, { type: 'string', required: true }),
      expected: [{ path: 'properties.p', risk: 'breaking', code: 'BC101' }],
    },
    { name: 'optional property added is safe', ...prop(undefined, { type: 'string' }), expected: [{ path: 'properties.p', risk: 'safe' }] },
    {
      name: 'required dropped is safe',
      ...prop({ type: 'string', required: true }, { type: 'string' }),
      expected: [{ path: 'properties.p.required', risk: 'safe' }],
    },
    {
      name: 'BC102 maxLength lowered',
      ...prop({ type: 'string', maxLength: 100 }, { type: 'string', maxLength: 50 }),
      expected: [{ path: 'properties.p.maxLength', risk: 'breaking', code: 'BC102' }],
    },
    {
      name: 'maxLength raised is safe',
      ...prop({ type: 'string', maxLength: 50 }, { type: 'string', maxLength: 100 }),
      expected: [{ path: 'properties.p.maxLength', risk: 'safe' }],
    },
    {
      name: 'BC102 maxLength added',
      ...prop({ type: 'string' }, { type: 'string', maxLength: 100 }),
      expected: [{ path: 'properties.p.maxLength', risk: 'breaking', code: 'BC102' }],
    },
    {
      name: 'maxLength removed is safe',
      ...prop({ type: 'string', maxLength: 100 }, { type: 'string' }),
      expected: [{ path: 'properties.p.maxLength', risk: 'safe' }],
    },
    {
      name: 'BC102 minLength raised',
      ...prop({ type: 'string', minLength: 1 }, { type: 'string', minLength: 2 }),
      expected: [{ path: 'properties.p.minLength', risk: 'breaking', code: 'BC102' }],
    },
    {
      name: 'minLength lowered is safe',
      ...prop({ type: 'string', minLength: 2 }, { type: 'string', minLength: 1 }),
      expected: [{ path: 'properties.p.minLength', risk: 'safe' }],
    },
    {
      name: 'BC102 minimum raised',
      ...prop({ type: 'integer', minimum: 0 }, { type: 'integer', minimum: 1 }),
      expected: [{ path: 'properties.p.minimum', risk: 'breaking', code: 'BC102' }],
    },
    {
      name: 'BC102 maximum lowered',
      ...prop({ type: 'float', maximum: 2.5 }, { type: 'float', maximum: 2 }),
      expected: [{ path: 'properties.p.maximum', risk: 'breaking', code: 'BC102' }],
    },
    {
      name: 'BC102 dateTime maximum moved earlier',
      ...prop({ type: 'dateTime', maximum: '2030-01-01T00:00:00Z' }, { type: 'dateTime', maximum: '2029-01-01T00:00:00Z' }),
      expected: [{ path: 'properties.p.maximum', risk: 'breaking', code: 'BC102' }],
    },
    {
      name: 'dateTime minimum moved earlier is safe',
      ...prop({ type: 'dateTime', minimum: '2030-01-01T00:00:00Z' }, { type: 'dateTime', minimum: '2020-01-01T00:00:00Z' }),
      expected: [{ path: 'properties.p.minimum', risk: 'safe' }],
    },
    {
      name: 'BC102 a bound that cannot be compared counts as tightened',
      ...prop({ type: 'dateTime', minimum: 'soon' }, { type: 'dateTime', minimum: '2020-01-01T00:00:00Z' }),
      expected: [{ path: 'properties.p.minimum', risk: 'breaking', code: 'BC102' }],
    },
    {
      name: 'BC102 pattern changed',
      ...prop({ type: 'string', pattern: '^a' }, { type: 'string', pattern: '^b' }),
      expected: [{ path: 'properties.p.pattern', risk: 'breaking', code: 'BC102' }],
    },
    {
      name: 'pattern removed is safe',
      ...prop({ type: 'string', pattern: '^a' }, { type: 'string' }),
      expected: [{ path: 'properties.p.pattern', risk: 'safe' }],
    },
    {
      name: 'BC102 minItems raised',
      ...prop({ type: 'array', items: { type: 'string' }, minItems: 1 }, { type: 'array', items: { type: 'string' }, minItems: 2 }),
      expected: [{ path: 'properties.p.minItems', risk: 'breaking', code: 'BC102' }],
    },
    {
      name: 'BC102 maxItems lowered',
      ...prop({ type: 'array', items: { type: 'string' }, maxItems: 5 }, { type: 'array', items: { type: 'string' }, maxItems: 4 }),
      expected: [{ path: 'properties.p.maxItems', risk: 'breaking', code: 'BC102' }],
    },
    {
      name: 'BC102 item maxLength lowered',
      ...prop({ type: 'array', items: { type: 'string', maxLength: 9 } }, { type: 'array', items: { type: 'string', maxLength: 8 } }),
      expected: [{ path: 'properties.p.items.maxLength', risk: 'breaking', code: 'BC102' }],
    },
    {
      name: 'BC103 enum value removed',
      ...prop({ type: 'string', enum: [e('a'), e('b')] }, { type: 'string', enum: [e('a')] }),
      expected: [{ path: 'properties.p.enum', risk: 'breaking', code: 'BC103' }],
    },
    {
      name: 'BC103 enum introduced',
      ...prop({ type: 'integer' }, { type: 'integer', enum: [e(1)] }),
      expected: [{ path: 'properties.p.enum', risk: 'breaking', code: 'BC103' }],
    },
    {
      name: 'enum reordered is safe',
      ...prop({ type: 'string', enum: [e('a'), e('b')] }, { type: 'string', enum: [e('b'), e('a')] }),
      expected: [{ path: 'properties.p.enum', risk: 'safe' }],
    },
    {
      name: 'enum value added is safe',
      ...prop({ type: 'string', enum: [e('a')] }, { type: 'string', enum: [e('a'), e('b')] }),
      expected: [{ path: 'properties.p.enum', risk: 'safe' }],
    },
    {
      name: 'enum removed is safe',
      ...prop({ type: 'string', enum: [e('a')] }, { type: 'string' }),
      expected: [{ path: 'properties.p.enum', risk: 'safe' }],
    },
    {
      name: 'BC104 allowedTypes narrowed',
      ...prop({ type: 'content', allowedTypes: ['X', 'Y'] }, { type: 'content', allowedTypes: ['X'] }),
      expected: [{ path: 'properties.p.allowedTypes', risk: 'breaking', code: 'BC104' }],
    },
    {
      name: 'BC104 allowedTypes introduced',
      ...prop({ type: 'content' }, { type: 'content', allowedTypes: ['X'] }),
      expected: [{ path: 'properties.p.allowedTypes', risk: 'breaking', code: 'BC104' }],
    },
    {
      name: 'allowedTypes widened is safe',
      ...prop({ type: 'content', allowedTypes: ['X'] }, { type: 'content', allowedTypes: ['X', 'Y'] }),
      expected: [{ path: 'properties.p.allowedTypes', risk: 'safe' }],
    },
    {
      name: 'allowedTypes dropped (anything allowed) is safe',
      ...prop({ type: 'content', allowedTypes: ['X'] }, { type: 'content' }),
      expected: [{ path: 'properties.p.allowedTypes', risk: 'safe' }],
    },
    {
      name: 'BC104 restrictedTypes widened',
      ...prop({ type: 'content', restrictedTypes: ['X'] }, { type: 'content', restrictedTypes: ['X', 'Y'] }),
      expected: [{ path: 'properties.p.restrictedTypes', risk: 'breaking', code: 'BC104' }],
    },
    {
      name: 'BC104 restrictedTypes introduced',
      ...prop({ type: 'content' }, { type: 'content', restrictedTypes: ['X'] }),
      expected: [{ path: 'properties.p.restrictedTypes', risk: 'breaking', code: 'BC104' }],
    },
    {
      name: 'restrictedTypes narrowed is safe',
      ...prop({ type: 'content', restrictedTypes: ['X', 'Y'] }, { type: 'content', restrictedTypes: ['X'] }),
      expected: [{ path: 'properties.p.restrictedTypes', risk: 'safe' }],
    },
    {
      name: 'BC104 item allowedTypes narrowed',
      ...prop(
        { type: 'array', items: { type: 'content', allowedTypes: ['X', 'Y'] } },
        { type: 'array', items: { type: 'content', allowedTypes: ['Y'] } },
      ),
      expected: [{ path: 'properties.p.items.allowedTypes', risk: 'breaking', code: 'BC104' }],
    },
    {
      name: 'BC105 mayContainTypes entry removed',
      before: type('A', { mayContainTypes: ['X', 'Y'] }),
      after: type('A', { mayContainTypes: ['X', 'Z'] }),
      expected: [{ path: 'mayContainTypes', risk: 'breaking', code: 'BC105' }],
    },
    {
      name: 'mayContainTypes entry added is safe',
      before: type('A', { mayContainTypes: ['X'] }),
      after: type('A', { mayContainTypes: ['X', 'Z'] }),
      expected: [{ path: 'mayContainTypes', risk: 'safe' }],
    },
    {
      name: 'BC106 composition behavior removed',
      before: type('A', { baseType: '_component', compositionBehaviors: ['sectionEnabled'] }),
      after: type('A', { baseType: '_component' }),
      expected: [{ path: 'compositionBehaviors', risk: 'breaking', code: 'BC106' }],
    },
    {
      name: 'BC107 contract removed',
      before: type('A', { contracts: ['Seo', 'Nav'] }),
      after: type('A', { contracts: ['Nav'] }),
      expected: [{ path: 'contracts', risk: 'breaking', code: 'BC107' }],
    },
    {
      name: 'BC108 accessRights changed',
      before: type('A'),
      after: type('A', { accessRights: [{ name: 'Editors', type: 'role' }] }),
      expected: [{ path: 'accessRights', risk: 'breaking', code: 'BC108' }],
    },
    {
      name: 'BC109 format changed',
      ...prop({ type: 'string', format: 'shortString' }, { type: 'string', format: 'selectOne' }),
      expected: [{ path: 'properties.p.format', risk: 'breaking', code: 'BC109' }],
    },
    {
      name: 'metadata changes are safe',
      before: type('A', {
        displayName: 'A',
        description: 'x',
        sortOrder: 1,
        properties: { p: { type: 'string', displayName: 'P', group: 'G', sortOrder: 1, indexingType: 'disabled' } },
      }),
      after: type('A', {
        displayName: 'B',
        description: 'y',
        sortOrder: 2,
        properties: {
          p: {
            type: 'string',
            displayName: 'Q',
            group: 'H',
            sortOrder: 2,
            indexingType: 'searchable',
            displayMode: 'hidden',
            editorSettings: { preset: 'x' },
          },
        },
      }),
      expected: [
        { path: 'description', risk: 'safe' },
        { path: 'displayName', risk: 'safe' },
        { path: 'sortOrder', risk: 'safe' },
        { path: 'properties.p.displayMode', risk: 'safe' },
        { path: 'properties.p.displayName', risk: 'safe' },
        { path: 'properties.p.editorSettings', risk: 'safe' },
        { path: 'properties.p.group', risk: 'safe' },
        { path: 'properties.p.indexingType', risk: 'safe' },
        { path: 'properties.p.sortOrder', risk: 'safe' },
      ],
    },
  ];

  it.each(cases)('$name', ({ before, after, expected }) => {
    expect(classify(before, after)).toEqual(expected);
  });

  it('gives every risky change a one-line reason naming the property', () => {
    const { before, after } = prop({ type: 'string', maxLength: 100 }, { type: 'string', maxLength: 50 });
    const [b, a] = [normalizeContentType(before, OPTIMIZELY_DEFAULTS), normalizeContentType(after, OPTIMIZELY_DEFAULTS)];
    const [change] = classifyChanges('contentType', diffDefinitions(b, a), b, a);
    expect(change?.reason).toBe('tightens maxLength of "p" (100 → 50); existing values outside it become invalid');
  });

  it('treats every property group change as safe', () => {
    const [b, a] = [
      normalizePropertyGroup({ key: 'G', displayName: 'One' }, OPTIMIZELY_DEFAULTS),
      normalizePropertyGroup({ key: 'G', displayName: 'Two' }, OPTIMIZELY_DEFAULTS),
    ];
    expect(classifyChanges('propertyGroup', diffDefinitions(b, a), b, a).map((change) => change.risk)).toEqual(['safe']);
  });

  it('classifies deletes: DS101 for content types, DS107 for property groups', () => {
    expect(deleteFinding('contentType', 'A').code).toBe('DS101');
    expect(deleteFinding('propertyGroup', 'G').code).toBe('DS107');
  });

  it('marks exactly the changes the server refuses without the data-loss override as DS102-DS106', () => {
    expect([...SERVER_DATA_LOSS_CODES].sort()).toEqual(['DS102', 'DS103', 'DS104', 'DS105', 'DS106']);
    for (const code of SERVER_DATA_LOSS_CODES) expect(RISK_CODES[code].risk).toBe('destructive');
  });
});
