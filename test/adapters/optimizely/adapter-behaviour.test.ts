import { afterEach, describe, expect, it } from 'vitest';
import { createOptimizelyAdapter, type AdapterEvent, type OptimizelyAdapterOptions } from '../../../src/adapters/optimizely/index.js';
import type { PlatformAdapter } from '../../../src/adapters/port.js';
import type { ContentTypeDef } from '../../../src/core/model.js';
import { startScriptedPlatform, type ScriptedAnswer, type ScriptedPlatform, type SeenRequest } from './scripted-platform.js';
import { adapterFailure } from '../adapter-failure.js';

const SECRET = 'scripted-secret-value';
const article: ContentTypeDef = {
  key: 'Article',
  baseType: '_page',
  displayName: 'Article',
  properties: { title: { type: 'string', required: true } },
};
const articleWire = {
  key: 'Article',
  baseType: '_page',
  displayName: 'Article',
  properties: { title: { type: 'string', isRequired: true } },
};

let platform: ScriptedPlatform | undefined;
afterEach(async () => {
  await platform?.close();
  platform = undefined;
});

async function setup(
  answer: (request: SeenRequest, index: number) => ScriptedAnswer | undefined,
  options: Partial<OptimizelyAdapterOptions> = {},
  answerToken?: (request: SeenRequest) => ScriptedAnswer | undefined,
) {
  platform = await startScriptedPlatform(answer, answerToken);
  const events: AdapterEvent[] = [];
  const waits: number[] = [];
  const adapter = createOptimizelyAdapter({
    apiUrl: platform.url,
    apiVersion: 'v1',
    clientId: 'scripted-client',
    clientSecret: SECRET,
    onEvent: (event) => events.push(event),
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    ...options,
  });
  return { adapter, platform, events, waits };
}

