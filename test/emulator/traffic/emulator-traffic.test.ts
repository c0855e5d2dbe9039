import { afterEach, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import { parseFault, type TrafficOptions } from '../../../src/emulator/traffic/index.js';

/** The traffic layer through the real emulator: its router, auth and handlers sit behind it. */

let emulator: RunningEmulator | undefined;
let agent: Agent | undefined;
let token: string | undefined;
const clock = { now: 0 };
const sleeps: number[] = [];

afterEach(async () => {
  await agent?.close();
  await emulator?.close();
  agent = undefined;
  emulator = undefined;
  token = undefined;
  clock.now = 0;
  sleeps.length = 0;
});

async function start(traffic: TrafficOptions, random: () => number = () => 0.5): Promise<RunningEmulator> {
  emulator = await startEmulator({
    port: 0,
    traffic,
    trafficDeps: { now: () => clock.now, random, sleep: async (ms) => void sleeps.push(ms) },
  });
  return emulator;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: any;
}

async function send(method: string, path: string, body?: unknown): Promise<Answer> {
  agent ??= new Agent();
  const headers: Record<string, string> = {};
  if (path !== '/oauth/token' && !path.startsWith('/_emulator/')) headers.authorization = `Bearer ${await bearer()}`;
  if (body !== undefined) headers['content-type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  const response = await request(`${emulator!.url}${path}`, {
    method,
    headers,
    dispatcher: agent,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, json: text === '' ? undefined : JSON.parse(text) };
}

async function bearer(): Promise<string> {
  if (token === undefined) {
    const answer = await send('POST', '/oauth/token', {
      grant_type: 'client_credentials',
      client_id: DEMO_CLIENT_ID,
      client_secret: DEMO_CLIENT_SECRET,
    });
    expect(answer.status).toBe(200);
    token = answer.json.access_token as string;
  }
  return token;
}

async function statuses(method: string, path: string, count: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await send(method, path)).status);
  return result;
}

const article = {
  key: 'Article',
  displayName: 'Article',
  baseType: '_page',
  properties: { title: { type: 'string', displayName: 'Title' } },
};

describe('rate limit through the emulator', () => {
  it('answers 429 with Retry-After once the bucket is empty, and recovers on the injected clock', async () => {
    await start({ rateLimit: '3/h' });
    await bearer();
    expect(await statuses('GET', '/v1/contenttypes', 3)).toEqual([200, 200, 429]);

    const limited = await send('GET', '/v1/contenttypes');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1200');
    expect(limited.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(limited.json).toMatchObject({
      type: 'https://tools.ietf.org/html/rfc6585#section-4',
      title: 'Too Many Requests',
      status: 429,
      code: 'TooManyRequests',
    });

    clock.now = 1_200_000;
    expect(await statuses('GET', '/v1/contenttypes', 2)).toEqual([200, 429]);
  });

  it('never limits /_emulator/counters, which reports what the limit did', async () => {
    await start({ rateLimit: '2/h' });
    await bearer();
    expect(await statuses('GET', '/v1/contenttypes', 2)).toEqual([200, 429]);
    expect(await statuses('GET', '/_emulator/counters', 3)).toEqual([200, 200, 200]);

    const expected = {
      total: 3,
      byRoute: { 'POST /oauth/token': 1, 'GET /v1/contenttypes': 2 },
      byStatus: { '200': 2, '429': 1 },
      rateLimited: 1,
      faults: { status: 0, reset: 0, slow: 0 },
    };
    expect((await send('GET', '/_emulator/counters')).json).toEqual(expected);
    expect(emulator!.traffic.counters()).toEqual(expected);
  });
});

describe('latency and faults through the emulator', () => {
  it('adds the latency to every request, the token request included', async () => {
    await start({ latencyMs: { min: 10, max: 30 } }, () => 0.5);
    expect(await statuses('GET', '/v1/contenttypes', 2)).toEqual([200, 200]);
    expect(sleeps).toEqual([20, 20, 20]);
  });

  it('fails the scripted PATCH with a 503 before the handler runs, so the type is unchanged; slows the next', async () => {
    await start({ faults: [parseFault('PATCH /v1/contenttypes/*=503@1'), parseFault('PATCH=slow=500@2')] });
    expect((await send('POST', '/v1/contenttypes', article)).status).toBe(201);

    const faulted = await send('PATCH', '/v1/contenttypes/Article', { displayName: 'Story' });
    expect(faulted.status).toBe(503);
    expect(faulted.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(faulted.json).toEqual({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
      title: 'Service Unavailable',
      status: 503,
      detail: 'Injected by the emulator\'s fault rule "PATCH /v1/contenttypes/*=503@1".',
    });
    expect((await send('GET', '/v1/contenttypes/Article')).json.displayName).toBe('Article');

    expect(sleeps).toEqual([]);
    expect((await send('PATCH', '/v1/contenttypes/Article', { displayName: 'Story' })).status).toBe(204);
    expect((await send('GET', '/v1/contenttypes/Article')).json.displayName).toBe('Story');
    expect(sleeps).toEqual([500]);
    expect(emulator!.traffic.counters().faults).toEqual({ status: 1, reset: 0, slow: 1 });
  });

  it('fires a probability fault on the draws under it', async () => {
    const draws = [0.2, 0.7, 0.1, 0.9];
    let next = 0;
    await start({ faults: [{ kind: 'status', status: 500, path: '/v1/contenttypes', probability: 0.25 }] }, () => draws[next++]!);
    await bearer();
    expect(await statuses('GET', '/v1/contenttypes', 4)).toEqual([500, 200, 500, 200]);
  });

  it('resets the connection on the scripted request; the client sees a socket error', async () => {
    await start({ faults: [parseFault('GET /v1/contenttypes=reset@2')] });
    expect((await send('GET', '/v1/contenttypes')).status).toBe(200);
    const failure = await send('GET', '/v1/contenttypes').then(
      () => undefined,
      (error: unknown) => error as Error & { code?: string },
    );
    expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(failure?.code);
    expect((await send('GET', '/v1/contenttypes')).status).toBe(200);

    expect(emulator!.traffic.counters()).toEqual({
      total: 4,
      byRoute: { 'POST /oauth/token': 1, 'GET /v1/contenttypes': 3 },
      byStatus: { '200': 3 },
      rateLimited: 0,
      faults: { status: 0, reset: 1, slow: 0 },
    });
  });
});

describe('counters through the emulator', () => {
  it('counts routes without the query and the statuses the API sent, and resets on request', async () => {
    await start({});
    await send('GET', '/v1/contenttypes?pageIndex=0&pageSize=10');
    await send('POST', '/v1/contenttypes', article);
    await send('POST', '/v1/contenttypes', article);
    await send('GET', '/v1/contenttypes/Nope');

    expect(emulator!.traffic.counters()).toEqual({
      total: 5,
      byRoute: {
        'POST /oauth/token': 1,
        'GET /v1/contenttypes': 1,
        'POST /v1/contenttypes': 2,
        'GET /v1/contenttypes/Nope': 1,
      },
      byStatus: { '200': 2, '201': 1, '409': 1, '404': 1 },
      rateLimited: 0,
      faults: { status: 0, reset: 0, slow: 0 },
    });

    expect((await send('POST', '/_emulator/reset-counters')).status).toBe(204);
    expect(emulator!.traffic.counters().total).toBe(0);
  });
});
