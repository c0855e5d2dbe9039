import { describe, expect, it } from 'vitest';
import { readTokenResponse, TokenSource, type IssuedToken } from '../../../src/adapters/optimizely/token-source.js';
import { adapterFailure } from '../adapter-failure.js';

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

describe('TokenSource', () => {
  it('reuses a token until shortly before it expires', async () => {
    const time = clock();
    let issued = 0;
    const tokens = new TokenSource(async () => ({ accessToken: `t${(issued += 1)}`, expiresInSeconds: 300 }), time.now);
    expect(await tokens.get()).toBe('t1');
    time.advance(269_000);
    expect(await tokens.get()).toBe('t1');
    time.advance(1_000);
    expect(await tokens.get()).toBe('t2');
    expect(issued).toBe(2);
  });

  it('renews short-lived tokens at 90% of their lifetime', async () => {
    const time = clock();
    let issued = 0;
    const tokens = new TokenSource(async () => ({ accessToken: `t${(issued += 1)}`, expiresInSeconds: 10 }), time.now);
    await tokens.get();
    time.advance(8_999);
    expect(await tokens.get()).toBe('t1');
    time.advance(1);
    expect(await tokens.get()).toBe('t2');
  });

  it('shares one request among concurrent callers', async () => {
    let issued = 0;
    let release: (token: IssuedToken) => void = () => undefined;
    const tokens = new TokenSource(() => {
      issued += 1;
      return new Promise<IssuedToken>((resolve) => (release = resolve));
    }, clock().now);
    const waiting = Promise.all([tokens.get(), tokens.get(), tokens.get()]);
    release({ accessToken: 'shared', expiresInSeconds: 300 });
    expect(await waiting).toEqual(['shared', 'shared', 'shared']);
    expect(issued).toBe(1);
  });

  it('asks again after a failed request and after invalidate', async () => {
    const outcomes: Array<() => Promise<IssuedToken>> = [
      async () => {
        throw new Error('down');
      },
      async () => ({ accessToken: 'a', expiresInSeconds: 300 }),
      async () => ({ accessToken: 'b', expiresInSeconds: 300 }),
    ];
    const tokens = new TokenSource(() => outcomes.shift()!(), clock().now);
    await expect(tokens.get()).rejects.toThrow('down');
    expect(await tokens.get()).toBe('a');
    tokens.invalidate('not-the-current-one');
    expect(await tokens.get()).toBe('a');
    tokens.invalidate('a');
    expect(await tokens.get()).toBe('b');
  });
});

describe('readTokenResponse', () => {
  const url = 'https://api.cms.optimizely.com/oauth/token';
  const read = (status: number, body: string) => readTokenResponse({ status, headers: {}, text: body }, url, 'POST /oauth/token', () => 0);

  it('reads the token and its lifetime', () => {
    expect(read(200, '{"access_token":"abc","token_type":"Bearer","expires_in":300}')).toEqual({
      accessToken: 'abc',
      expiresInSeconds: 300,
    });
    expect(read(200, '{"access_token":"abc"}')).toEqual({ accessToken: 'abc', expiresInSeconds: undefined });
  });

  const cases: Array<{ name: string; status: number; body: string; kind: string; message: RegExp }> = [
    {
      name: 'invalid_client (production)',
      status: 400,
      body: '{"error":"invalid_client","error_description":"bad"}',
      kind: 'auth',
      message: /rejected the client credentials \(invalid_client\)\. Check OPTIMIZELY_CMS_CLIENT_ID and OPTIMIZELY_CMS_CLIENT_SECRET/,
    },
    {
      name: 'invalid_client as code',
      status: 401,
      body: '{"code":"invalid_client"}',
      kind: 'auth',
      message: /rejected the client credentials/,
    },
    {
      name: 'AUTHENTICATION_ERROR (cmstest)',
      status: 400,
      body: '{"code":"AUTHENTICATION_ERROR"}',
      kind: 'auth',
      message: /rejected the client credentials/,
    },
    {
      name: 'another 400',
      status: 400,
      body: '{"error":"unsupported_grant_type"}',
      kind: 'auth',
      message: /failed with 400 \(unsupported_grant_type\).*OPTIMIZELY_CMS_API_URL/,
    },
    {
      name: 'no token endpoint',
      status: 404,
      body: '',
      kind: 'not_found',
      message: /no token endpoint at https:\/\/api\.cms\.optimizely\.com\/oauth\/token.*OPTIMIZELY_CMS_API_URL/,
    },
    { name: 'rate limited', status: 429, body: '', kind: 'rate_limited', message: /rate limited/ },
    { name: 'server error', status: 502, body: '', kind: 'server', message: /502/ },
    { name: 'no access_token', status: 200, body: '{"token_type":"Bearer"}', kind: 'protocol', message: /no access_token/ },
    { name: 'not JSON', status: 200, body: 'hello', kind: 'protocol', message: /not JSON/ },
  ];
  it.each(cases)('$name', async ({ status, body, kind, message }) => {
    const error = await adapterFailure(() => read(status, body));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });
});
