import { describe, expect, it } from 'vitest';
import { OPTIMIZELY_DEFAULTS } from '../../src/adapters/optimizely/profile.js';
import { diffDefinitions } from '../../src/core/diff.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import { normalizeContentType } from '../../src/core/normalize.js';
import type { Plan } from '../../src/core/plan.js';
import { plan, random, simulateApply, type } from './helpers.js';

/**
 * Property-based: random edits on both sides of a synced state, planned bidirectionally with the
 * merge strategy and applied (the CMS by a fake platform that checks preconditions and
 * references, the YAML by taking each `toYaml`). Either the plan is blocked by named conflicts,
 * each on a member both sides changed, or both sides end equal, the next plan is empty, and every
 * member only one side changed holds that side's value.
 */
type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const KEYS = ['A', 'B', 'C'];

function start(rng: Rng): ContentTypeDef[] {
  return KEYS.map((key) =>
    type(key, {
      displayName: `Type ${key}`,
      mayContainTypes: [pick(rng, KEYS)],
      properties: { title: { type: 'string', maxLength: 50 }, body: { type: 'richText' } },
    }),
  );
}

const EDITS: Array<(def: ContentTypeDef, rng: Rng, side: string) => void> = [
  (def, _rng, side) => (def.displayName = `${def.key} by ${side}`),
  (def, _rng, side) => (def.description = `described by ${side}`),
  (def, rng) => (def.properties['title']!.maxLength = 10 + Math.floor(rng() * 200)),
  (def, _rng, side) => (def.properties[`added_${side}`] = { type: 'string' }),
  (def) => delete def.properties['body'],
  (def, rng) => (def.mayContainTypes = [...new Set([...(def.mayContainTypes ?? []), pick(rng, KEYS)])].sort()),
  (def, _rng, side) => {
    if (def.properties['body']) def.properties['body'].displayName = `Body (${side})`;
  },
];

function edited(rng: Rng, types: readonly ContentTypeDef[], side: string): ContentTypeDef[] {
  const result = structuredClone(types) as ContentTypeDef[];
  for (let count = 1 + Math.floor(rng() * 4); count > 0; count -= 1) pick(rng, EDITS)(pick(rng, result), rng, side);
  return result.map((def) => normalizeContentType(def, OPTIMIZELY_DEFAULTS));
}

/** What the YAML holds after apply: each `toYaml` taken. */
function yamlAfter(result: Plan, desired: readonly ContentTypeDef[]): ContentTypeDef[] {
  const byKey = new Map(desired.map((def) => [def.key, def]));
  for (const resource of result.resources) {
    if (!resource.toYaml || resource.kind !== 'contentType') continue;
    if (resource.toYaml.after) byKey.set(resource.key, resource.toYaml.after as ContentTypeDef);
    else byKey.delete(resource.key);
  }
  return [...byKey.values()];
}

const changedPaths = (before: ContentTypeDef, after: ContentTypeDef) =>
  new Set(diffDefinitions(before, after).map((change) => change.path));
const valueAt = (def: ContentTypeDef | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((value, segment) => (value as Record<string, unknown> | undefined)?.[segment], def);

const outcomes = { blocked: 0, applied: 0 };

describe('bidirectional + merge converges, or blocks on named conflicts, and never loses a one-sided edit', () => {
  it.each(Array.from({ length: 60 }, (_, index) => index + 1))('seed %i', (seed) => {
    const rng = random(seed);
    const base = start(rng).map((def) => normalizeContentType(def, OPTIMIZELY_DEFAULTS));
    const yaml = edited(rng, base, 'yaml');
    const cms = edited(rng, base, 'cms');
    const result = plan({ types: yaml }, { types: base }, { types: cms }, { mode: 'bidirectional', strategy: 'merge' });

    const both = (key: string) => {
      const [b, y, c] = [base, yaml, cms].map((side) => side.find((def) => def.key === key)!);
      const fromYaml = changedPaths(b!, y!);
      return [...changedPaths(b!, c!)].filter((path) =>
        [...fromYaml].some((other) => other === path || other.startsWith(`${path}.`) || path.startsWith(`${other}.`)),
      );
    };
    if (!result.applyable) {
      outcomes.blocked += 1;
      expect(result.blockers.every((blocker) => blocker.code === 'PL101')).toBe(true);
      for (const resource of result.resources.filter((entry) => entry.blocked)) {
        expect(resource.conflicts.length).toBeGreaterThan(0);
        expect(both(resource.key).length).toBeGreaterThan(0);
        for (const conflict of resource.conflicts) expect(conflict.resolution).toBe('unresolved');
      }
      return;
    }
    outcomes.applied += 1;
    const cmsAfter = simulateApply(result, { base: { types: base }, live: { types: cms } });
    const yamlSide = yamlAfter(result, yaml);
    const sorted = (defs: readonly ContentTypeDef[]) => [...defs].sort((a, b) => a.key.localeCompare(b.key));
    expect(sorted(yamlSide)).toEqual(sorted(cmsAfter.live.types ?? []));

    const next = plan({ types: yamlSide }, cmsAfter.base, cmsAfter.live, { mode: 'bidirectional', strategy: 'merge' });
    expect(next.steps.filter((step) => step.action !== 'adopt')).toEqual([]);
    expect(next.summary.yamlWrites).toBe(0);

    for (const key of KEYS) {
      const [b, y, c] = [base, yaml, cms].map((side) => side.find((def) => def.key === key)!);
      const final = yamlSide.find((def) => def.key === key);
      const onlyYaml = [...changedPaths(b!, y!)].filter((path) => !changedPaths(b!, c!).has(path));
      const onlyCms = [...changedPaths(b!, c!)].filter((path) => !changedPaths(b!, y!).has(path));
      for (const path of onlyYaml)
        if (!path.startsWith('mayContainTypes')) expect(valueAt(final, path), `${key}.${path}`).toEqual(valueAt(y, path));
      for (const path of onlyCms)
        if (!path.startsWith('mayContainTypes')) expect(valueAt(final, path), `${key}.${path}`).toEqual(valueAt(c, path));
    }
  });

  it('the seeds exercise both outcomes', () => {
    expect(outcomes.blocked).toBeGreaterThan(5);
    expect(outcomes.applied).toBeGreaterThan(20);
  });
});