describe('requests the adapter sends', () => {
  it('creates with JSON, Prefer and a bearer token, and reads the version from the answer', async () => {
    const { adapter, platform } = await setup(() => ({
      status: 201,
      headers: { etag: '"v1"' },
      body: { ...articleWire, lastModified: '2026-01-01T00:00:00.000Z', created: 'x' },
    }));
    const live = await adapter.resources.contentType.create(article);
    expect(live).toEqual({ def: article, version: { etag: '"v1"', lastModified: '2026-01-01T00:00:00.000Z' }, readOnly: false });
    const [post] = platform.apiRequests();
    expect(post?.method).toBe('POST');
    expect(post?.path).toBe('/_cms/v1/contenttypes');
    expect(post?.headers['content-type']).toBe('application/json');
    expect(post?.headers['prefer']).toBe('return=representation');
    expect(post?.headers['authorization']).toBe('Bearer token-1');
    expect(JSON.parse(post?.body ?? '')).toEqual(articleWire);
    const [token] = platform.tokenRequests();
    expect(JSON.parse(token?.body ?? '')).toEqual({
      grant_type: 'client_credentials',
      client_id: 'scripted-client',
      client_secret: SECRET,
    });
    expect(token?.headers['content-type']).toBe('application/json');
  });

  it('patches with a merge patch, If-Match and no data-loss override by default', async () => {
    const { adapter, platform } = await setup(() => ({
      status: 200,
      headers: { etag: '"v2"' },
      body: { ...articleWire, displayName: 'Story', properties: {} },
    }));
    const next: ContentTypeDef = { ...article, displayName: 'Story', properties: {} };
    await adapter.resources.contentType.update(article, next, { precondition: { etag: '"v1"', lastModified: '2026-01-01T00:00:00.000Z' } });
    const [patch] = platform.apiRequests();
    expect(patch?.method).toBe('PATCH');
    expect(patch?.path).toBe('/_cms/v1/contenttypes/Article');
    expect(patch?.headers['content-type']).toBe('application/merge-patch+json');
    expect(patch?.headers['if-match']).toBe('"v1"');
    expect(patch?.headers['if-unmodified-since']).toBeUndefined();
    expect(patch?.headers['cms-ignore-data-loss-warnings']).toBeUndefined();
    expect(JSON.parse(patch?.body ?? '')).toEqual({ displayName: 'Story', properties: { title: null } });
  });

  it('sends If-Unmodified-Since without an ETag, and the data-loss override only when allowed', async () => {
    const { adapter, platform } = await setup(() => ({ status: 200, body: { ...articleWire, properties: {} } }));
    await adapter.resources.contentType.update(
      article,
      { ...article, properties: {} },
      { precondition: { lastModified: '2026-03-04T05:06:07.890Z' }, allowDataLoss: true },
    );
    const [patch] = platform.apiRequests();
    expect(patch?.headers['if-match']).toBeUndefined();
    expect(patch?.headers['if-unmodified-since']).toBe('Wed, 04 Mar 2026 05:06:07 GMT');
    expect(patch?.headers['cms-ignore-data-loss-warnings']).toBe('true');
  });

  it('GETs the type when the write answers 204', async () => {
    const { adapter, platform } = await setup((request) =>
      request.method === 'PATCH'
        ? { status: 204 }
        : { status: 200, headers: { etag: '"v3"' }, body: { ...articleWire, displayName: 'Story' } },
    );
    const live = await adapter.resources.contentType.update(article, { ...article, displayName: 'Story' });
    expect(live.def.displayName).toBe('Story');
    expect(live.version.etag).toBe('"v3"');
    expect(platform.apiRequests().map((request) => request.method)).toEqual(['PATCH', 'GET']);
  });

  it('makes no request for an empty patch', async () => {
    const { adapter, platform } = await setup(() => undefined);
    const live = await adapter.resources.contentType.update(
      article,
      { ...article, properties: { title: { type: 'string', required: true, sortOrder: 0 } } },
      { precondition: { etag: '"v1"' } },
    );
    expect(live).toEqual({ def: article, version: { etag: '"v1"' }, readOnly: false });
    expect(platform.requests).toEqual([]);
  });

  it('refuses to change immutable members without a request', async () => {
    const { adapter, platform } = await setup(() => undefined);
    const error = await adapterFailure(adapter.resources.contentType.update(article, { ...article, baseType: '_component' }));
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/cannot change 'baseType' from "_page" to "_component"/);
    expect(platform.requests).toEqual([]);
  });

  it('refuses on preview3 what preview3 cannot store, without a request', async () => {
    const { adapter, platform } = await setup(() => undefined, { apiVersion: 'preview3' });
    const error = await adapterFailure(adapter.resources.contentType.create({ ...article, contracts: ['SEO'] }));
    expect(error.kind).toBe('validation');
    expect(error.fieldErrors).toEqual([{ field: 'contracts', detail: "preview3 has no 'contracts'" }]);
    expect(platform.requests).toEqual([]);
  });

  it('ignores a weak ETag, which If-Match would not honour', async () => {
    const { adapter } = await setup(() => ({
      status: 200,
      headers: { etag: 'W/"weak"', 'last-modified': 'Wed, 04 Mar 2026 05:06:07 GMT' },
      body: articleWire,
    }));
    const live = await adapter.resources.contentType.get('Article');
    expect(live?.version).toEqual({ lastModified: '2026-03-04T05:06:07.000Z' });
  });
});

