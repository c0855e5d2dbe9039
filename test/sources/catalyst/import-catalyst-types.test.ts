import { OPTIMIZELY_DEFAULTS } from '../../../src/adapters/optimizely/profile.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { importCatalystTypes, type CatalystImportRequest } from '../../../src/sources/catalyst/map/import-catalyst-types.js';
import { NO_OVERRIDES } from '../../../src/sources/catalyst/map/imported-type.js';
import { loadCatalystSnapshot } from '../../../src/sources/catalyst/read/load-catalyst-snapshot.js';
import { createCatalystDb, tempDir, type CatalystSeed } from './helpers/catalyst-db.js';

function importSeed(seed: CatalystSeed, request: Partial<Omit<CatalystImportRequest, 'snapshot'>> = {}) {
  const file = createCatalystDb(seed);
  const loaded = loadCatalystSnapshot(file);
  expect(loaded.snapshot).toBeDefined();
  const result = importCatalystTypes({
    snapshot: loaded.snapshot!,
    websites: [],
    overrides: NO_OVERRIDES,
    knownKeys: new Map(),
    defaults: OPTIMIZELY_DEFAULTS,
    ...request,
  });
  const byKey = Object.fromEntries(result.types.map((type) => [type.def.key, type]));
  return { ...result, diagnostics: [...loaded.diagnostics, ...result.diagnostics], byKey, file };
}

const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
const W1 = { id: 'w1', name: 'Harbour Site' };
const W2 = { id: 'w2', name: 'Kestrel' };

