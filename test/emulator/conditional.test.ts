import { describe, expect, it } from 'vitest';
import { ManualClock, PREFIX, sampleType } from './helpers/api.js';
import { useEmulator } from './helpers/use-emulator.js';

const clock = new ManualClock(new Date('2026-03-01T10:00:00.250Z'));
const { emulator, api } = useEmulator({ now: clock.now });

const httpDate = (iso: string) => new Date(iso).toUTCString();

describe('versions: ETag and Last-Modified', () => {
  it('a read carries a strong quoted ETag, an HTTP-date Last-Modified and the ISO lastModified', async () => {
    await api.post('/v1/contenttypes', sampleType('Versioned'));
    const response = await api.get('/v1/contenttypes/Versioned');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+"$/);
    expect(response.headers.get('last-modified')).toBe('Sun, 01 Mar 2026 10:00:00 GMT');
    expect(response.json.lastModified).toBe('2026-03-01T10:00:00.250Z');
  });

  it("a write changes both; the store does the same for a CMS user's edit", async () => {
    const before = await api.get('/v1/contenttypes/Versioned');
    clock.advance(60_000);
    emulator.store.editContentType('Versioned', (doc) => ({ ...doc, description: 'edited in the CMS' }));
    const after = await api.get('/v1/contenttypes/Versioned');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.json).toMatchObject({
      lastModified: '2026-03-01T10:01:00.250Z',
      lastModifiedBy: 'cms-user',
      description: 'edited in the CMS',
    });
  });
});