describe('tokens', () => {
  it('renews the token once on a 401 and resends', async () => {
    const { adapter, platform } = await setup((request) => {
      return request.headers['authorization'] === 'Bearer token-1'
        ? { status: 401, body: { title: 'Unauthorized' } }
        : { status: 200, body: articleWire };
    });
    expect((await adapter.resources.contentType.get('Article'))?.def).toEqual(article);
    expect(platform.tokenRequests()).toHaveLength(2);
    expect(platform.apiRequests().map((request) => request.headers['authorization'])).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('gives up with auth when the renewed token is rejected too', async () => {
    const { adapter, platform } = await setup(() => ({ status: 401, body: { title: 'Unauthorized' } }));
    const error = await adapterFailure(adapter.resources.contentType.get('Article'));
    expect(error.kind).toBe('auth');
    expect(platform.tokenRequests()).toHaveLength(2);
  });

  it('names the variables to check on invalid_client and never echoes the secret', async () => {
    const { adapter, events } = await setup(
      () => undefined,
      {},
      () => ({ status: 400, body: { error: 'invalid_client', error_description: `Unknown client secret ${SECRET}` } }),
    );
    const error = await adapterFailure(adapter.resources.contentType.list());
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/OPTIMIZELY_CMS_CLIENT_ID and OPTIMIZELY_CMS_CLIENT_SECRET/);
    expect(JSON.stringify({ message: error.message, fieldErrors: error.fieldErrors, events })).not.toContain(SECRET);
  });

  it('scrubs the secret from any message, even one the platform echoed', async () => {
    const { adapter } = await setup(
      () => undefined,
      {},
      () => ({ status: 400, body: { error: 'invalid_request', error_description: `client_secret '${SECRET}' is malformed` } }),
    );
    const error = await adapterFailure(adapter.resources.contentType.list());
    expect(error.kind).toBe('auth');
    expect(error.message).toContain("client_secret '[redacted]' is malformed");
    expect(error.message).not.toContain(SECRET);
  });
});

describe('lists', () => {
  it('pages with pageIndex/pageSize and stops on a short page (preview3 envelope)', async () => {
    const keys = Array.from({ length: 130 }, (_, index) => `Type${String(index).padStart(3, '0')}`);
    const { adapter, platform } = await setup(
      (request) => {
        const url = new URL(request.path, 'http://x');
        const pageIndex = Number(url.searchParams.get('pageIndex'));
        const pageSize = Number(url.searchParams.get('pageSize'));
        const items = keys
          .slice(pageIndex * pageSize, (pageIndex + 1) * pageSize)
          .map((key) => ({ key, baseType: 'component', displayName: key, source: key === 'Type000' ? 'system' : '' }));
        return { status: 200, body: { items, pageIndex, pageSize, totalItemCount: keys.length } };
      },
      { apiVersion: 'preview3' },
    );
    const types = await adapter.resources.contentType.list();
    expect(types.map((type) => type.def.key)).toEqual(keys);
    expect(types.filter((type) => type.readOnly).map((type) => [type.def.key, type.source])).toEqual([['Type000', 'system']]);
    expect(platform.apiRequests().map((request) => request.path)).toEqual([
      '/preview3/contenttypes?pageIndex=0&pageSize=100',
      '/preview3/contenttypes?pageIndex=1&pageSize=100',
    ]);
  });

  it('stops with a protocol error when the server ignores pageIndex', async () => {
    const items = Array.from({ length: 100 }, (_, index) => ({ key: `T${index}`, baseType: '_page', displayName: 'T' }));
    const { adapter } = await setup(() => ({ status: 200, body: { items, pageIndex: 0, pageSize: 100 } }));
    const error = await adapterFailure(adapter.resources.contentType.list());
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/page 1 repeated items already listed/);
  });

  it('calls an unparseable success body a protocol error', async () => {
    const { adapter } = await setup(() => ({ status: 200, body: '<html>proxy login</html>' }));
    const error = await adapterFailure(adapter.resources.contentType.list());
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/not JSON \(<html>proxy login<\/html>\)/);
  });
});

describe('transport failures', () => {
  it('retries a reset connection and reports network after the attempts run out', async () => {
    const { adapter, events } = await setup(() => 'reset', { retry: { maxAttempts: 3 } });
    const error = await adapterFailure(adapter.resources.contentType.get('Article'));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/Gave up after 3 attempts/);
    expect(events.filter((event) => event.type === 'retry').map((event) => event.attempt)).toEqual([1, 2]);
  });

  it('times out a request that never answers', async () => {
    const { adapter } = await setup(() => 'hang', { timeoutMs: 100, retry: { maxAttempts: 2 } });
    const error = await adapterFailure(adapter.resources.contentType.get('Article'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 100 ms/);
  });
});

