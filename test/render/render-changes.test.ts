import { describe, expect, it } from 'vitest';
import type { ClassifiedChange, DefinitionChange } from '../../src/core/generated/plan.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import { describeChange, renderChanges, renderDefinition } from '../../src/render/render-changes.js';
import { plainStyle } from '../../src/render/style.js';
import { markerStyle } from './marker-style.js';

describe('describeChange', () => {
  it.each<[string, DefinitionChange, string]>([
    ['a member added', { op: 'add', path: 'description', member: 'description', after: 'News' }, '<create>+</create> description: "News"'],
    ['a member removed', { op: 'remove', path: 'sortOrder', member: 'sortOrder', before: 3 }, '<remove>-</remove> sortOrder: 3'],
    [
      'a member changed',
      { op: 'change', path: 'displayName', member: 'displayName', before: 'A', after: 'B' },
      '<update>~</update> displayName: "A" → "B"',
    ],
    [
      'a whole property added: its summary',
      { op: 'add', path: 'properties.title', property: 'title', after: { type: 'string', required: true, maxLength: 80 } },
      '<create>+</create> properties.title: string, required, maxLength: 80',
    ],
    [
      'a whole property removed: its summary',
      { op: 'remove', path: 'properties.body', property: 'body', before: { type: 'richText' } },
      '<remove>-</remove> properties.body: richText',
    ],
    [
      'a property member changed, in its short form',
      {
        op: 'change',
        path: 'properties.size.enum',
        property: 'size',
        member: 'enum',
        before: [{ value: 's', displayName: 's' }],
        after: [{ value: 's', displayName: 'Small' }],
      },
      '<update>~</update> properties.size.enum: ["s"] → {"s": "Small"}',
    ],
    [
      'a set-like list: entries added and removed, coloured',
      {
        op: 'change',
        path: 'mayContainTypes',
        member: 'mayContainTypes',
        before: ['A', 'B'],
        after: ['B', 'C'],
        added: ['C'],
        removed: ['A'],
      },
      '<update>~</update> mayContainTypes: <create>+C</create> <remove>-A</remove>',
    ],
  ])('%s', (_name, change, expected) => {
    expect(describeChange(change, markerStyle)).toBe(expected);
  });

  it('refuses an operation it does not know, as a bug', () => {
    const change = { op: 'rename', path: 'key' } as unknown as DefinitionChange;
    expect(() => describeChange(change, plainStyle)).toThrow(/Internal error: unknown change op rename/);
  });
});

describe('renderChanges', () => {
  const removed: ClassifiedChange = {
    op: 'remove',
    path: 'properties.body',
    property: 'body',
    before: { type: 'richText' },
    risk: 'destructive',
    code: 'DS102',
    reason: 'removes property "body"',
  };
  const tightened: ClassifiedChange = {
    op: 'change',
    path: 'properties.title.maxLength',
    property: 'title',
    member: 'maxLength',
    before: 100,
    after: 50,
    risk: 'breaking',
    code: 'BC102',
    reason: 'tightens maxLength',
  };
  const safe: ClassifiedChange = { op: 'add', path: 'description', member: 'description', after: 'x', risk: 'safe' };
  const drift: DefinitionChange = { op: 'add', path: 'description', member: 'description', after: 'x' };

  it.each<[string, Array<DefinitionChange | ClassifiedChange>, string[]]>([
    [
      'a destructive change: its note below, in the error colour',
      [removed],
      ['    <remove>-</remove> properties.body: richText', '      <error># DS102 destructive: removes property "body"</error>'],
    ],
    [
      'a breaking change: its note in the warning colour',
      [tightened],
      ['    <update>~</update> properties.title.maxLength: 100 → 50', '      <warning># BC102 breaking: tightens maxLength</warning>'],
    ],
    ['a safe change: no note', [safe], ['    <create>+</create> description: "x"']],
    ['an unclassified change (drift): no note', [drift], ['    <create>+</create> description: "x"']],
    ['nothing', [], []],
  ])('%s', (_name, changes, expected) => {
    expect(renderChanges(changes, markerStyle, '    ')).toEqual(expected);
  });
});

describe('renderDefinition', () => {
  it('lists members in reading order with aligned names, then properties by sortOrder and key, every line muted', () => {
    const def: ContentTypeDef = {
      key: 'ArticlePage',
      baseType: '_page',
      displayName: 'Article',
      mayContainTypes: ['ArticlePage'],
      description: 'News',
      properties: {
        zeta: { type: 'string' },
        body: { type: 'richText', sortOrder: 2 },
        alpha: { type: 'string' },
        title: { type: 'string', required: true, sortOrder: 1 },
      },
    };
    expect(renderDefinition(def, markerStyle, '  ')).toEqual([
      '<muted>  baseType:        "_page"</muted>',
      '<muted>  displayName:     "Article"</muted>',
      '<muted>  description:     "News"</muted>',
      '<muted>  mayContainTypes: ["ArticlePage"]</muted>',
      '<muted>  properties:</muted>',
      '<muted>    alpha: string</muted>',
      '<muted>    zeta:  string</muted>',
      '<muted>    title: string, required</muted>',
      '<muted>    body:  richText</muted>',
    ]);
  });

  it('leaves out the key and a contract’s null baseType, and shows members it does not know last', () => {
    const def = { key: 'Seo', baseType: null, isContract: true, displayName: 'SEO', properties: {}, zeta: 1 } as unknown as ContentTypeDef;
    expect(renderDefinition(def, plainStyle, '')).toEqual(['isContract:  true', 'displayName: "SEO"', 'zeta:        1']);
  });

  it('renders a property group', () => {
    expect(renderDefinition({ key: 'SEO', displayName: 'Search', sortOrder: 10 }, plainStyle, '')).toEqual([
      'displayName: "Search"',
      'sortOrder:   10',
    ]);
  });
});