describe.each([
  ['content types', 'contenttypes', (key: string) => sampleType(key), { description: 'x' }],
  ['property groups', 'propertygroups', (key: string) => ({ key, displayName: key }), { displayName: 'x' }],
  ['display templates', 'displaytemplates', (key: string) => ({ key, displayName: key, nodeType: 'row' }), { displayName: 'x' }],
] as const)('conditional requests on %s', (_name, segment, make, patch) => {
  let n = 0;
  const fresh = async () => {
    n += 1;
    const key = `Cond${segment.slice(0, 4)}${n}`;
    await api.post(`/v1/${segment}`, make(key));
    const read = await api.get(`/v1/${segment}/${key}`);
    return { key, etag: read.headers.get('etag')!, lastModified: read.json.lastModified as string };
  };

  it('GET: If-None-Match with the current ETag gives 304 with the version headers and no body', async () => {
    const { key, etag } = await fresh();
    const response = await api.get(`/v1/${segment}/${key}`, { headers: { 'if-none-match': etag } });
    expect(response.status).toBe(304);
    expect(response.text).toBe('');
    expect(response.headers.get('etag')).toBe(etag);
  });

  it('GET: If-None-Match takes lists and *; another ETag gives 200', async () => {
    const { key, etag } = await fresh();
    expect((await api.get(`/v1/${segment}/${key}`, { headers: { 'if-none-match': `"other", ${etag}` } })).status).toBe(304);
    expect((await api.get(`/v1/${segment}/${key}`, { headers: { 'if-none-match': '*' } })).status).toBe(304);
    expect((await api.get(`/v1/${segment}/${key}`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('GET: If-Modified-Since at or after the change gives 304, before it 200; ignored beside If-None-Match', async () => {
    const { key, lastModified } = await fresh();
    expect((await api.get(`/v1/${segment}/${key}`, { headers: { 'if-modified-since': httpDate(lastModified) } })).status).toBe(304);
    const earlier = httpDate(new Date(Date.parse(lastModified) - 1000).toISOString());
    expect((await api.get(`/v1/${segment}/${key}`, { headers: { 'if-modified-since': earlier } })).status).toBe(200);
    const both = await api.get(`/v1/${segment}/${key}`, {
      headers: { 'if-none-match': '"other"', 'if-modified-since': httpDate(lastModified) },
    });
    expect(both.status).toBe(200);
  });

  it('GET: weak ETags are ignored, as if If-None-Match were absent', async () => {
    const { key, etag, lastModified } = await fresh();
    expect((await api.get(`/v1/${segment}/${key}`, { headers: { 'if-none-match': `W/${etag}` } })).status).toBe(200);
    const beside = await api.get(`/v1/${segment}/${key}`, {
      headers: { 'if-none-match': 'W/"other"', 'if-modified-since': httpDate(lastModified) },
    });
    expect(beside.status).toBe(304);
  });

  it('PATCH: If-Match with another ETag gives 412 and changes nothing; the current one succeeds', async () => {
    const { key, etag } = await fresh();
    const stale = await api.patch(`/v1/${segment}/${key}`, patch, { headers: { 'if-match': '"stale"' } });
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ status: 412, title: 'Precondition Failed' });
    expect((await api.get(`/v1/${segment}/${key}`)).headers.get('etag')).toBe(etag);
    expect((await api.patch(`/v1/${segment}/${key}`, patch, { headers: { 'if-match': etag } })).status).toBe(204);
  });

  it('PATCH: If-Unmodified-Since before the change gives 412; at the change it succeeds', async () => {
    const { key, lastModified } = await fresh();
    const before = httpDate(new Date(Date.parse(lastModified) - 1000).toISOString());
    expect((await api.patch(`/v1/${segment}/${key}`, patch, { headers: { 'if-unmodified-since': before } })).status).toBe(412);
    expect((await api.patch(`/v1/${segment}/${key}`, patch, { headers: { 'if-unmodified-since': httpDate(lastModified) } })).status).toBe(
      204,
    );
  });

  it('PATCH: If-Unmodified-Since is ignored when If-Match is present', async () => {
    const { key, etag, lastModified } = await fresh();
    const before = httpDate(new Date(Date.parse(lastModified) - 1000).toISOString());
    const response = await api.patch(`/v1/${segment}/${key}`, patch, { headers: { 'if-match': etag, 'if-unmodified-since': before } });
    expect(response.status).toBe(204);
  });

  it('PATCH: a weak If-Match is ignored', async () => {
    const { key } = await fresh();
    expect((await api.patch(`/v1/${segment}/${key}`, patch, { headers: { 'if-match': 'W/"stale"' } })).status).toBe(204);
  });

  it('DELETE: If-Match and If-Unmodified-Since give 412 when stale', async () => {
    const { key, etag, lastModified } = await fresh();
    expect((await api.delete(`/v1/${segment}/${key}`, { headers: { 'if-match': '"stale"' } })).status).toBe(412);
    const before = httpDate(new Date(Date.parse(lastModified) - 1000).toISOString());
    expect((await api.delete(`/v1/${segment}/${key}`, { headers: { 'if-unmodified-since': before } })).status).toBe(412);
    expect((await api.get(`/v1/${segment}/${key}`)).status).toBe(200);
    expect((await api.delete(`/v1/${segment}/${key}`, { headers: { 'if-match': etag } })).status).toBe(204);
  });

  it('is honoured the same way on preview3 and preview2', async () => {
    const { key, etag } = await fresh();
    for (const prefix of [PREFIX.preview3, PREFIX.preview2]) {
      expect((await api.get(`${prefix}/${segment}/${key}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await api.patch(`${prefix}/${segment}/${key}`, patch, { headers: { 'if-match': '"stale"' } })).status).toBe(412);
    }
  });
});

describe('versions of a write that a later write overtakes', () => {
  it('tells two changes in one second apart by ETag, which Last-Modified cannot', async () => {
    await api.post('/v1/contenttypes', sampleType('SameSecond'));
    const first = await api.get('/v1/contenttypes/SameSecond');
    await api.patch('/v1/contenttypes/SameSecond', { description: 'one' });
    const second = await api.get('/v1/contenttypes/SameSecond');
    expect(second.headers.get('last-modified')).toBe(first.headers.get('last-modified'));
    expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(
      (await api.patch('/v1/contenttypes/SameSecond', { description: 'two' }, { headers: { 'if-match': first.headers.get('etag')! } }))
        .status,
    ).toBe(412);
  });
});
