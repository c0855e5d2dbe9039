import { describe, expect, it } from 'vitest';
import { adapterFailure } from '../adapter-failure.js';
import { contentItemsPath, resolveEndpoints, type ApiVersion } from '../../../src/adapters/optimizely/endpoints.js';

describe('resolveEndpoints follows the official CLI', () => {
  const cases: Array<{ url: string; version: ApiVersion; apiRoot: string; tokenUrl: string }> = [
    {
      url: 'https://api.cms.optimizely.com',
      version: 'v1',
      apiRoot: 'https://api.cms.optimizely.com/v1',
      tokenUrl: 'https://api.cms.optimizely.com/oauth/token',
    },
    {
      url: 'https://api.cms.optimizely.com/',
      version: 'v1',
      apiRoot: 'https://api.cms.optimizely.com/v1',
      tokenUrl: 'https://api.cms.optimizely.com/oauth/token',
    },
    { url: '', version: 'v1', apiRoot: 'https://api.cms.optimizely.com/v1', tokenUrl: 'https://api.cms.optimizely.com/oauth/token' },
    {
      url: 'https://api.cmstest.optimizely.com',
      version: 'v1',
      apiRoot: 'https://api.cmstest.optimizely.com/v1',
      tokenUrl: 'https://api.cmstest.optimizely.com/oauth/token',
    },
    {
      url: 'https://api-acme.cms.optimizely.com//',
      version: 'v1',
      apiRoot: 'https://api-acme.cms.optimizely.com/v1',
      tokenUrl: 'https://api-acme.cms.optimizely.com/oauth/token',
    },
    {
      url: 'http://api.cms.optimizely.com',
      version: 'v1',
      apiRoot: 'http://api.cms.optimizely.com/_cms/v1',
      tokenUrl: 'http://api.cms.optimizely.com/_cms/v1/oauth/token',
    },
    {
      url: 'https://app-123.cms.optimizely.com',
      version: 'v1',
      apiRoot: 'https://app-123.cms.optimizely.com/_cms/v1',
      tokenUrl: 'https://app-123.cms.optimizely.com/_cms/v1/oauth/token',
    },
    {
      url: 'http://127.0.0.1:4010',
      version: 'v1',
      apiRoot: 'http://127.0.0.1:4010/_cms/v1',
      tokenUrl: 'http://127.0.0.1:4010/_cms/v1/oauth/token',
    },
    {
      url: 'https://cms.example.com/proxy/',
      version: 'v1',
      apiRoot: 'https://cms.example.com/proxy/_cms/v1',
      tokenUrl: 'https://cms.example.com/proxy/_cms/v1/oauth/token',
    },
    {
      url: 'https://api.cms.optimizely.com',
      version: 'preview3',
      apiRoot: 'https://api.cms.optimizely.com/preview3',
      tokenUrl: 'https://api.cms.optimizely.com/oauth/token',
    },
    {
      url: 'http://127.0.0.1:4010/',
      version: 'preview3',
      apiRoot: 'http://127.0.0.1:4010/preview3',
      tokenUrl: 'http://127.0.0.1:4010/oauth/token',
    },
  ];
  it.each(cases)('$url ($version)', ({ url, version, apiRoot, tokenUrl }) => {
    expect(resolveEndpoints(url, version)).toEqual({ apiRoot, tokenUrl });
  });
});

describe('resolveEndpoints rejects what is not a host URL', () => {
  const cases: Array<{ url: string; says: RegExp }> = [
    { url: 'api.cms.optimizely.com', says: /not a URL/ },
    { url: 'ftp://api.cms.optimizely.com', says: /https:\/\/ or http:\/\// },
    { url: 'https://api.cms.optimizely.com/v1', says: /version path \('\/v1'\).*give the host only/ },
    { url: 'http://127.0.0.1:4010/_cms/v1/', says: /version path/ },
    { url: 'https://api.cms.optimizely.com/preview3', says: /version path/ },
    { url: 'https://api.cms.optimizely.com?x=1', says: /query/ },
    { url: 'https://user:hunter22@api.cms.optimizely.com', says: /must not contain credentials/ },
  ];
  it.each(cases)('$url', async ({ url, says }) => {
    const error = await adapterFailure(() => resolveEndpoints(url, 'v1'));
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(says);
    expect(error.message).toContain('OPTIMIZELY_CMS_API_URL');
    expect(error.message).not.toContain('hunter22');
  });
});

describe('contentItemsPath', () => {
  it('is at the root in v1 and under experimental in preview3', () => {
    expect(contentItemsPath('v1', 'abc')).toBe('/content/abc/items');
    expect(contentItemsPath('preview3', 'abc')).toBe('/experimental/content/abc/items');
  });
});
