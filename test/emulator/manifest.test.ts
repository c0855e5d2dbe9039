import { describe, expect, it } from 'vitest';
import { sampleType } from './helpers/api.js';
import { useEmulator } from './helpers/use-emulator.js';

const { emulator, api } = useEmulator();

const MANIFEST_TYPE = 'application/vnd.optimizely.cms.v1.manifest+json';

describe('POST /manifest', () => {
  it('imports groups, types and templates, answering 200 with outcomes (manifest media type)', async () => {
    const response = await api.post(
      '/v1/manifest',
      {
        propertyGroups: [{ key: 'Meta', displayName: 'Meta', sortOrder: 1 }],
        contentTypes: [sampleType('ImportedPage'), sampleType('ImportedBlock', { baseType: '_component' })],
        displayTemplates: [{ key: 'ImportedStyle', displayName: 'Style', contentType: 'ImportedBlock' }],
      },
      { contentType: MANIFEST_TYPE, headers: { accept: 'application/json' } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.json).toEqual({
      outcomes: [
        { section: 'propertyGroups', resource: 'Meta', message: "Property group 'Meta' was created." },
        { section: 'contentTypes', resource: 'ImportedPage', message: "Content type 'ImportedPage' was created." },
        { section: 'contentTypes', resource: 'ImportedBlock', message: "Content type 'ImportedBlock' was created." },
        { section: 'displayTemplates', resource: 'ImportedStyle', message: "Display template 'ImportedStyle' was created." },
      ],
      errors: [],
    });
  });

  it('accepts application/json too, and replaces existing resources', async () => {
    const response = await api.post('/v1/manifest', { contentTypes: [sampleType('ImportedPage', { description: 'v2' })] });
    expect(response.json.outcomes).toEqual([
      { section: 'contentTypes', resource: 'ImportedPage', message: "Content type 'ImportedPage' was updated." },
    ]);
    expect(emulator.store.contentTypes.get('ImportedPage')?.doc.description).toBe('v2');
  });

  it('answers 200 even when nothing was imported: every failure is an errors[] entry', async () => {
    const response = await api.post('/v1/manifest', {
      propertyGroups: [{ key: 'content', displayName: 'Reserved' }],
      contentTypes: [
        { key: 'Broken', displayName: 'B', baseType: '_page', properties: { a1: { type: 'array' } } },
        'not an object',
        sampleType('ImageMedia'),
      ],
      displayTemplates: [{ key: 'NoName' }],
    });
    expect(response.status).toBe(200);
    expect(response.json.outcomes).toEqual([]);
    expect(response.json.errors).toEqual([
      { section: 'propertyGroups', resource: 'content', message: expect.stringContaining("The TabDefinition name 'content' is reserved") },
      {
        section: 'contentTypes',
        resource: 'Broken',
        message: expect.stringContaining('properties.a1.items: The items field is required.'),
      },
      { section: 'contentTypes', resource: null, message: 'Entry 1 is not an object.' },
      { section: 'contentTypes', resource: 'ImageMedia', message: expect.stringContaining('system content type') },
      {
        section: 'displayTemplates',
        resource: 'NoName',
        message: expect.stringContaining('displayName: The displayName field is required.'),
      },
    ]);
    expect(emulator.store.contentTypes.has('Broken')).toBe(false);
  });

  it('reports a repeated import as unchanged without a new version', async () => {
    const before = emulator.store.contentTypes.get('ImportedBlock')!.etag;
    const response = await api.post('/v1/manifest', { contentTypes: [sampleType('ImportedBlock', { baseType: '_component' })] });
    expect(response.json.outcomes[0].message).toBe("Content type 'ImportedBlock' is unchanged.");
    expect(emulator.store.contentTypes.get('ImportedBlock')!.etag).toBe(before);
  });

  it('notes that locales are not modeled', async () => {
    const response = await api.post('/v1/manifest', { locales: [{ key: 'en' }] });
    expect(response.json.outcomes).toEqual([
      { section: 'locales', resource: null, message: expect.stringContaining('does not model locales') },
    ]);
  });

  it.each([
    ['a body that is not an object', '[1]', 400],
    ['a section that is not a list', '{"contentTypes":{}}', 400],
    ['malformed JSON', '{"contentTypes":', 400],
  ])('answers ProblemDetails for %s', async (_name, body, status) => {
    const response = await api.post('/v1/manifest', body);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers 415 for another media type', async () => {
    expect((await api.post('/v1/manifest', '{}', { contentType: 'text/plain' })).status).toBe(415);
  });

  it('exists in v1 only', async () => {
    expect((await api.get('/preview3/manifest')).status).toBe(404);
    expect((await api.get('/_cms/preview2/manifest')).status).toBe(404);
    expect((await api.get('/_cms/v1/manifest')).status).toBe(200);
  });
});

describe('GET /manifest', () => {
  it('exports every section without read-only resources by default', async () => {
    const response = await api.get('/v1/manifest');
    expect(Object.keys(response.json).sort()).toEqual(['contentTypes', 'displayTemplates', 'lastModified', 'locales', 'propertyGroups']);
    const keys = response.json.contentTypes.map((type: { key: string }) => type.key);
    expect(keys).toEqual(expect.arrayContaining(['ImportedPage', 'ImportedBlock', 'BlankExperience']));
    expect(keys).not.toContain('ImageMedia');
    expect(response.json.propertyGroups.map((group: { key: string }) => group.key)).toEqual(['Meta']);
    expect(response.json.lastModified).toMatch(/Z$/);
  });

  it('includes read-only resources with includeReadOnly=true', async () => {
    const response = await api.get('/v1/manifest?includeReadOnly=true');
    expect(response.json.contentTypes.map((type: { key: string }) => type.key)).toContain('ImageMedia');
    expect(response.json.propertyGroups.map((group: { key: string }) => group.key)).toContain('Information');
  });

  it('exports only the requested sections (repeated parameter, as the official CLI sends them)', async () => {
    const response = await api.get('/v1/manifest?sections=contentTypes&sections=propertyGroups');
    expect(Object.keys(response.json).sort()).toEqual(['contentTypes', 'lastModified', 'propertyGroups']);
  });

  it('answers 400 for an unknown section or a bad includeReadOnly', async () => {
    expect((await api.get('/v1/manifest?sections=widgets')).json.errors).toEqual([
      { field: 'sections', detail: expect.stringContaining("'widgets'") },
    ]);
    expect((await api.get('/v1/manifest?includeReadOnly=maybe')).status).toBe(400);
  });
});
