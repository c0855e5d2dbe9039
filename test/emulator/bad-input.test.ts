import { once } from 'node:events';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { V1 } from '../../src/emulator/dialect/dialect.js';
import { buildRouter } from '../../src/emulator/routes.js';
import { createEmulatorServer } from '../../src/emulator/server.js';
import { EmulatorStore } from '../../src/emulator/store/emulator-store.js';
import { createTrafficControl } from '../../src/emulator/traffic/index.js';
import { sampleType } from './helpers/api.js';
import { useEmulator } from './helpers/use-emulator.js';

const { emulator, api } = useEmulator({ maxBodyBytes: 2048 });

function expectProblem(response: { status: number; headers: Headers; json: any }, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(response.json).toMatchObject({
    type: expect.stringContaining('rfc9110'),
    title: expect.any(String),
    status,
    instance: expect.any(String),
  });
}

describe('bad input gets ProblemDetails, never a crash', () => {
  it('malformed JSON: 400', async () => {
    const response = await api.post('/v1/contenttypes', '{"key": "Broken",');
    expectProblem(response, 400);
    expect(response.json.detail).toMatch(/^The request body is not valid JSON/);
  });

  it('an empty body: 400', async () => {
    expectProblem(await api.post('/v1/contenttypes', ''), 400);
  });

  it('a JSON body that is not an object: 400', async () => {
    expectProblem(await api.post('/v1/contenttypes', '[]'), 400);
  });

  it.each(['text/plain', 'application/xml', null])('Content-Type %s on POST: 415', async (contentType) => {
    const response = await api.post('/v1/contenttypes', JSON.stringify(sampleType('Typed')), { contentType });
    expectProblem(response, 415);
  });

  it('accepts a charset parameter on application/json', async () => {
    expect((await api.post('/v1/contenttypes', sampleType('Charset'), { contentType: 'application/json; charset=utf-8' })).status).toBe(
      201,
    );
  });

  it('a body over the limit: 413, refused by Content-Length before it is read', async () => {
    const response = await api.post('/v1/contenttypes', { ...sampleType('Huge'), description: 'x'.repeat(4096) });
    expectProblem(response, 413);
    expect(response.json.detail).toContain('2048 bytes');
    expect(emulator.store.contentTypes.has('Huge')).toBe(false);
  });

  it('a chunked body over the limit: 413 as well', async () => {
    const { port } = new URL(emulator.url);
    const token = await api.bearer();
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/v1/contenttypes',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    req.write('{"key":"Chunked","description":"');
    req.write('y'.repeat(4096));
    req.end('"}');
    const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
    let text = '';
    for await (const chunk of res) text += chunk;
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(text).status).toBe(413);
  });

  it('a body over the limit that is still arriving: 413 before the client has finished sending', async () => {
    const { port } = new URL(emulator.url);
    const token = await api.bearer();
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/v1/contenttypes',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    req.write(`{"key":"Slow","description":"${'z'.repeat(4096)}`);
    const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
    req.end('"}');
    let text = '';
    for await (const chunk of res) text += chunk;
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(text).detail).toContain('2048 bytes');
  });

  it('an unknown route: 404, with or without a token', async () => {
    expectProblem(await api.get('/v1/widgets'), 404);
    expectProblem(await api.get('/v2/contenttypes', { anonymous: true }), 404);
    expectProblem(await api.get('/', { anonymous: true }), 404);
  });

  it('preview2 unknown routes answer in its error shape', async () => {
    const response = await api.get('/_cms/preview2/widgets');
    expectProblem(response, 404);
  });

  it('a method the route does not have: 405 with Allow', async () => {
    const response = await api.request('POST', '/v1/contenttypes/Anything', { body: {} });
    expectProblem(response, 405);
    expect(response.headers.get('allow')).toBe('DELETE, GET, PATCH');
  });

  it('a key that is not valid percent-encoding: 404', async () => {
    expectProblem(await api.get('/v1/contenttypes/%E0%A4%A'), 404);
  });

  it('keeps serving after all of it', async () => {
    expect((await api.get('/v1/contenttypes')).status).toBe(200);
  });
});

describe('GET /info', () => {
  it.each([
    ['/v1/info', 'v1'],
    ['/preview3/info', 'preview3-1.0.0'],
    ['/_cms/preview2/info', 'preview2-1.0.0'],
  ])('%s names the API version %s', async (path, apiVersion) => {
    const response = await api.get(path, { anonymous: true });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ apiVersion, serviceVersion: expect.any(String), cmsVersion: expect.any(String) });
  });
});

describe('a handler that throws', () => {
  it('gives a 500 ProblemDetails and the server keeps serving', async () => {
    const router = buildRouter();
    router.add({
      method: 'GET',
      path: '/v1/boom',
      dialect: V1,
      prefix: '/v1',
      auth: false,
      handler: () => {
        throw new TypeError('something broke');
      },
    });
    const now = () => new Date();
    const server = createEmulatorServer({
      store: EmulatorStore.seeded(now),
      traffic: createTrafficControl(),
      config: { clientId: 'c', clientSecret: 's', tokenTtlSeconds: 300, strictReferences: false, maxBodyBytes: 1024, now },
      router,
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const response = await fetch(`${base}/v1/boom`);
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(await response.json()).toMatchObject({ status: 500, detail: expect.stringContaining('something broke') });
      expect((await fetch(`${base}/v1/info`)).status).toBe(200);
      expect((await fetch(`${base}/v1/boom`)).status).toBe(500);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
