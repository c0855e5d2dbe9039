import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runInProcess } from '../helpers/run-in-process.js';
import { startStrapi, type StrapiServer } from './helpers/strapi-server.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/two-platforms/', import.meta.url));

describe('examples/two-platforms: one YAML set, an Optimizely and a Strapi target', () => {
  let server: StrapiServer;
  let dir: string;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    server = await startStrapi(inject('strapiInstall'));
    dir = await mkdtemp(join(tmpdir(), 'catalyst-two-platforms-'));
    await cp(EXAMPLE, dir, { recursive: true });
    env = {
      STRAPI_URL: server.url,
      STRAPI_ADMIN_EMAIL: server.email,
      STRAPI_ADMIN_PASSWORD: server.password,
      OPTIMIZELY_CMS_API_URL: undefined,
      OPTIMIZELY_CMS_CLIENT_ID: undefined,
      OPTIMIZELY_CMS_CLIENT_SECRET: undefined,
    };
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    await server?.stop();
  });

  const run = (args: string[]) => runInProcess(args, { cwd: dir, env });

  it.each(['local', 'strapi'])('plans three creates on %s, applies them, then plans nothing', async (target) => {
    const planned = await run(['plan', '--target', target, '--detailed-exitcode']);
    expect(planned.stdout).toContain('Plan: 3 to create, 0 to update, 0 to delete.');
    expect(planned.code).toBe(2);
    const applied = await run(['apply', '--target', target, '--auto-approve']);
    expect(applied.stdout).toContain('Apply complete!');
    expect(applied.code).toBe(0);
    const again = await run(['plan', '--target', target, '--detailed-exitcode']);
    expect(again.stdout).toContain('No changes');
    expect(again.code).toBe(0);
  });

  it('never prints the Strapi admin password', async () => {
    const status = await run(['status', '--target', 'strapi']);
    expect(status.stdout + status.stderr).not.toContain(server.password);
    const wrong = await runInProcess(['plan', '--target', 'strapi'], {
      cwd: dir,
      env: { ...env, STRAPI_ADMIN_PASSWORD: 'Wrong-Secret-9' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout + wrong.stderr).toContain('refused the admin login');
    expect(wrong.stdout + wrong.stderr).not.toContain('Wrong-Secret-9');
  });
});
