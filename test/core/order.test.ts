import { describe, expect, it } from 'vitest';
import type { ApplyStep } from '../../src/core/generated/plan.js';
import { isCyclic, stronglyConnectedComponents, topologicalOrder } from '../../src/core/graph.js';
import type { ContentTypeDef, PropertyDef } from '../../src/core/model.js';
import { component, group, plan, simulateApply, type, type World } from './helpers.js';

const holds = (target: string): PropertyDef => ({ type: 'component', contentType: target });
const holdsMany = (target: string): PropertyDef => ({ type: 'array', items: { type: 'component', contentType: target } });
const refersTo = (...targets: string[]): PropertyDef => ({ type: 'content', allowedTypes: targets });
const describeStep = (step: ApplyStep) =>
  step.action === 'update' && step.purpose === 'deferredReferences'
    ? `link ${step.key}`
    : `${step.action} ${step.kind === 'propertyGroup' ? 'group ' : ''}${step.key}`;

/** Plans `desired` against an empty target, checks the steps in a fake platform that enforces references, and re-plans. */
function createAll(desired: World) {
  const result = plan(desired, {}, {});
  return { result, order: result.steps.map(describeStep) };
}

function expectConverges(desired: World, start: { base: World; live: World } = { base: {}, live: {} }) {
  const first = plan(desired, start.base, start.live);
  expect(first.blockers).toEqual([]);
  const after = simulateApply(first, start);
  const second = plan(desired, after.base, after.live);
  expect(second.steps).toEqual([]);
  expect(second.resources.every((entry) => entry.status === 'in_sync')).toBe(true);
}

describe('orderSteps: creates', () => {
  it('creates a chain of hard references from the inside out', () => {
    const desired = {
      types: [
        type('Page', { properties: { hero: holds('Hero') } }),
        component('Hero', { properties: { cta: holds('Button') } }),
        component('Button'),
      ],
    };
    expect(createAll(desired).order).toEqual(['create Button', 'create Hero', 'create Page']);
    expectConverges(desired);
  });

  it('creates property groups before the types that use them, and contracts before their implementers', () => {
    const desired = {
      groups: [group('Seo')],
      types: [
        type('Article', { contracts: ['AMeta'], properties: { title: { type: 'string', group: 'Seo' } } }),
        { key: 'AMeta', baseType: null, isContract: true, displayName: 'Meta', properties: {} } as ContentTypeDef,
      ],
    };
    expect(createAll(desired).order).toEqual(['create group Seo', 'create AMeta', 'create Article']);
    expectConverges(desired);
  });

  it('orders a diamond deterministically', () => {
    const desired = {
      types: [
        type('Top', { properties: { left: holds('Left'), right: holds('Right') } }),
        component('Right', { properties: { base: holds('Base') } }),
        component('Left', { properties: { base: holdsMany('Base') } }),
        component('Base'),
      ],
    };
    expect(createAll(desired).order).toEqual(['create Base', 'create Left', 'create Right', 'create Top']);
    expectConverges(desired);
  });

  it('orders acyclic soft references without deferring them', () => {
    const desired = { types: [type('Alpha', { properties: { link: refersTo('Zulu') } }), type('Zulu', { mayContainTypes: ['*'] })] };
    const { result, order } = createAll(desired);
    expect(order).toEqual(['create Zulu', 'create Alpha']);
    expect(result.steps.every((step) => step.action !== 'create' || step.kind !== 'contentType' || step.deferred.length === 0)).toBe(true);
    expectConverges(desired);
  });

  it('creates a type that may contain itself without the self-reference, then adds it', () => {
    const desired = { types: [type('Experience', { baseType: '_experience', mayContainTypes: ['Experience', '_page'] })] };
    const { result, order } = createAll(desired);
    expect(order).toEqual(['create Experience', 'link Experience']);
    const [create, link] = result.steps;
    expect(create).toMatchObject({
      definition: { mayContainTypes: ['_page'] },
      deferred: [{ path: 'mayContainTypes', target: 'Experience' }],
    });
    expect(link).toMatchObject({ precondition: { kind: 'created' }, next: { mayContainTypes: ['Experience', '_page'] }, dataLoss: false });
    expectConverges(desired);
  });

  it('breaks a soft cycle (A contains B contains A) by deferring as few references as it can', () => {
    const desired = { types: [type('Alpha', { mayContainTypes: ['Beta'] }), type('Beta', { mayContainTypes: ['Alpha'] })] };
    const { result, order } = createAll(desired);
    expect(order).toEqual(['create Beta', 'create Alpha', 'link Beta']);
    expect(result.steps[0]).toMatchObject({ definition: { key: 'Beta' }, deferred: [{ path: 'mayContainTypes', target: 'Alpha' }] });
    expect(result.steps[0]).not.toHaveProperty('definition.mayContainTypes');
    expectConverges(desired);
  });

  it('defers only the soft side of a cycle that mixes hard and soft references', () => {
    const desired = {
      types: [type('Page', { properties: { hero: holds('Hero') } }), component('Hero', { properties: { back: refersTo('Page') } })],
    };
    const { result, order } = createAll(desired);
    expect(order).toEqual(['create Hero', 'create Page', 'link Hero']);
    expect(result.steps[0]).toMatchObject({ deferred: [{ path: 'properties.back.allowedTypes', target: 'Page' }] });
    expect(result.steps[0]).not.toHaveProperty('definition.properties.back.allowedTypes');
    expectConverges(desired);
  });

  it('reports a hard reference cycle as a blocker, not a crash', () => {
    const desired = {
      types: [
        component('Alpha', { properties: { beta: holds('Beta') } }),
        component('Beta', { properties: { alpha: holdsMany('Alpha') } }),
      ],
    };
    const { result, order } = createAll(desired);
    expect(order).toEqual(['create Alpha', 'create Beta']);
    expect(result.blockers.map((blocker) => [blocker.code, blocker.resources.map((ref) => ref.key)])).toEqual([
      ['PL106', ['Alpha', 'Beta']],
    ]);
    expect(result.blockers[0]?.detail).toContain('Alpha.properties.beta.contentType → Beta');
    expect(result.applyable).toBe(false);
  });

  it('still orders the types outside a hard cycle after the members of it they hold', () => {
    const desired = {
      types: [
        component('Alpha', { properties: { beta: holds('Beta') } }),
        component('Beta', { properties: { alpha: holds('Alpha') } }),
        type('Aaa', { properties: { alpha: holds('Alpha') } }),
      ],
    };
    const { result, order } = createAll(desired);
    expect(result.blockers.map((blocker) => [blocker.code, blocker.resources.map((ref) => ref.key)])).toEqual([
      ['PL106', ['Alpha', 'Beta']],
    ]);
    expect(order).toEqual(['create Alpha', 'create Aaa', 'create Beta']);
  });

  it('reports a component that holds itself as a hard cycle', () => {
    const { result } = createAll({ types: [component('Node', { properties: { child: holds('Node') } })] });
    expect(result.blockers.map((blocker) => blocker.code)).toEqual(['PL106']);
  });

  it('orders a long chain without exhausting the stack', () => {
    const count = 3000;
    const types = Array.from({ length: count }, (_, index) =>
      component(`T${index}`, index + 1 < count ? { properties: { next: holds(`T${index + 1}`) } } : {}),
    );
    const { order } = createAll({ types });
    expect(order[0]).toBe(`create T${count - 1}`);
    expect(order[count - 1]).toBe('create T0');
  });
});

