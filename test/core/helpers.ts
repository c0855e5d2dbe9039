import { OPTIMIZELY_DEFAULTS, OPTIMIZELY_PROFILE } from '../../src/adapters/optimizely/profile.js';
import { digest } from '../../src/core/digest.js';
import type { ApplyStep } from '../../src/core/generated/plan.js';
import type { ContentTypeDef, Definition, DisplayTemplateDef, PropertyGroupDef, ResourceKind } from '../../src/core/model.js';
import { createPlan, type Plan, type PlanOptions } from '../../src/core/plan.js';
import type { PlatformRules } from '../../src/core/platform-profile.js';
import { isPlatformTypeName } from '../../src/core/references.js';
import { kindOf } from '../../src/core/resource-kinds.js';
import type { BaseState, DesiredState, LiveState } from '../../src/core/state.js';

export const NOW = '2026-03-01T12:00:00.000Z';
export const TARGET = { name: 'test', platform: 'optimizely', description: 'optimizely v1 (unit test)' };
export const BUILT_IN_GROUPS = ['Content', 'Settings'];

export function type(key: string, overrides: Partial<ContentTypeDef> = {}): ContentTypeDef {
  return { key, baseType: '_page', displayName: key, properties: {}, ...overrides };
}

export function component(key: string, overrides: Partial<ContentTypeDef> = {}): ContentTypeDef {
  return type(key, { baseType: '_component', ...overrides });
}

export function group(key: string, displayName = key): PropertyGroupDef {
  return { key, displayName };
}

/** The three states of one target, as plain lists. */
export interface World {
  types?: ContentTypeDef[];
  groups?: PropertyGroupDef[];
  templates?: DisplayTemplateDef[];
}

/** The platform rules unit tests plan with: Optimizely's defaults, two built-in groups. */
export const RULES: PlatformRules = { ...OPTIMIZELY_PROFILE, builtInGroups: ['Content', 'Settings'] };

export function desiredState(world: World): DesiredState {
  return {
    contentTypes: (world.types ?? []).map((def) => ({ def })),
    propertyGroups: (world.groups ?? []).map((def) => ({ def })),
    displayTemplates: (world.templates ?? []).map((def) => ({ def })),
  };
}

export function baseState(world: World): BaseState {
  const entries = <T extends Definition>(kind: ResourceKind, defs: readonly T[] | undefined) =>
    Object.fromEntries(
      (defs ?? []).map((def) => {
        const normalized = kindOf(kind).normalize(def, OPTIMIZELY_DEFAULTS);
        return [def.key, { def, digest: digest(normalized), version: { etag: etagOf(normalized) }, syncedAt: NOW, syncedBy: 'test' }];
      }),
    );
  return {
    contentTypes: entries('contentType', world.types),
    propertyGroups: entries('propertyGroup', world.groups),
    displayTemplates: entries('displayTemplate', world.templates),
  };
}

export function liveState(world: World, readOnly: { types?: string[]; groups?: string[] } = {}): LiveState {
  const live = <T extends Definition>(kind: ResourceKind, defs: readonly T[] | undefined, readOnlyKeys: readonly string[] = []) =>
    (defs ?? []).map((def) => ({
      def,
      version: { etag: etagOf(kindOf(kind).normalize(def, OPTIMIZELY_DEFAULTS)) },
      readOnly: readOnlyKeys.includes(def.key),
    }));
  return {
    contentTypes: live('contentType', world.types, readOnly.types),
    propertyGroups: live('propertyGroup', world.groups, readOnly.groups),
    displayTemplates: live('displayTemplate', world.templates),
  };
}

/** A deterministic strong ETag per definition, as a server would send one. */
export function etagOf(normalized: unknown): string {
  return `"${digest(normalized).slice('sha256:'.length, 'sha256:'.length + 12)}"`;
}

export function plan(
  desired: World,
  base: World,
  live: World,
  options: Partial<PlanOptions> = {},
  readOnly: { types?: string[]; groups?: string[] } = {},
): Plan {
  return createPlan({
    desired: desiredState(desired),
    base: baseState(base),
    live: liveState(live, readOnly),
    options: { now: NOW, target: TARGET, rules: RULES, ...options },
  });
}

export function resource(result: Plan, kind: ResourceKind, key: string) {
  const found = result.resources.find((entry) => entry.kind === kind && entry.key === key);
  if (!found) throw new Error(`no ${kind} ${key} in the plan`);
  return found;
}