describe('importCatalystTypes over databases built with the real schema', () => {
  it('reads both shapes of the fields JSON', () => {
    const { byKey, diagnostics } = importSeed({
      websites: [W1],
      contentTypes: [
        { id: 'a', websiteId: 'w1', name: 'Shape B', fields: [{ name: 'title', type: 'text', required: true }] },
        {
          id: 'b',
          websiteId: 'w1',
          name: 'Shape A',
          fields: {
            name: 'Shape A',
            pluralName: 'Shape As',
            fields: [{ id: 'x', name: 'title', label: 'Title', type: 'text', order: 1 }],
            relationships: [],
            description: 'After relationships',
          },
          settings: { pluralName: 'Shape As' },
        },
      ],
    });
    expect(errors(diagnostics)).toEqual([]);
    expect(byKey.ShapeB?.origin.shape).toBe('array');
    expect(byKey.ShapeB?.def.properties.title).toEqual({ type: 'string', required: true, sortOrder: 1 });
    expect(byKey.ShapeA?.origin.shape).toBe('wrapper');
    expect(byKey.ShapeA?.def).toMatchObject({
      key: 'ShapeA',
      displayName: 'Shape A',
      description: 'After relationships',
      properties: { title: { displayName: 'Title', sortOrder: 1 } },
    });
  });

  it('completes a reference field with its relationship and adds properties for relationships without a field', () => {
    const { byKey, diagnostics } = importSeed({
      websites: [W1],
      contentTypes: [
        {
          id: 'member',
          websiteId: 'w1',
          name: 'Team Member',
          fields: {
            name: 'Team Member',
            fields: [{ name: 'location', type: 'reference', order: 1 }],
            relationships: [
              {
                id: 'r1',
                name: 'location',
                type: 'manyToOne',
                sourceContentTypeId: 'member',
                targetContentTypeId: 'loc',
                fieldName: 'location',
                isRequired: true,
              },
            ],
          },
        },
        {
          id: 'loc',
          websiteId: 'w1',
          name: 'Location',
          fields: {
            name: 'Location',
            fields: [],
            relationships: [
              { id: 'r2', name: 'staff', type: 'oneToMany', targetContentTypeId: 'member', fieldName: 'staff' },
              { id: 'r3', name: 'manager', type: 'oneToOne', targetContentTypeId: 'member', fieldName: 'manager' },
              { id: 'r4', name: 'peers', type: 'manyToMany', targetContentTypeId: 'loc', fieldName: 'peers' },
            ],
          },
        },
      ],
    });
    expect(errors(diagnostics)).toEqual([]);
    expect(byKey.TeamMember?.def.properties.location).toEqual({
      type: 'contentReference',
      allowedTypes: ['Location'],
      required: true,
      sortOrder: 1,
    });
    expect(byKey.Location?.def.properties).toEqual({
      staff: { type: 'array', items: { type: 'contentReference', allowedTypes: ['TeamMember'] }, sortOrder: 1 },
      manager: { type: 'contentReference', allowedTypes: ['TeamMember'], sortOrder: 2 },
      peers: { type: 'array', items: { type: 'contentReference', allowedTypes: ['Location'] }, sortOrder: 3 },
    });
  });

  it('generates a component type for every object field, nested ones too', () => {
    const { byKey, diagnostics } = importSeed({
      websites: [W1],
      contentTypes: [
        {
          id: 'a',
          websiteId: 'w1',
          name: 'Author',
          fields: [
            {
              name: 'social',
              type: 'object',
              fields: [
                { name: 'twitter', type: 'text' },
                { name: 'links', type: 'object', label: 'More links', fields: [{ name: 'site', type: 'url' }] },
              ],
            },
          ],
        },
      ],
    });
    expect(errors(diagnostics)).toEqual([]);
    expect(byKey.Author?.def.properties.social).toEqual({ type: 'component', contentType: 'AuthorSocial', sortOrder: 1 });
    expect(byKey.AuthorSocial?.def).toMatchObject({
      baseType: '_component',
      displayName: 'Author Social',
      properties: { links: { type: 'component', contentType: 'AuthorSocialLinks' } },
    });
    expect(byKey.AuthorSocialLinks?.def).toMatchObject({
      displayName: 'Author Social More links',
      properties: { site: { type: 'url', sortOrder: 1 } },
    });
    expect(byKey.AuthorSocialLinks?.origin.nestedIn).toEqual({ key: 'AuthorSocial', field: 'links' });
  });

  it('prefixes colliding keys with the website name, reports it, and keeps keys recorded earlier', () => {
    const seed: CatalystSeed = {
      websites: [W1, W2],
      contentTypes: [
        { id: 'p1', websiteId: 'w1', name: 'Blog Post', fields: [] },
        { id: 'p2', websiteId: 'w2', name: 'Blog Post', fields: [] },
        { id: 'p3', websiteId: 'w2', name: 'blog post', fields: [] },
      ],
    };
    const first = importSeed(seed);
    expect(Object.keys(first.byKey).sort()).toEqual(['HarbourSiteBlogPost', 'KestrelBlogPost', 'KestrelBlogPost2']);
    expect(first.diagnostics.filter((diagnostic) => diagnostic.code === 'CAT401')).toHaveLength(3);

    const one = importSeed(seed, { websites: ['Harbour Site'] });
    expect(Object.keys(one.byKey)).toEqual(['BlogPost']);

    const again = importSeed(seed, { knownKeys: new Map([['p1', 'BlogPost']]) });
    expect(Object.keys(again.byKey).sort()).toEqual(['BlogPost', 'KestrelBlogPost', 'KestrelBlogPost2']);

    // The key recorded for a row outside this import (another website) is still that row's.
    const twoSites: CatalystSeed = { websites: [W1, W2], contentTypes: seed.contentTypes.filter((row) => row.id !== 'p3') };
    const elsewhere = importSeed(twoSites, { websites: ['Kestrel'], knownKeys: new Map([['p1', 'BlogPost']]) });
    expect(Object.keys(elsewhere.byKey)).toEqual(['KestrelBlogPost']);
    expect(elsewhere.diagnostics.filter((diagnostic) => diagnostic.code === 'CAT401')).toHaveLength(1);
  });

  it('gives generated component types and properties a free key, numbered and reported, when theirs is taken', () => {
    const { byKey, diagnostics } = importSeed({
      websites: [W1],
      contentTypes: [
        {
          id: 'a',
          websiteId: 'w1',
          name: 'Author',
          fields: [
            { name: 'social', type: 'object', fields: [{ name: 'twitter', type: 'text' }] },
            { name: 'first name', type: 'text' },
            { name: 'firstName', type: 'text', maxLength: 5 },
          ],
        },
        { id: 's', websiteId: 'w1', name: 'Author Social', fields: [{ name: 'url', type: 'url' }] },
      ],
    });
    expect(errors(diagnostics)).toEqual([]);
    expect(Object.keys(byKey).sort()).toEqual(['Author', 'AuthorSocial', 'AuthorSocial2']);
    expect(byKey.AuthorSocial?.def.properties).toEqual({ url: { type: 'url', sortOrder: 1 } });
    expect(byKey.AuthorSocial2?.origin.nestedIn).toEqual({ key: 'Author', field: 'social' });
    expect(byKey.Author?.def.properties).toEqual({
      social: { type: 'component', contentType: 'AuthorSocial2', sortOrder: 1 },
      firstName: { type: 'string', sortOrder: 2 },
      firstName2: { type: 'string', maxLength: 5, sortOrder: 3 },
    });
    expect(
      diagnostics
        .filter((diagnostic) => diagnostic.code === 'CAT401' || diagnostic.code === 'CAT403')
        .map((diagnostic) => [diagnostic.code, diagnostic.severity]),
    ).toEqual([
      ['CAT401', 'warning'],
      ['CAT403', 'warning'],
    ]);
  });

  it('imports the good rows and lists the bad ones', () => {
    const { byKey, diagnostics, failedRowIds } = importSeed({
      websites: [W1],
      contentTypes: [
        { id: 'good', websiteId: 'w1', name: 'Good', fields: [{ name: 'title', type: 'text' }] },
        { id: 'broken', websiteId: 'w1', name: 'Broken', fields: '{"fields": [' },
        { id: 'odd', websiteId: 'w1', name: 'Odd', fields: { something: 'else' } },
        {
          id: 'partial',
          websiteId: 'w1',
          name: 'Partial',
          fields: [{ name: 'title', type: 'text' }, { name: 'accent', type: 'color' }, 'junk'],
        },
        {
          id: 'lost',
          websiteId: 'w1',
          name: 'Lost Target',
          fields: { fields: [], relationships: [{ type: 'manyToOne', fieldName: 'x', targetContentTypeId: 'nowhere' }] },
        },
        { id: 'settings', websiteId: 'w1', name: 'Bad Settings', fields: [], settings: '{not json' },
      ],
    });
    expect(Object.keys(byKey).sort()).toEqual(['BadSettings', 'Good', 'LostTarget', 'Partial']);
    expect(failedRowIds.sort()).toEqual(['broken', 'odd']);
    expect(
      errors(diagnostics)
        .map((diagnostic) => diagnostic.code)
        .sort(),
    ).toEqual(['CAT101', 'CAT102', 'CAT104', 'CAT201', 'CAT301']);
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'CAT103')?.severity).toBe('warning');
    expect(byKey.Partial?.def.properties).toEqual({ title: { type: 'string', sortOrder: 1 } });
    expect(byKey.Partial?.header.join('\n')).toContain('NOT IMPORTED (the import reported an error for each):\n  accent (color)');
    const malformed = errors(diagnostics).find((diagnostic) => diagnostic.code === 'CAT101');
    expect(malformed?.detail).toContain('website "Harbour Site" (w1), content type "Broken" (broken)');
  });

  it('reports an unknown website with the list of known ones, and an ambiguous name', () => {
    const seed: CatalystSeed = { websites: [W1, { id: 'w3', name: 'Twin' }, { id: 'w4', name: 'twin' }], contentTypes: [] };
    const unknown = importSeed(seed, { websites: ['Nowhere'] });
    expect(unknown.websites).toBeUndefined();
    expect(errors(unknown.diagnostics)).toMatchObject([{ code: 'CAT005', detail: expect.stringContaining('w1 ("Harbour Site")') }]);
    const ambiguous = importSeed(seed, { websites: ['TWIN'] });
    expect(errors(ambiguous.diagnostics)).toMatchObject([{ code: 'CAT006', detail: expect.stringContaining('w3, w4') }]);
    expect(importSeed(seed, { websites: ['w3'] }).websites?.map((website) => website.id)).toEqual(['w3']);
  });

  it('uses content items as evidence: slugs make pages, whole numbers make integers', () => {
    const { byKey } = importSeed({
      websites: [W1],
      contentTypes: [
        {
          id: 'dish',
          websiteId: 'w1',
          name: 'Dish',
          fields: [
            { name: 'calories', type: 'number' },
            { name: 'price', type: 'number' },
          ],
        },
      ],
      items: [
        { id: 'i1', contentTypeId: 'dish', websiteId: 'w1', data: { calories: 120, price: 4.2 }, slug: 'flat-white' },
        { id: 'i2', contentTypeId: 'dish', websiteId: 'w1', data: { calories: 300, price: 5 } },
        { id: 'i3', contentTypeId: 'dish', websiteId: 'w1', data: '{oops' },
      ],
    });
    expect(byKey.Dish?.def.baseType).toBe('_page');
    expect(byKey.Dish?.def.properties.calories?.type).toBe('integer');
    expect(byKey.Dish?.def.properties.price?.type).toBe('float');
  });

  it('applies overrides and reports those that match nothing', () => {
    const { byKey, diagnostics } = importSeed(
      {
        websites: [W1],
        contentTypes: [
          {
            id: 'a',
            websiteId: 'w1',
            name: 'Article',
            fields: [
              { name: 'slug', type: 'text' },
              { name: 'count', type: 'number' },
            ],
          },
        ],
      },
      {
        overrides: {
          baseTypes: { Article: 'component', Nope: 'page' },
          numbers: { 'Article.count': 'integer', 'Article.slug': 'integer' },
        },
      },
    );
    expect(byKey.Article?.def.baseType).toBe('_component');
    expect(byKey.Article?.def.properties.count?.type).toBe('integer');
    expect(errors(diagnostics).map((diagnostic) => diagnostic.summary)).toEqual([
      '--base-type Nope matches nothing',
      '--number Article.slug matches nothing',
    ]);
  });
});

