import { describe, expect, it } from 'vitest';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator } from '../../src/emulator/index.js';
import { Api, ManualClock } from './helpers/api.js';
import { useEmulator } from './helpers/use-emulator.js';

const CREDENTIALS = { grant_type: 'client_credentials', client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET };

describe('POST /oauth/token', () => {
  const clock = new ManualClock();
  const { emulator, api } = useEmulator({ now: clock.now, tokenTtlSeconds: 120 });

  it.each(['/oauth/token', '/v1/oauth/token', '/_cms/v1/oauth/token', '/preview3/oauth/token', '/_cms/preview2/oauth/token'])(
    'issues a bearer token at %s for client credentials in a JSON body',
    async (path) => {
      const response = await api.post(path, CREDENTIALS, { anonymous: true });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.json).toEqual({
        access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        token_type: 'Bearer',
        expires_in: 120,
      });
    },
  );

  it('accepts a form body with the credentials as HTTP Basic auth', async () => {
    const basic = Buffer.from(`${DEMO_CLIENT_ID}:${DEMO_CLIENT_SECRET}`).toString('base64');
    const response = await api.post('/oauth/token', 'grant_type=client_credentials', {
      anonymous: true,
      contentType: 'application/x-www-form-urlencoded',
      headers: { authorization: `Basic ${basic}` },
    });
    expect(response.status).toBe(200);
    expect(response.json.token_type).toBe('Bearer');
  });

  it('accepts a form body with the credentials in the form', async () => {
    const form = new URLSearchParams(CREDENTIALS).toString();
    const response = await api.post('/oauth/token', form, { anonymous: true, contentType: 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(200);
  });

  it.each([
    ['a wrong secret', { ...CREDENTIALS, client_secret: 'nope' }, 'invalid_client'],
    ['an unknown client', { ...CREDENTIALS, client_id: 'someone-else' }, 'invalid_client'],
    ['another grant type', { ...CREDENTIALS, grant_type: 'password' }, 'unsupported_grant_type'],
    ['no grant type', { client_id: DEMO_CLIENT_ID, client_secret: DEMO_CLIENT_SECRET }, 'invalid_request'],
    ['no secret', { grant_type: 'client_credentials', client_id: DEMO_CLIENT_ID }, 'invalid_request'],
  ])('answers 400 with an OAuth error for %s', async (_case, body, error) => {
    const response = await api.post('/oauth/token', body, { anonymous: true });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error, error_description: expect.any(String) });
    expect(response.text).not.toContain(DEMO_CLIENT_SECRET);
  });

  it('refuses wrong Basic credentials as invalid_client', async () => {
    const basic = Buffer.from(`${DEMO_CLIENT_ID}:wrong`).toString('base64');
    const response = await api.post('/oauth/token', 'grant_type=client_credentials', {
      anonymous: true,
      contentType: 'application/x-www-form-urlencoded',
      headers: { authorization: `Basic ${basic}` },
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toBe('invalid_client');
  });

  it('answers 415 ProblemDetails for a body that is neither JSON nor a form', async () => {
    const response = await api.post('/oauth/token', 'grant_type=client_credentials', { anonymous: true, contentType: 'text/plain' });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  describe('bearer tokens on API calls', () => {
    it('answers 401 ProblemDetails without a token, naming the Bearer scheme', async () => {
      const response = await api.get('/v1/contenttypes', { anonymous: true });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.json).toMatchObject({ status: 401, title: 'Unauthorized', detail: expect.stringContaining('bearer token') });
    });

    it.each(['/v1/contenttypes', '/_cms/v1/contenttypes', '/preview3/contenttypes', '/_cms/preview2/contenttypes', '/v1/manifest'])(
      'protects %s',
      async (path) => {
        expect((await api.get(path, { anonymous: true })).status).toBe(401);
        expect((await api.get(path)).status).toBe(200);
      },
    );

    it('answers 401 for a token it did not issue', async () => {
      const token = await api.bearer();
      const [header, payload] = token.split('.');
      const forged = `${header}.${payload}.${'A'.repeat(43)}`;
      const response = await api.get('/v1/contenttypes', { headers: { authorization: `Bearer ${forged}` } });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    });

    it('answers 401 for a token issued with other credentials', async () => {
      const other = await startEmulator({ port: 0, clientSecret: 'another-secret' });
      try {
        const foreign = await new Api(other.url, { clientId: DEMO_CLIENT_ID, clientSecret: 'another-secret' }).bearer();
        expect((await api.get('/v1/contenttypes', { headers: { authorization: `Bearer ${foreign}` } })).status).toBe(401);
      } finally {
        await other.close();
      }
    });

    it('expires tokens after their lifetime, on the emulator clock', async () => {
      const fresh = new Api(emulator.url);
      const token = await fresh.bearer();
      clock.advance(119_000);
      expect((await fresh.get('/v1/contenttypes')).status).toBe(200);
      clock.advance(1_000);
      const expired = await fresh.get('/v1/contenttypes', { headers: { authorization: `Bearer ${token}` } });
      expect(expired.status).toBe(401);
      expect(expired.json.detail).toContain('expired');
    });
  });

  it('uses the configured credentials instead of the demo ones', async () => {
    const custom = await startEmulator({ port: 0, clientId: 'ci-client', clientSecret: 'ci-secret' });
    try {
      expect((await new Api(custom.url).post('/oauth/token', CREDENTIALS, { anonymous: true })).status).toBe(400);
      expect((await new Api(custom.url, { clientId: 'ci-client', clientSecret: 'ci-secret' }).get('/v1/contenttypes')).status).toBe(200);
    } finally {
      await custom.close();
    }
  });
});