/**
 * A fake platform that runs a plan's steps the way apply will, and enforces what the real one
 * does: preconditions, references that must exist when a resource is written (hard and soft), and
 * hard references that must not dangle after a delete. Returns the new base and live state.
 */
export function simulateApply(
  result: Plan,
  state: { base: World; live: World },
  builtInGroups = BUILT_IN_GROUPS,
): { base: World; live: World } {
  const side = (world: World) =>
    new Map<ResourceKind, Map<string, Definition>>([
      ['contentType', index('contentType', world.types)],
      ['propertyGroup', index('propertyGroup', world.groups)],
      ['displayTemplate', index('displayTemplate', world.templates)],
    ]);
  const live = side(state.live);
  const base = side(state.base);
  const created = new Set<string>();

  const assertReferencesExist = (kind: ResourceKind, def: Definition) => {
    for (const reference of kindOf(kind).references(def)) {
      if (reference.targetKind === 'propertyGroup') {
        if (!live.get('propertyGroup')!.has(reference.target) && !builtInGroups.includes(reference.target))
          throw new Error(`${def.key}: group ${reference.target} does not exist`);
      } else if (!isPlatformTypeName(reference.target) && !live.get(reference.targetKind)!.has(reference.target)) {
        throw new Error(`${def.key}.${reference.path}: ${reference.targetKind} ${reference.target} does not exist`);
      }
    }
  };
  const assertVersion = (step: Extract<ApplyStep, { precondition: unknown }>, current: unknown) => {
    const { precondition } = step;
    if (current === undefined) throw new Error(`${step.key}: ${step.action} of a resource that does not exist`);
    if (precondition.kind === 'created') {
      if (!created.has(`${step.kind}:${step.key}`)) throw new Error(`${step.key}: follow-up update before its create`);
    } else if (precondition.kind !== 'version' || precondition.digest !== digest(current)) {
      throw new Error(`${step.key}: stale precondition`);
    }
  };

  for (const step of result.steps) {
    const liveOfKind = live.get(step.kind)!;
    const baseOfKind = base.get(step.kind)!;
    switch (step.action) {
      case 'create':
        if (liveOfKind.has(step.key)) throw new Error(`${step.kind} ${step.key} already exists`);
        assertReferencesExist(step.kind, step.definition);
        liveOfKind.set(step.key, step.definition);
        baseOfKind.set(step.key, step.definition);
        created.add(`${step.kind}:${step.key}`);
        break;
      case 'update':
        assertVersion(step, liveOfKind.get(step.key));
        assertReferencesExist(step.kind, step.next);
        liveOfKind.set(step.key, step.next);
        baseOfKind.set(step.key, step.next);
        break;
      case 'delete':
        assertVersion(step, liveOfKind.get(step.key));
        liveOfKind.delete(step.key);
        baseOfKind.delete(step.key);
        for (const [kind, defs] of live) {
          for (const def of defs.values()) {
            for (const reference of kindOf(kind).references(def)) {
              if (reference.hard && reference.targetKind === step.kind && reference.target === step.key) {
                throw new Error(`deleted ${step.key} while ${def.key}.${reference.path} still holds it`);
              }
            }
          }
        }
        break;
      case 'adopt':
        baseOfKind.set(step.key, step.definition);
        break;
      case 'forget':
        baseOfKind.delete(step.key);
        break;
      default: {
        const unknown: never = step;
        throw new Error(`unknown step ${JSON.stringify(unknown)}`);
      }
    }
  }
  const world = (maps: Map<ResourceKind, Map<string, Definition>>): World => ({
    types: [...maps.get('contentType')!.values()] as ContentTypeDef[],
    groups: [...maps.get('propertyGroup')!.values()] as PropertyGroupDef[],
    templates: [...maps.get('displayTemplate')!.values()] as DisplayTemplateDef[],
  });
  return { base: world(base), live: world(live) };
}

function index(kind: ResourceKind, defs: readonly Definition[] | undefined): Map<string, Definition> {
  return new Map((defs ?? []).map((def) => [def.key, kindOf(kind).normalize(def, OPTIMIZELY_DEFAULTS)]));
}

/** A small seeded PRNG (mulberry32): property-based checks stay reproducible. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
