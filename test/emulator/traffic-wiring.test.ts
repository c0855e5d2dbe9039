import { describe, expect, it } from 'vitest';
import { useEmulator } from './helpers/use-emulator.js';

/**
 * The traffic layer itself is tested in test/emulator/traffic; here, that the server runs every
 * API request through it, serves the counters, and keeps /_emulator/* out of it.
 */
describe('the traffic layer in the server', () => {
  const { emulator, api } = useEmulator({ traffic: { rateLimit: { capacity: 3, refillPerSecond: 0.001 } } });

  it('limits API requests (the token request included) and answers 429 with Retry-After', async () => {
    await api.bearer();
    expect((await api.get('/v1/contenttypes')).status).toBe(200);
    expect((await api.get('/v1/contenttypes')).status).toBe(200);
    const limited = await api.get('/v1/contenttypes');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('serves GET /_emulator/counters without auth and outside the limit', async () => {
    const response = await api.get('/_emulator/counters', { anonymous: true });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      total: 4,
      rateLimited: 1,
      byRoute: { 'POST /oauth/token': 1, 'GET /v1/contenttypes': 3 },
      byStatus: { '200': 3, '429': 1 },
    });
    expect(emulator.traffic.counters()).toEqual(response.json);
  });

  it('POST /_emulator/reset-counters zeroes the counters and refills the bucket', async () => {
    const response = await api.request('POST', '/_emulator/reset-counters', { anonymous: true });
    expect(response.status).toBe(204);
    expect(emulator.traffic.counters().total).toBe(0);
    expect((await api.get('/v1/contenttypes')).status).toBe(200);
  });

  it('answers unknown control routes and methods with ProblemDetails', async () => {
    expect((await api.get('/_emulator/nothing', { anonymous: true })).status).toBe(404);
    const wrong = await api.get('/_emulator/reset-counters', { anonymous: true });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('applies faults configured in process', async () => {
    emulator.traffic.configure({ faults: [{ kind: 'status', status: 503, method: 'GET', path: '/v1/info', requestNumbers: [1] }] });
    expect((await api.get('/v1/info', { anonymous: true })).status).toBe(503);
    expect((await api.get('/v1/info', { anonymous: true })).status).toBe(200);
    expect(emulator.traffic.counters().faults.status).toBe(1);
  });
});
