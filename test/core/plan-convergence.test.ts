import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/core/diagnostic.js';
import type { ContentTypeDef, PropertyDef, PropertyGroupDef } from '../../src/core/model.js';
import { validateDesired } from '../../src/core/validate-desired.js';
import { BUILT_IN_GROUPS, RULES, desiredState, plan, random, simulateApply, type World } from './helpers.js';

/**
 * Property-based checks: for random worlds x and random edits e, planning and "applying" (a fake
 * platform that enforces preconditions and references) converges, and the next plan is empty.
 * Hard references (component contentType) only point to types with a higher number, so desired
 * states never contain a hard cycle; soft references (allowedTypes, mayContainTypes) go anywhere,
 * so soft cycles and self-references are common.
 */
type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
const numberOf = (key: string) => Number(key.replace(/\D/g, ''));

function randomProperty(rng: Rng, owner: string, types: readonly ContentTypeDef[], groups: readonly PropertyGroupDef[]): PropertyDef {
  const later = types.filter((candidate) => candidate.baseType === '_component' && numberOf(candidate.key) > numberOf(owner));
  const options: Array<() => PropertyDef> = [
    () => ({ type: 'string', ...(chance(rng, 0.5) ? { maxLength: 10 + Math.floor(rng() * 100) } : {}) }),
    () => ({ type: 'richText' }),
    () => ({ type: 'integer', minimum: 0, maximum: 5 + Math.floor(rng() * 5) }),
    () => ({ type: 'boolean' }),
    () => ({ type: 'array', items: { type: 'string' }, ...(chance(rng, 0.5) ? { maxItems: 3 } : {}) }),
    () => ({ type: 'content', ...(types.length > 0 ? { allowedTypes: [pick(rng, types).key] } : {}) }),
    () => (later.length > 0 ? { type: 'component', contentType: pick(rng, later).key } : { type: 'url' }),
    () => (later.length > 0 ? { type: 'array', items: { type: 'component', contentType: pick(rng, later).key } } : { type: 'json' }),
  ];
  const property = pick(rng, options)();
  if (chance(rng, 0.3)) property.required = true;
  if (chance(rng, 0.2)) property.localized = true;
  if (chance(rng, 0.4)) property.group = pick(rng, [...groups.map((entry) => entry.key), ...BUILT_IN_GROUPS]);
  return property;
}

function randomType(rng: Rng, key: string, world: Required<World>): ContentTypeDef {
  const def: ContentTypeDef = { key, baseType: chance(rng, 0.5) ? '_component' : '_page', displayName: `Type ${key}`, properties: {} };
  const count = Math.floor(rng() * 4);
  for (let index = 0; index < count; index += 1) def.properties[`p${index}`] = randomProperty(rng, key, world.types, world.groups);
  if (chance(rng, 0.4) && world.types.length > 0) def.mayContainTypes = [pick(rng, world.types).key, ...(chance(rng, 0.3) ? [key] : [])];
  return def;
}

function randomWorld(rng: Rng): Required<World> {
  const world: Required<World> = { types: [], groups: [], templates: [] };
  for (let index = 0; index < 1 + Math.floor(rng() * 3); index += 1)
    world.groups.push({ key: `Group${index}`, displayName: `Group ${index}` });
  const count = 2 + Math.floor(rng() * 5);
  const keys = Array.from({ length: count }, (_, index) => `T${index}`);
  world.types = keys.map((key) => ({ key, baseType: '_component' as const, displayName: key, properties: {} }));
  world.types = keys.map((key) => randomType(rng, key, world));
  return repair(world);
}

