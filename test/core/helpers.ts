import { digest } from '../../src/core/digest.js';
import type { ApplyStep } from '../../src/core/generated/plan.js';
import type { ContentTypeDef, LiveContentType, LivePropertyGroup, PropertyGroupDef } from '../../src/core/model.js';
import { normalizeContentType, normalizePropertyGroup } from '../../src/core/normalize.js';
import { createPlan, type Plan, type PlanOptions } from '../../src/core/plan.js';
import { contentTypeReferences, isPlatformTypeName } from '../../src/core/references.js';
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
}

export function desiredState(world: World): DesiredState {
  return {
    contentTypes: (world.types ?? []).map((def) => ({ def })),
    propertyGroups: (world.groups ?? []).map((def) => ({ def })),
  };
}

export function baseState(world: World): BaseState {
  const entry = <T>(def: T, normalized: unknown) => ({
    def,
    digest: digest(normalized),
    version: { etag: etagOf(normalized) },
    syncedAt: NOW,
    syncedBy: 'test',
  });
  return {
    contentTypes: Object.fromEntries((world.types ?? []).map((def) => [def.key, entry(def, normalizeContentType(def))])),
    propertyGroups: Object.fromEntries((world.groups ?? []).map((def) => [def.key, entry(def, normalizePropertyGroup(def))])),
  };
}

export function liveState(world: World, readOnly: { types?: string[]; groups?: string[] } = {}): LiveState {
  return {
    contentTypes: (world.types ?? []).map((def): LiveContentType => ({ def, version: { etag: etagOf(normalizeContentType(def)) }, readOnly: readOnly.types?.includes(def.key) ?? false })),
    propertyGroups: (world.groups ?? []).map((def): LivePropertyGroup => ({ def, version: { etag: etagOf(normalizePropertyGroup(def)) }, readOnly: readOnly.groups?.includes(def.key) ?? false })),
  };
}

/** A deterministic strong ETag per definition, as a server would send one. */
export function etagOf(normalized: unknown): string {
  return `"${digest(normalized).slice('sha256:'.length, 'sha256:'.length + 12)}"`;
}

export function plan(desired: World, base: World, live: World, options: Partial<PlanOptions> = {}, readOnly: { types?: string[]; groups?: string[] } = {}): Plan {
  return createPlan({
    desired: desiredState(desired),
    base: baseState(base),
    live: liveState(live, readOnly),
    options: { now: NOW, target: TARGET, builtInGroups: BUILT_IN_GROUPS, ...options },
  });
}

export function resource(result: Plan, kind: 'contentType' | 'propertyGroup', key: string) {
  const found = result.resources.find((entry) => entry.kind === kind && entry.key === key);
  if (!found) throw new Error(`no ${kind} ${key} in the plan`);
  return found;
}

/**
 * A fake platform that runs a plan's steps the way apply will, and enforces what the real one
 * does: preconditions, references that must exist when a type is written (hard and soft), and
 * hard references that must not dangle after a delete. Returns the new base and live state.
 */
export function simulateApply(result: Plan, state: { base: World; live: World }, builtInGroups = BUILT_IN_GROUPS): { base: World; live: World } {
  const liveTypes = new Map((state.live.types ?? []).map((def) => [def.key, normalizeContentType(def)]));
  const liveGroups = new Map((state.live.groups ?? []).map((def) => [def.key, normalizePropertyGroup(def)]));
  const baseTypes = new Map((state.base.types ?? []).map((def) => [def.key, normalizeContentType(def)]));
  const baseGroups = new Map((state.base.groups ?? []).map((def) => [def.key, normalizePropertyGroup(def)]));
  const created = new Set<string>();

  const assertReferencesExist = (def: ContentTypeDef) => {
    for (const reference of contentTypeReferences(def)) {
      if (reference.targetKind === 'propertyGroup') {
        if (!liveGroups.has(reference.target) && !builtInGroups.includes(reference.target)) throw new Error(`${def.key}: group ${reference.target} does not exist`);
      } else if (!isPlatformTypeName(reference.target) && !liveTypes.has(reference.target)) {
        throw new Error(`${def.key}.${reference.path}: type ${reference.target} does not exist`);
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
    switch (step.action) {
      case 'create':
        if (step.kind === 'contentType') {
          if (liveTypes.has(step.key)) throw new Error(`${step.key} already exists`);
          assertReferencesExist(step.definition);
          liveTypes.set(step.key, step.definition);
          baseTypes.set(step.key, step.definition);
        } else {
          if (liveGroups.has(step.key)) throw new Error(`group ${step.key} already exists`);
          liveGroups.set(step.key, step.definition);
          baseGroups.set(step.key, step.definition);
        }
        created.add(`${step.kind}:${step.key}`);
        break;
      case 'update':
        if (step.kind === 'contentType') {
          assertVersion(step, liveTypes.get(step.key));
          assertReferencesExist(step.next);
          liveTypes.set(step.key, step.next);
          baseTypes.set(step.key, step.next);
        } else {
          assertVersion(step, liveGroups.get(step.key));
          liveGroups.set(step.key, step.next);
          baseGroups.set(step.key, step.next);
        }
        break;
      case 'delete':
        if (step.kind === 'contentType') {
          assertVersion(step, liveTypes.get(step.key));
          liveTypes.delete(step.key);
          baseTypes.delete(step.key);
        } else {
          assertVersion(step, liveGroups.get(step.key));
          liveGroups.delete(step.key);
          baseGroups.delete(step.key);
        }
        for (const def of liveTypes.values()) {
          for (const reference of contentTypeReferences(def)) {
            if (reference.hard && reference.targetKind === step.kind && reference.target === step.key) {
              throw new Error(`deleted ${step.key} while ${def.key}.${reference.path} still holds it`);
            }
          }
        }
        break;
      case 'adopt':
        if (step.kind === 'contentType') baseTypes.set(step.key, step.definition);
        else baseGroups.set(step.key, step.definition);
        break;
      case 'forget':
        if (step.kind === 'contentType') baseTypes.delete(step.key);
        else baseGroups.delete(step.key);
        break;
      default: {
        const unknown: never = step;
        throw new Error(`unknown step ${JSON.stringify(unknown)}`);
      }
    }
  }
  return {
    base: { types: [...baseTypes.values()], groups: [...baseGroups.values()] },
    live: { types: [...liveTypes.values()], groups: [...liveGroups.values()] },
  };
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
