import { afterEach, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { parseFault } from '../../../src/emulator/traffic/index.js';
import { startTrafficServer, type TrafficServer } from './traffic-server.js';

let server: TrafficServer | undefined;
let agent: Agent | undefined;

afterEach(async () => {
  await agent?.close();
  await server?.close();
  agent = undefined;
  server = undefined;
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

async function send(method: string, path: string): Promise<Answer> {
  agent ??= new Agent();
  const response = await request(`${server!.url}${path}`, { method, dispatcher: agent });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

async function statuses(method: string, path: string, count: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await send(method, path)).status);
  return result;
}

describe('rate limit over HTTP', () => {
  it('answers 429 with Retry-After and a ProblemDetails body once the bucket is empty', async () => {
    server = await startTrafficServer({ rateLimit: '2/min' });
    expect(await statuses('GET', '/v1/contenttypes', 2)).toEqual([200, 200]);

    const limited = await send('GET', '/v1/contenttypes');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(limited.body)).toEqual({
      type: 'https://tools.ietf.org/html/rfc6585#section-4',
      title: 'Too Many Requests',
      status: 429,
      detail: "The emulator's rate limit (a burst of 2, then 2 requests per minute) is used up. Retry after 30 seconds.",
      code: 'TooManyRequests',
    });
  });

  it('recovers as the injected clock refills the bucket, and refused requests spend no tokens', async () => {
    server = await startTrafficServer({ rateLimit: { capacity: 2, refillPerSecond: 1 / 30 } });
    expect(await statuses('GET', '/a', 5)).toEqual([200, 200, 429, 429, 429]);

    server.clock.now = 29_000;
    const almost = await send('GET', '/a');
    expect([almost.status, almost.headers['retry-after']]).toEqual([429, '1']);

    server.clock.now = 30_000;
    expect(await statuses('GET', '/a', 2)).toEqual([200, 429]);

    server.clock.now = 120_000;
    expect(await statuses('GET', '/a', 3)).toEqual([200, 200, 429]);
  });

  it('lets /_emulator/* through uncounted even when the bucket is empty', async () => {
    server = await startTrafficServer({ rateLimit: '1/h', faults: [parseFault('reset')] });
    expect(await statuses('GET', '/_emulator/counters', 3)).toEqual([200, 200, 200]);
    expect(server.traffic.counters().total).toBe(0);
  });
});

describe('latency and slow faults over HTTP', () => {
  it('sleeps the fixed latency before the handler runs', async () => {
    server = await startTrafficServer({ latencyMs: 50 });
    expect((await send('GET', '/v1/contenttypes')).status).toBe(200);
    expect(server.events).toEqual(['sleep 50', 'handler GET /v1/contenttypes']);
  });

  it('draws a latency from the range with the injected random', async () => {
    server = await startTrafficServer({ latencyMs: { min: 20, max: 80 } }, () => 0.25);
    await send('GET', '/a');
    expect(server.sleeps).toEqual([35]);
  });

  it('adds latency to 429s as well, and none to requests when it is unset', async () => {
    server = await startTrafficServer({ rateLimit: '1/min' });
    await statuses('GET', '/a', 2);
    expect(server.sleeps).toEqual([]);
    server.traffic.configure({ rateLimit: '1/min', latencyMs: 7 });
    expect(await statuses('GET', '/a', 2)).toEqual([200, 429]);
    expect(server.sleeps).toEqual([7, 7]);
  });

  it('delays a slow request after the latency, then lets it proceed, and counts it', async () => {
    server = await startTrafficServer({ latencyMs: 10, faults: [parseFault('slow=2000@2')] });
    expect(await statuses('GET', '/a', 3)).toEqual([200, 200, 200]);
    expect(server.events).toEqual(['sleep 10', 'handler GET /a', 'sleep 10', 'sleep 2000', 'handler GET /a', 'sleep 10', 'handler GET /a']);
    expect(server.traffic.counters().faults).toEqual({ status: 0, reset: 0, slow: 1 });
  });
});

describe('status and reset faults over HTTP', () => {
  it('answers the scripted 5xx on the listed request numbers of the matching route', async () => {
    server = await startTrafficServer({ faults: [parseFault('/v1/contenttypes=503@2,4')] });
    const seen: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      seen.push((await send('GET', '/v1/contenttypes')).status);
      seen.push((await send('GET', '/other')).status);
    }
    expect(seen).toEqual([200, 200, 503, 200, 200, 200, 503, 200, 200, 200]);
  });

  it('sends a ProblemDetails body naming the rule', async () => {
    server = await startTrafficServer({ faults: [parseFault('PATCH /v1/contenttypes/*=503@1')] });
    expect((await send('GET', '/v1/contenttypes/Article')).status).toBe(200);
    const faulted = await send('PATCH', '/v1/contenttypes/Article');
    expect(faulted.status).toBe(503);
    expect(faulted.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(faulted.headers['x-emulator-fault']).toBe('PATCH /v1/contenttypes/*=503@1');
    expect(JSON.parse(faulted.body)).toEqual({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
      title: 'Service Unavailable',
      status: 503,
      detail: 'Injected by the emulator\'s fault rule "PATCH /v1/contenttypes/*=503@1".',
    });
    expect((await send('PATCH', '/v1/contenttypes/Article')).status).toBe(200);
  });

  it('fires by probability with the injected random', async () => {
    const draws = [0.05, 0.5, 0.09, 0.95, 0.1];
    let next = 0;
    server = await startTrafficServer({ faults: [{ kind: 'status', status: 500, probability: 0.1 }] }, () => draws[next++]!);
    expect(await statuses('POST', '/v1/contenttypes', 5)).toEqual([500, 200, 500, 200, 200]);
    expect(server.traffic.counters().faults.status).toBe(2);
  });

  it('resets the connection so that the client sees a socket error, then serves the next request', async () => {
    server = await startTrafficServer({ faults: [parseFault('reset@2')] });
    expect((await send('GET', '/a')).status).toBe(200);
    const failure = await send('GET', '/a').then(
      () => undefined,
      (error: unknown) => error as Error & { code?: string },
    );
    expect(failure).toBeInstanceOf(Error);
    expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(failure!.code);
    expect((await send('GET', '/a')).status).toBe(200);

    const counters = server.traffic.counters();
    expect(counters.faults).toEqual({ status: 0, reset: 1, slow: 0 });
    expect(counters.total).toBe(3);
    expect(counters.byStatus).toEqual({ '200': 2 });
  });

  it('surfaces a reset to fetch as a failed request', async () => {
    server = await startTrafficServer({ faults: [parseFault('DELETE=reset')] });
    await expect(fetch(`${server.url}/v1/contenttypes/A`, { method: 'DELETE' })).rejects.toThrow('fetch failed');
  });
});

describe('counters, reset and configure', () => {
  it('counts by route without the query, by final status, 429s and faults', async () => {
    server = await startTrafficServer({ rateLimit: '4/min', faults: [parseFault('POST=502@1')] });
    await send('GET', '/v1/contenttypes?pageIndex=0&pageSize=100');
    await send('GET', '/v1/contenttypes?pageIndex=1');
    await send('POST', '/v1/contenttypes');
    await send('GET', '/v1/contenttypes/Article');
    await send('DELETE', '/v1/contenttypes/Article');
    await send('GET', '/_emulator/counters');

    expect(server.traffic.counters()).toEqual({
      total: 5,
      byRoute: {
        'GET /v1/contenttypes': 2,
        'POST /v1/contenttypes': 1,
        'GET /v1/contenttypes/Article': 1,
        'DELETE /v1/contenttypes/Article': 1,
      },
      byStatus: { '200': 3, '502': 1, '429': 1 },
      rateLimited: 1,
      faults: { status: 1, reset: 0, slow: 0 },
    });
    const served = JSON.parse((await send('GET', '/_emulator/counters')).body) as { total: number };
    expect(served.total).toBe(5);
  });

  it('returns snapshots that later requests do not change', async () => {
    server = await startTrafficServer({});
    const before = server.traffic.counters();
    await send('GET', '/a');
    expect(before.total).toBe(0);
    expect(server.traffic.counters().total).toBe(1);
  });

  it('reset zeroes the counters, refills the bucket and restarts rule numbering', async () => {
    server = await startTrafficServer({ rateLimit: '1/h', faults: [parseFault('503@1')] });
    expect(await statuses('GET', '/a', 2)).toEqual([503, 429]);
    server.traffic.reset();
    expect(server.traffic.counters()).toEqual({
      total: 0,
      byRoute: {},
      byStatus: {},
      rateLimited: 0,
      faults: { status: 0, reset: 0, slow: 0 },
    });
    expect(await statuses('GET', '/a', 2)).toEqual([503, 429]);
  });

  it('configure replaces the options and keeps the counters; bad options leave the old ones', async () => {
    server = await startTrafficServer({ rateLimit: '1/h' });
    expect(await statuses('GET', '/a', 2)).toEqual([200, 429]);
    expect(() => server!.traffic.configure({ rateLimit: '0/h' })).toThrow('Invalid --rate-limit "0/h"');
    expect(await statuses('GET', '/a', 1)).toEqual([429]);

    server.traffic.configure({ faults: [parseFault('500@2')] });
    expect(await statuses('GET', '/a', 3)).toEqual([200, 500, 200]);
    expect(server.traffic.counters().byStatus).toEqual({ '200': 3, '429': 2, '500': 1 });
  });
});
