import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/canonical-json.js';

/** A small deterministic generator of JSON-like values, undefined members and odd keys included. */
function* values(seed: number, count: number): Generator<unknown> {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const keys = ['a', 'B', 'z', 'é', '__proto__x', '10', '2', '', 'key with space', '😀'];
  const make = (depth: number): unknown => {
    const pick = next();
    if (depth > 3 || pick < 0.3) {
      const scalars = [null, true, false, 0, -1.5, 1e21, 'text', 'quote"and\\slash', '\u2028', undefined, Number.NaN];
      return scalars[Math.floor(next() * scalars.length)];
    }
    if (pick < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => make(depth + 1));
    const object: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 5); i > 0; i--) object[keys[Math.floor(next() * keys.length)]!] = make(depth + 1);
    return object;
  };
  for (let i = 0; i < count; i++) yield make(0);
}

/** The first sortKeys, which copied every object: the digests already recorded in lockfiles were taken with it. */
function referenceSortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(referenceSortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = referenceSortKeys(member);
    }
    return sorted;
  }
  return value;
}

describe('canonicalJson', () => {
  it('writes what the first, copying implementation wrote, for every generated value (recorded digests stay valid)', () => {
    for (const value of values(7, 2_000)) expect(canonicalJson(value)).toBe(JSON.stringify(referenceSortKeys(value)) ?? 'null');
  });

  it('leaves out undefined members and functions, and writes them as null in arrays, as JSON does', () => {
    expect(canonicalJson({ b: undefined, a: () => 1, c: [undefined, () => 1] })).toBe('{"c":[null,null]}');
    expect(canonicalJson({ when: new Date(0) })).toBe('{"when":"1970-01-01T00:00:00.000Z"}');
  });

  it('writes array-index keys first, in numeric order, as a JavaScript object holds them', () => {
    expect(canonicalJson({ b: 1, '10': 2, a: 3, '2': 4, '01': 5 })).toBe('{"2":4,"10":2,"01":5,"a":3,"b":1}');
  });
});