/** Random edits, then references to what no longer exists are dropped, so the result stays valid. */
function edit(rng: Rng, source: Required<World>, options: { addTypes: boolean }): Required<World> {
  const world: Required<World> = structuredClone(source);
  let fresh = 100 + Math.floor(rng() * 100);
  const edits = 1 + Math.floor(rng() * 4);
  for (let index = 0; index < edits; index += 1) {
    const target = world.types.length > 0 ? pick(rng, world.types) : undefined;
    const keys = target ? Object.keys(target.properties) : [];
    switch (Math.floor(rng() * 10)) {
      case 0:
        if (target) target.displayName = `${target.displayName}!`;
        break;
      case 1:
        if (target) target.properties[`q${fresh++}`] = randomProperty(rng, target.key, world.types, world.groups);
        break;
      case 2:
        if (target && keys.length > 0) delete target.properties[pick(rng, keys)];
        break;
      case 3:
        if (target && keys.length > 0) {
          const property = target.properties[pick(rng, keys)]!;
          if (property.type === 'string') property.maxLength = (property.maxLength ?? 50) + (chance(rng, 0.5) ? 5 : -5);
          else property.required = !property.required;
        }
        break;
      case 4:
        if (options.addTypes) world.types.push(randomType(rng, `T${fresh++}`, world));
        break;
      case 5:
        if (target) world.types = world.types.filter((candidate) => candidate !== target);
        break;
      case 6:
        if (target && world.types.length > 0)
          target.mayContainTypes = chance(rng, 0.5) ? [...(target.mayContainTypes ?? []), pick(rng, world.types).key] : undefined;
        break;
      case 7:
        if (chance(rng, 0.5) && world.groups.length > 0) world.groups = world.groups.slice(1);
        else world.groups.push({ key: `Group${fresh++}`, displayName: 'New group' });
        break;
      case 8:
        if (world.groups.length > 0) pick(rng, world.groups).displayName = `Renamed ${fresh++}`;
        break;
      default:
        if (target && keys.length > 0) {
          const property = target.properties[pick(rng, keys)]!;
          property.localized = !property.localized;
        }
    }
  }
  return repair(world);
}

function repair(world: Required<World>): Required<World> {
  const types = new Set(world.types.map((def) => def.key));
  const groups = new Set([...world.groups.map((def) => def.key), ...BUILT_IN_GROUPS]);
  const keepTypes = (list: string[] | undefined) => {
    const kept = [...new Set((list ?? []).filter((key) => types.has(key)))];
    return kept.length > 0 ? kept : undefined;
  };
  for (const def of world.types) {
    def.mayContainTypes = keepTypes(def.mayContainTypes);
    for (const [key, property] of Object.entries(def.properties)) {
      const held = property.contentType ?? property.items?.contentType;
      if (held !== undefined && (!types.has(held) || numberOf(held) <= numberOf(def.key))) {
        delete def.properties[key];
        continue;
      }
      if (property.group !== undefined && !groups.has(property.group)) delete property.group;
      if (property.allowedTypes) property.allowedTypes = keepTypes(property.allowedTypes);
    }
  }
  return world;
}

function expectValid(world: World) {
  const diagnostics = validateDesired(desiredState(world), { rules: RULES });
  expect(hasErrors(diagnostics), JSON.stringify(diagnostics, null, 1)).toBe(false);
}

function expectConverges(desired: World, start: { base: World; live: World }, strategy: 'manual' | 'desired-wins') {
  const first = plan(desired, start.base, start.live, { strategy });
  expect(first.blockers).toEqual([]);
  const after = simulateApply(first, start);
  const second = plan(desired, after.base, after.live, { strategy });
  expect(second.steps).toEqual([]);
  expect(second.resources.filter((entry) => entry.status !== 'in_sync' && entry.status !== 'unmanaged')).toEqual([]);
  expect(second.drift).toEqual([]);
}

const SEEDS = Array.from({ length: 150 }, (_, index) => index + 1);

describe('plan convergence (property-based)', () => {
  it.each(SEEDS)('seed %i: desired edits apply and the next plan is empty', (seed) => {
    const rng = random(seed);
    const x = randomWorld(rng);
    const desired = edit(rng, x, { addTypes: true });
    expectValid(desired);
    expectConverges(desired, { base: x, live: x }, 'manual');
  });

  it.each(SEEDS)('seed %i: drift in the CMS is reverted and the next plan is empty', (seed) => {
    const rng = random(seed * 7919);
    const x = randomWorld(rng);
    const live = edit(rng, x, { addTypes: true });
    expectConverges(x, { base: x, live }, 'manual');
  });

  it.each(SEEDS)('seed %i: edits on both sides converge with desired-wins', (seed) => {
    const rng = random(seed * 104729);
    const x = randomWorld(rng);
    const desired = edit(rng, x, { addTypes: true });
    const live = edit(rng, x, { addTypes: false });
    expectConverges(desired, { base: x, live }, 'desired-wins');
  });

  it('an import of any live state (base = live = desired) plans nothing', () => {
    for (const seed of SEEDS) {
      const x = randomWorld(random(seed));
      const result = plan(x, x, x);
      expect(result.steps).toEqual([]);
      expect(result.summary.statuses.in_sync).toBe(x.types.length + x.groups.length);
    }
  });
});
