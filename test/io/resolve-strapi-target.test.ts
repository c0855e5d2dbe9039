import { describe, expect, it } from 'vitest';
import { PLATFORM_PROFILES } from '../../src/engine/platforms.js';
import type { WrittenConfig } from '../../src/io/config/config.js';
import { resolveConfig, selectTarget, type Environment } from '../../src/io/config/resolve-config.js';

const STRAPI_ENV = { STRAPI_URL: 'http://127.0.0.1:1337/', STRAPI_ADMIN_EMAIL: 'admin@example.com', STRAPI_ADMIN_PASSWORD: 'S3cret-pass' };

function select(written: WrittenConfig, env: Environment) {
  const resolved = resolveConfig(written, { rootDir: '/project', env, platforms: PLATFORM_PROFILES });
  return selectTarget(resolved, undefined, {});
}

describe('platform: strapi targets', () => {
  it('take the URL and the admin user from the environment, and default to API v5', () => {
    const { target, diagnostics } = select({ targets: { cms: { platform: 'strapi' } } }, STRAPI_ENV);
    expect(diagnostics).toEqual([]);
    expect(target).toMatchObject({ platform: 'strapi', apiVersion: 'v5', endpoint: { kind: 'remote', apiUrl: 'http://127.0.0.1:1337' } });
    expect(target!.credentials.clientId).toBe('admin@example.com');
    expect(target!.credentials.clientSecret.reveal()).toBe('S3cret-pass');
    expect(JSON.stringify(target)).not.toContain('S3cret-pass');
  });

  it('are never embedded: without a URL anywhere they fail with what to set', () => {
    const { target, diagnostics } = select({ targets: { cms: { platform: 'strapi' } } }, {});
    expect(target).toBeUndefined();
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('C008');
    expect(diagnostics.map((diagnostic) => diagnostic.detail).join('\n')).toContain('STRAPI_URL');
  });

  it('name the admin variables when the credentials are missing', () => {
    const { diagnostics } = select({ targets: { cms: { platform: 'strapi' } } }, { STRAPI_URL: 'http://127.0.0.1:1337' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'C007' });
    expect(diagnostics[0]!.detail).toContain('STRAPI_ADMIN_EMAIL or STRAPI_ADMIN_PASSWORD');
    expect(diagnostics[0]!.detail).toContain('Strapi admin user');
  });

  it.each([
    [{ platform: 'strapi', apiVersion: 'v1' }, 'Strapi has no API version v1'],
    [{ platform: 'strapi', url: 'embedded' }, 'Strapi has no embedded emulator'],
    [{ platform: 'optimizely', apiVersion: 'v5', url: 'embedded' }, 'Optimizely has no API version v5'],
  ] as const)('refuse %o with C015', (written, summary) => {
    const { target, diagnostics } = select({ targets: { cms: written } }, STRAPI_ENV);
    expect(target).toBeUndefined();
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'C015', severity: 'error', summary }));
  });

  it('leave Optimizely targets as they were: no URL and no credentials is the embedded emulator', () => {
    const { target } = select({ targets: { cms: { platform: 'optimizely' } } }, STRAPI_ENV);
    expect(target).toMatchObject({ apiVersion: 'v1', endpoint: { kind: 'embedded' } });
  });
});