describe('orderSteps: phases', () => {
  it('runs lockfile-only steps, then creates, then updates, then deletes', () => {
    const start = {
      base: { types: [type('Old'), type('Kept')] },
      live: { types: [type('Old'), type('Kept'), type('Adopted')] },
    };
    const desired = { types: [type('Kept', { properties: { fresh: refersTo('Fresh') } }), type('Fresh'), type('Adopted')] };
    const result = plan(desired, start.base, start.live);
    expect(result.steps.map(describeStep)).toEqual(['adopt Adopted', 'create Fresh', 'update Kept', 'delete Old']);
    expectConverges(desired, start);
  });

  it('deletes referencing types before the types and groups they use', () => {
    const world = {
      groups: [group('Seo')],
      types: [
        type('Page', { properties: { hero: holds('Hero'), title: { type: 'string', group: 'Seo' } } }),
        component('Hero', { properties: { button: holds('Button') } }),
        component('Button'),
      ],
    };
    const result = plan({}, world, world);
    expect(result.steps.map(describeStep)).toEqual(['delete Page', 'delete Hero', 'delete Button', 'delete group Seo']);
    expectConverges({}, { base: world, live: world });
  });

  it('removes a reference in an update before deleting what it referenced', () => {
    const world = { types: [type('Page', { properties: { hero: holds('Hero') } }), component('Hero')] };
    const desired = { types: [type('Page')] };
    const result = plan(desired, world, world);
    expect(result.steps.map(describeStep)).toEqual(['update Page', 'delete Hero']);
    expectConverges(desired, { base: world, live: world });
  });

  it('warns about a hard reference cycle among deleted types (PL111) and still deletes both', () => {
    const world = {
      types: [component('Alpha', { properties: { beta: holds('Beta') } }), component('Beta', { properties: { alpha: holds('Alpha') } })],
    };
    const result = plan({}, world, world);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['PL111']);
    expect(result.steps.map(describeStep)).toEqual(['delete Alpha', 'delete Beta']);
    expect(result.applyable).toBe(true);
  });
});

describe('graph algorithms', () => {
  it('finds strongly connected components and tells cyclic ones', () => {
    const edges = [
      ['a', 'b'],
      ['b', 'a'],
      ['b', 'c'],
      ['d', 'd'],
    ] as const;
    const components = stronglyConnectedComponents(['a', 'b', 'c', 'd', 'e'], edges);
    expect(components).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
    expect(components.map((entry) => isCyclic(entry, edges))).toEqual([true, false, true, false]);
  });

  it('orders topologically by rank then name, and keeps nodes on a cycle', () => {
    expect(topologicalOrder(['c', 'b', 'a'], [['c', 'a']], () => 0)).toEqual(['b', 'c', 'a']);
    expect(topologicalOrder(['x', 'y', 'z'], [], (node) => (node === 'z' ? 0 : 1))).toEqual(['z', 'x', 'y']);
    expect(
      topologicalOrder(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'a'],
        ],
        () => 0,
      ),
    ).toEqual(['c', 'a', 'b']);
  });
});

describe('orderSteps: deletes with mixed cycles', () => {
  it('keeps the hard order when a soft reference closes the cycle', () => {
    const world = {
      types: [type('Aaa', { properties: { back: refersTo('Zzz') } }), component('Zzz', { properties: { page: holds('Aaa') } })],
    };
    const result = plan({}, world, world);
    expect(result.steps.map(describeStep)).toEqual(['delete Zzz', 'delete Aaa']);
    expect(result.warnings).toEqual([]);
    expectConverges({}, { base: world, live: world });
  });
});