describe('loadCatalystSnapshot: files that are not Catalyst databases', () => {
  it('a missing file', () => {
    const { snapshot, diagnostics } = loadCatalystSnapshot(join(tempDir(), 'absent.db'));
    expect(snapshot).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'CAT001', severity: 'error' }]);
  });

  it('a file that is not SQLite', () => {
    const file = join(tempDir(), 'notes.db');
    writeFileSync(file, 'these are not the tables you are looking for\n'.repeat(100));
    expect(loadCatalystSnapshot(file).diagnostics).toMatchObject([{ code: 'CAT002', detail: expect.stringContaining(file) }]);
  });

  it('a SQLite database without the tables', () => {
    const file = join(tempDir(), 'other.db');
    new Database(file).exec('CREATE TABLE Something (id TEXT)').close();
    expect(loadCatalystSnapshot(file).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.path])).toEqual([
      ['CAT003', 'Website'],
      ['CAT003', 'ContentType'],
    ]);
  });

  it('a ContentType table missing a column', () => {
    const file = join(tempDir(), 'old.db');
    new Database(file)
      .exec('CREATE TABLE Website (id TEXT, name TEXT); CREATE TABLE ContentType (id TEXT, websiteId TEXT, name TEXT, updatedAt INTEGER)')
      .close();
    expect(loadCatalystSnapshot(file).diagnostics).toMatchObject([
      { code: 'CAT004', path: 'ContentType.fields', summary: 'Column ContentType.fields is missing' },
    ]);
  });

  it('decodes both timestamp encodings', () => {
    const file = createCatalystDb({
      websites: [W1],
      contentTypes: [
        { id: 'ms', websiteId: 'w1', name: 'Ms', fields: [], updatedAt: 1755171340062 },
        { id: 'text', websiteId: 'w1', name: 'Text', fields: [], createdAt: '2025-08-14 09:40:12', updatedAt: '2025-08-14 09:40:12' },
        { id: 'junk', websiteId: 'w1', name: 'Junk', fields: [], updatedAt: 'yesterday' },
      ],
    });
    const { snapshot, diagnostics } = loadCatalystSnapshot(file);
    const updated = Object.fromEntries(snapshot!.contentTypes.map((row) => [row.id, row.updatedAt]));
    expect(updated).toEqual({ ms: '2025-08-14T11:35:40.062Z', text: '2025-08-14T09:40:12.000Z', junk: null });
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['CAT007']);
  });
});
