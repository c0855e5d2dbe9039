/**
 * A PoC-style client, the baseline the benchmark compares with: one list call, then per type a
 * POST (new) or a GET and an If-Match PATCH (existing), two requests in flight, a 429 retried
 * after its Retry-After. It is what a straightforward per-type sync tool does.
 */
import pLimit from 'p-limit';
import { request } from 'undici';
import { resolveEndpoints } from '../../src/adapters/optimizely/endpoints.js';
import { contentTypeToWire } from '../../src/adapters/optimizely/to-wire.js';
import type { ContentTypeDef } from '../../src/core/model.js';

export async function pocSync(apiUrl: string, clientId: string, clientSecret: string, types: ContentTypeDef[]): Promise<void> {
  const endpoints = resolveEndpoints(apiUrl, 'v1');
  const token = await fetchToken(endpoints.tokenUrl, clientId, clientSecret);
  const call = async (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, headers: Record<string, string> = {}) => {
    for (;;) {
      const response = await request(`${endpoints.apiRoot}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.body.text();
      if (response.statusCode === 429) {
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers['retry-after'] ?? 1) * 1000));
        continue;
      }
      if (response.statusCode >= 300)
        throw new Error(`PoC client: ${method} ${path} answered ${response.statusCode}: ${text.slice(0, 200)}`);
      return { text, etag: response.headers['etag'] as string | undefined };
    }
  };
  const existing = new Set<string>();
  for (let page = 0; ; page++) {
    const listed = JSON.parse((await call('GET', `/contenttypes?pageIndex=${page}&pageSize=100`)).text) as {
      items: Array<{ key: string }>;
    };
    for (const item of listed.items) existing.add(item.key);
    if (listed.items.length < 100) break;
  }
  const limit = pLimit(2);
  await Promise.all(
    types.map((def) =>
      limit(async () => {
        const wire = contentTypeToWire(def, 'v1');
        if (!existing.has(def.key)) return void (await call('POST', '/contenttypes', wire));
        const { etag } = await call('GET', `/contenttypes/${def.key}`);
        const { key: _key, baseType: _baseType, ...patch } = wire;
        await call('PATCH', `/contenttypes/${def.key}`, patch, etag ? { 'if-match': etag } : {});
      }),
    ),
  );
}

async function fetchToken(tokenUrl: string, clientId: string, clientSecret: string): Promise<string> {
  for (;;) {
    const response = await request(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    const text = await response.body.text();
    if (response.statusCode === 429) {
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers['retry-after'] ?? 1) * 1000));
      continue;
    }
    return (JSON.parse(text) as { access_token: string }).access_token;
  }
}
