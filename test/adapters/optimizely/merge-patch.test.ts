import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createMergePatch } from '../../../src/adapters/optimizely/merge-patch.js';

/** An independent RFC 7396 implementation serves as the oracle. */
const jsonMergePatch = createRequire(import.meta.url)('json-merge-patch') as { apply(target: unknown, patch: unknown): unknown };

type Doc = { [member: string]: unknown };

const cases: Array<{ name: string; before: Doc; after: Doc; patch: Doc | undefined }> = [
  { name: 'nothing changed', before: { a: 1, b: { c: [1, 2] } }, after: { a: 1, b: { c: [1, 2] } }, patch: undefined },
  { name: 'a member changed', before: { a: 1 }, after: { a: 2 }, patch: { a: 2 } },
  { name: 'a member added', before: { a: 1 }, after: { a: 1, b: 'x' }, patch: { b: 'x' } },
  { name: 'a member removed becomes null', before: { a: 1, b: 2 }, after: { a: 1 }, patch: { b: null } },
  {
    name: 'nested objects are patched member by member',
    before: { p: { t: { type: 'string', isRequired: true } } },
    after: { p: { t: { type: 'string' } } },
    patch: { p: { t: { isRequired: null } } },
  },
  {
    name: 'a nested object removed',
    before: { p: { t: { type: 'string' }, u: { type: 'url' } } },
    after: { p: { t: { type: 'string' } } },
    patch: { p: { u: null } },
  },
  {
    name: 'a nested object added whole',
    before: { p: {} },
    after: { p: { t: { type: 'string', enum: [{ value: 1, displayName: 'One' }] } } },
    patch: { p: { t: { type: 'string', enum: [{ value: 1, displayName: 'One' }] } } },
  },
  { name: 'arrays are replaced whole', before: { a: [1, 2, 3] }, after: { a: [1, 3] }, patch: { a: [1, 3] } },
  {
    name: 'array order matters',
    before: { e: [{ value: 'a' }, { value: 'b' }] },
    after: { e: [{ value: 'b' }, { value: 'a' }] },
    patch: { e: [{ value: 'b' }, { value: 'a' }] },
  },
  { name: 'an object replaced by a scalar', before: { a: { b: 1 } }, after: { a: 'x' }, patch: { a: 'x' } },
  { name: 'a scalar replaced by an object', before: { a: 'x' }, after: { a: { b: 1 } }, patch: { a: { b: 1 } } },
  { name: 'an empty list is a value', before: { a: ['x'] }, after: { a: [] }, patch: { a: [] } },
  { name: 'undefined members are absent', before: { a: 1, b: undefined }, after: { a: 1, c: undefined }, patch: undefined },
];

describe('createMergePatch', () => {
  it.each(cases)('$name', ({ before, after, patch }) => {
    expect(createMergePatch(before, after)).toEqual(patch);
  });

  it.each(cases)('applying the patch gives the target: $name', ({ before, after }) => {
    const patch = createMergePatch(before, after);
    const applied = patch === undefined ? before : jsonMergePatch.apply(structuredClone(before), patch);
    expect(JSON.parse(JSON.stringify(applied))).toEqual(JSON.parse(JSON.stringify(after)));
  });

  it('refuses a null in the target, which a merge patch cannot express', () => {
    expect(() => createMergePatch({ a: 1 }, { a: null })).toThrow(/cannot express a null/);
  });
});