describe('ambiguous retries', () => {
  it('counts a retried POST answered 409 as success when the type now is what was sent', async () => {
    let posts = 0;
    const { adapter } = await setup((request) => {
      if (request.method === 'POST')
        return (posts += 1) === 1
          ? { status: 503, body: { title: 'Service Unavailable' } }
          : { status: 409, body: { title: 'Conflict', detail: 'exists' } };
      if (request.method === 'GET') return { status: 200, headers: { etag: '"c1"' }, body: articleWire };
      return undefined;
    });
    const live = await adapter.resources.contentType.create(article);
    expect(live).toEqual({ def: article, version: { etag: '"c1"' }, readOnly: false });
  });

  it('reports conflict when the type that exists is different', async () => {
    let posts = 0;
    const { adapter } = await setup((request) => {
      if (request.method === 'POST') return (posts += 1) === 1 ? 'reset' : { status: 409, body: { title: 'Conflict' } };
      if (request.method === 'GET') return { status: 200, body: { ...articleWire, displayName: 'Someone else' } };
      return undefined;
    });
    expect((await adapterFailure(adapter.resources.contentType.create(article))).kind).toBe('conflict');
  });

  it('reports conflict at once for a first POST answered 409', async () => {
    const { adapter, platform } = await setup((request) =>
      request.method === 'POST' ? { status: 409, body: { title: 'Conflict' } } : undefined,
    );
    expect((await adapterFailure(adapter.resources.contentType.create(article))).kind).toBe('conflict');
    expect(platform.apiRequests().map((request) => request.method)).toEqual(['POST']);
  });

  it('reports not_found for a first DELETE answered 404 (only a retried one may have landed)', async () => {
    const { adapter, platform } = await setup((request) =>
      request.method === 'DELETE' ? { status: 404, body: { title: 'Not Found' } } : undefined,
    );
    expect((await adapterFailure(adapter.resources.contentType.delete('Article'))).kind).toBe('not_found');
    expect(platform.apiRequests().map((request) => request.method)).toEqual(['DELETE']);
  });

  const seo = { key: 'SEO', displayName: 'SEO', sortOrder: 3 };
  const groupCases = [
    {
      write: 'create',
      method: 'POST',
      answer: 409,
      kind: 'conflict',
      run: (adapter: PlatformAdapter) => adapter.resources.propertyGroup.create(seo),
    },
    {
      write: 'update',
      method: 'PATCH',
      answer: 412,
      kind: 'stale',
      run: (adapter: PlatformAdapter) =>
        adapter.resources.propertyGroup.update({ ...seo, sortOrder: 1 }, seo, { precondition: { etag: '"g1"' } }),
    },
  ] as const;
  it.each(groupCases)(
    'counts a property group $write retried after a 503 and answered $answer as success when the group is what was sent',
    async ({ method, answer, run }) => {
      let writes = 0;
      const { adapter } = await setup((request) => {
        if (request.method === method)
          return (writes += 1) === 1
            ? { status: 503, body: { title: 'Service Unavailable' } }
            : { status: answer, body: { title: 'Retried' } };
        if (request.method === 'GET') return { status: 200, headers: { etag: '"g2"' }, body: seo };
        return undefined;
      });
      expect(await run(adapter)).toEqual({ def: seo, version: { etag: '"g2"' }, readOnly: false });
    },
  );

  it.each(groupCases)(
    'reports $kind for a property group $write whose retry finds another group',
    async ({ method, answer, kind, run }) => {
      let writes = 0;
      const { adapter } = await setup((request) => {
        if (request.method === method) return (writes += 1) === 1 ? 'reset' : { status: answer, body: { title: 'Retried' } };
        if (request.method === 'GET') return { status: 200, body: { ...seo, displayName: 'Someone else' } };
        return undefined;
      });
      expect((await adapterFailure(run(adapter))).kind).toBe(kind);
    },
  );
});

describe('countContentItems', () => {
  const cases: Array<{ name: string; answer: ScriptedAnswer; count: number | null }> = [
    { name: 'v1 totalCount', answer: { status: 200, body: { items: [{}], pageIndex: 0, pageSize: 1, totalCount: 12 } }, count: 12 },
    { name: 'preview2/3 totalItemCount', answer: { status: 200, body: { items: [], totalItemCount: 0 } }, count: 0 },
    { name: 'no total, no items', answer: { status: 200, body: { items: [] } }, count: 0 },
    { name: 'no total, some items', answer: { status: 200, body: { items: [{}] } }, count: null },
    { name: 'route not served', answer: { status: 404, body: { title: 'Not Found' } }, count: null },
    { name: 'no permission to read content', answer: { status: 403, body: { title: 'Forbidden' } }, count: null },
  ];
  it.each(cases)('$name', async ({ answer, count }) => {
    const { adapter, platform } = await setup(() => answer);
    expect(await adapter.countContentItems('Article')).toBe(count);
    expect(platform.apiRequests()[0]?.path).toBe('/_cms/v1/content/43f936c99b234ea397b261c538ad07c9/items?contentTypes=Article&pageSize=1');
  });
});
