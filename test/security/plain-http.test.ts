import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORM_PROFILES } from '../../src/engine/platforms.js';
import { loadConfig } from '../../src/io/config/load-config.js';
import { useTempDir } from '../helpers/temp-dir.js';

const ENV = { OPTIMIZELY_CMS_CLIENT_ID: 'id', OPTIMIZELY_CMS_CLIENT_SECRET: 'secret' };

/** Plain http:// to another machine would carry the client secret in clear: refused unless the target opts in, then warned on every run. */
describe('plain http targets', () => {
  const temp = useTempDir('http');

  async function diagnosticsFor(target: Record<string, unknown>, env: Record<string, string> = ENV) {
    await writeFile(
      join(temp.path, 'catalyst.config.yaml'),
      `targets:\n  cms:\n${Object.entries(target)
        .map(([k, v]) => `    ${k}: ${String(v)}\n`)
        .join('')}`,
    );
    const result = await loadConfig({ cwd: temp.path, env, platforms: PLATFORM_PROFILES });
    return result.diagnostics.map(
      (d) => `${d.severity} ${d.code} ${d.location ? `${d.location.file}:${d.location.line}` : '-'} ${d.summary}: ${d.detail}`,
    );
  }

  it('refuses a non-loopback http url with the code, file:line and the fix', async () => {
    const [only, ...rest] = await diagnosticsFor({ url: 'http://cms.example.com' });
    expect(rest).toEqual([]);
    expect(only).toMatch(/^error C013 catalyst\.config\.yaml:3 Plain http to target "cms": /);
    expect(only).toContain('Use https://cms.example.com');
    expect(only).toContain('add `insecure: true` to the target');
  });

  it('refuses one from the environment too', async () => {
    const [only] = await diagnosticsFor({ platform: 'optimizely' }, { ...ENV, OPTIMIZELY_CMS_API_URL: 'http://10.0.0.5:8080' });
    expect(only).toMatch(/^error C013 - Plain http to target "cms"/);
    expect(only).toContain('in OPTIMIZELY_CMS_API_URL');
  });

  it('accepts https and loopback http', async () => {
    for (const url of ['https://cms.example.com', 'http://localhost:4010', 'http://127.0.0.1:4010', 'http://[::1]:4010'])
      expect(await diagnosticsFor({ url })).toEqual([]);
  });

  it('with insecure: true, a warning on every run', async () => {
    const [only, ...rest] = await diagnosticsFor({ url: 'http://cms.example.com', insecure: true });
    expect(rest).toEqual([]);
    expect(only).toMatch(/^warning C014 catalyst\.config\.yaml:3 Target "cms" uses plain http: /);
  });
});
