import { OPTIMIZELY_DEFAULTS } from '../../../src/adapters/optimizely/profile.js';
import { describe, expect, it } from 'vitest';
import { digest } from '../../../src/core/digest.js';
import type { ContentTypeDef } from '../../../src/core/model.js';
import { normalizeContentType } from '../../../src/core/normalize.js';
import type { CatalystOrigin, ImportedType } from '../../../src/sources/catalyst/map/imported-type.js';
import {
  planReimport,
  type CatalystBaseEntry,
  type ReimportInput,
  type YamlType,
} from '../../../src/sources/catalyst/import/plan-reimport.js';

const origin = (id: string, websiteId = 'w1'): CatalystOrigin => ({
  websiteId,
  websiteName: 'Site',
  contentTypeId: id,
  contentTypeName: id,
  updatedAt: '2025-08-14T00:00:00.000Z',
  shape: 'wrapper',
});
const def = (key: string, title: Partial<ContentTypeDef['properties'][string]> = {}): ContentTypeDef =>
  normalizeContentType(
    { key, baseType: '_component', displayName: key, properties: { title: { type: 'string', ...title } } },
    OPTIMIZELY_DEFAULTS,
  );
const imported = (key: string, title = {}, id = key): ImportedType => ({
  def: def(key, title),
  origin: origin(id),
  header: [],
  sources: {},
  skipped: [],
});
const entry = (key: string, title = {}, id = key, websiteId = 'w1'): CatalystBaseEntry => ({
  digest: digest(def(key, title)),
  definition: def(key, title),
  importedAt: '2025-01-01T00:00:00.000Z',
  origin: origin(id, websiteId),
});
const yaml = (key: string, title = {}): [string, YamlType] => [key, { def: def(key, title), file: `/p/${key}.yaml` }];

function plan(input: Partial<ReimportInput>) {
  return planReimport({
    imported: [],
    base: {},
    yaml: new Map(),
    websiteIds: new Set(['w1']),
    failedRowIds: new Set(),
    strategy: 'manual',
    now: '2025-09-01T00:00:00.000Z',
    defaults: OPTIMIZELY_DEFAULTS,
    ...input,
  });
}

describe('planReimport: Catalyst as one more side of a three-way merge', () => {
  it('a first import creates every type and records it', () => {
    const result = plan({ imported: [imported('A')] });
    expect(result.actions.map((action) => action.kind)).toEqual(['create']);
    expect(result.base.A).toMatchObject({ digest: digest(def('A')), importedAt: '2025-09-01T00:00:00.000Z' });
  });

  it('nothing changed anywhere: unchanged, and the lockfile entry is not rewritten', () => {
    const result = plan({ imported: [imported('A')], base: { A: entry('A') }, yaml: new Map([yaml('A')]) });
    expect(result.actions).toMatchObject([{ kind: 'unchanged', yamlEdited: false }]);
    expect(result.base.A?.importedAt).toBe('2025-01-01T00:00:00.000Z');
  });

  it('a Catalyst change updates the YAML and the base', () => {
    const result = plan({ imported: [imported('A', { maxLength: 50 })], base: { A: entry('A') }, yaml: new Map([yaml('A')]) });
    expect(result.actions).toMatchObject([{ kind: 'update', changed: ['properties.title.maxLength'] }]);
    expect(result.base.A?.definition).toEqual(def('A', { maxLength: 50 }));
  });

  it('a YAML edit is kept when Catalyst did not change', () => {
    const result = plan({ imported: [imported('A')], base: { A: entry('A') }, yaml: new Map([yaml('A', { required: true })]) });
    expect(result.actions).toMatchObject([{ kind: 'unchanged', yamlEdited: true }]);
  });

  it('edits on both sides to different members merge', () => {
    const result = plan({
      imported: [imported('A', { maxLength: 50 })],
      base: { A: entry('A') },
      yaml: new Map([yaml('A', { required: true })]),
    });
    expect(result.actions).toMatchObject([{ kind: 'update', merged: def('A', { maxLength: 50, required: true }) }]);
  });

  it('overlapping edits are a conflict: the YAML and its base stay as they were', () => {
    const result = plan({
      imported: [imported('A', { maxLength: 50 })],
      base: { A: entry('A') },
      yaml: new Map([yaml('A', { maxLength: 80 })]),
    });
    expect(result.actions).toMatchObject([
      { kind: 'conflict', conflicts: [{ path: 'properties.title.maxLength', base: undefined, ours: 80, theirs: 50 }] },
    ]);
    expect(result.base.A).toEqual(entry('A'));
  });

  it('--prefer yaml settles the conflict and records Catalyst as the new base', () => {
    const result = plan({
      imported: [imported('A', { maxLength: 50 })],
      base: { A: entry('A') },
      yaml: new Map([yaml('A', { maxLength: 80 })]),
      strategy: 'desired-wins',
    });
    expect(result.actions).toMatchObject([{ kind: 'unchanged' }]);
    expect(result.base.A?.definition).toEqual(def('A', { maxLength: 50 }));
  });

  it('a type removed from Catalyst is removed from an unedited YAML, kept and reported when edited', () => {
    const result = plan({
      base: { A: entry('A'), B: entry('B'), C: entry('C') },
      yaml: new Map([yaml('A'), yaml('B', { required: true })]),
    });
    expect(result.actions.map((action) => [action.key, action.kind])).toEqual([
      ['A', 'remove'],
      ['B', 'removal-conflict'],
      ['C', 'forget'],
    ]);
    expect(Object.keys(result.base)).toEqual(['B']);
  });

  it('types of websites not imported, and of rows that could not be read, are never taken as removed', () => {
    const result = plan({
      base: { A: entry('A', {}, 'a', 'w2'), B: entry('B', {}, 'broken') },
      yaml: new Map([yaml('A'), yaml('B')]),
      failedRowIds: new Set(['broken']),
    });
    expect(result.actions).toEqual([]);
    expect(Object.keys(result.base)).toEqual(['A', 'B']);
  });

  it('a YAML file deleted since the import stays deleted unless Catalyst changed the type', () => {
    const same = plan({ imported: [imported('A')], base: { A: entry('A') } });
    expect(same.actions).toMatchObject([{ kind: 'deleted-in-yaml' }]);
    const changed = plan({ imported: [imported('A', { maxLength: 5 })], base: { A: entry('A') } });
    expect(changed.actions).toMatchObject([{ kind: 'deletion-conflict', changed: ['properties.title.maxLength'] }]);
    expect(changed.base.A).toEqual(entry('A'));
  });

  it('a YAML type never imported from Catalyst is merged without a base (adopted when equal)', () => {
    const equal = plan({ imported: [imported('A')], yaml: new Map([yaml('A')]) });
    expect(equal.actions).toMatchObject([{ kind: 'unchanged' }]);
    const different = plan({ imported: [imported('A', { maxLength: 5 })], yaml: new Map([yaml('A', { maxLength: 9 })]) });
    expect(different.actions).toMatchObject([{ kind: 'conflict' }]);
  });
});
