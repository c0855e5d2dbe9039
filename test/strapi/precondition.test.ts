import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PlatformAdapter } from '../../src/adapters/port.js';
import { createStrapiAdapter } from '../../src/adapters/strapi/index.js';
import type { ContentTypeDef } from '../../src/core/model.js';
import { UserError } from '../../src/core/user-error.js';
import { applyPlan } from '../../src/engine/apply-plan.js';
import { PLATFORM_PROFILES } from '../../src/engine/platforms.js';
import { reconcile } from '../../src/engine/reconcile.js';
import { loadConfig } from '../../src/io/config/load-config.js';
import { readLockfile } from '../../src/io/lockfile/read-lockfile.js';
import { StrapiProject } from './helpers/strapi-project.js';
import { startStrapi, type StrapiServer } from './helpers/strapi-server.js';

const TAG = (maxLength: number) => `key: Tag
baseType: _page
displayName: Tag
properties:
  name: { type: string, maxLength: ${maxLength} }
`;
const NOTE = `key: Note
baseType: _page
displayName: Note
properties:
  text: { type: string }
`;

/**
 * Strapi has no ETag, so the engine re-reads a type right before writing it and compares it with
 * the plan. Here a Strapi user edits Tag while apply is creating Note (the step before Tag's
 * update): the update must fail as stale and leave Tag as the user left it.
 */
describe('a Strapi type edited between plan and write', () => {
  let server: StrapiServer;
  let project: StrapiProject;

  beforeAll(async () => {
    server = await startStrapi(inject('strapiInstall'));
    project = await StrapiProject.create(server);
    await project.setContentTypes({ 'Tag.yaml': TAG(40) });
    expect((await project.run(['apply', '--auto-approve'])).code).toBe(0);
  });
  afterAll(async () => {
    await project?.dispose();
    await server?.stop();
  });

  it('fails the step as stale, as on Optimizely, and writes nothing over the edit', async () => {
    await project.setContentTypes({ 'Tag.yaml': TAG(80), 'Note.yaml': NOTE });
    const env = { STRAPI_URL: server.url, STRAPI_ADMIN_EMAIL: server.email, STRAPI_ADMIN_PASSWORD: server.password };
    const loaded = await loadConfig({ cwd: project.dir, env, platforms: PLATFORM_PROFILES });
    const { config, target } = loaded;
    if (!config || !target) throw new Error(`the config does not load: ${JSON.stringify(loaded.diagnostics)}`);
    const lock = (await readLockfile(config.lockfilePath, { cwd: project.dir })).lock!;
    const real = createStrapiAdapter({ url: server.url, email: server.email, password: server.password });
    const planned = await reconcile({ config, target, adapter: real, lock, cwd: project.dir, now: new Date().toISOString() });
    if (!planned.ok) throw new Error('the YAML is invalid');

    const contentTypes = real.resources.contentType;
    const adapter: PlatformAdapter = {
      ...real,
      profile: real.profile,
      describe: () => real.describe(),
      countContentItems: (key) => real.countContentItems(key),
      resources: {
        ...real.resources,
        contentType: {
          list: () => contentTypes.list(),
          get: (key) => contentTypes.get(key),
          update: (previous, next, options) => contentTypes.update(previous, next, options),
          delete: (key, options) => contentTypes.delete(key, options),
          create: async (def: ContentTypeDef) => {
            const created = await contentTypes.create(def);
            await editTagInStrapi(server);
            return created;
          },
        },
      },
    };
    const result = await applyPlan({
      plan: planned.plan,
      adapter,
      lock,
      lockfilePath: config.lockfilePath,
      historyFile: join(project.dir, '.catalyst', 'history.jsonl'),
      backupDir: join(project.dir, '.catalyst', 'backups'),
      targetName: target.name,
      actor: 'strapi-tests',
      now: () => new Date().toISOString(),
      allowDestructive: false,
    });
    expect(result.completed.map((outcome) => `${outcome.action} ${outcome.key}`)).toEqual(['create Note']);
    expect(result.failed?.step).toMatchObject({ action: 'update', key: 'Tag' });
    expect(result.failed?.error).toBeInstanceOf(UserError);
    const error = result.failed?.error as UserError;
    expect(error.summary).toBe('Stale step: content type Tag changed since the plan');
    expect(error.detail).toContain('was changed in the CMS after the plan was made');

    const tag = await server.request('GET', '/content-type-builder/content-types/api::tag.tag');
    const attributes = (tag.body as { data: { schema: { attributes: Record<string, Record<string, unknown>> } } }).data.schema.attributes;
    expect(attributes.name).toMatchObject({ maxLength: 40 });
    expect(attributes.color).toBeDefined();

    const replanned = await project.run(['plan']);
    expect(replanned.stdout).toContain('content type Tag');
    expect(replanned.stdout).toContain('properties.color');
  });
});

/** A Strapi user adds an attribute to Tag, and the server restarts with it. */
async function editTagInStrapi(server: StrapiServer): Promise<void> {
  const changed = await server.request('POST', '/content-type-builder/update-schema', {
    data: {
      components: [],
      contentTypes: [
        {
          action: 'update',
          uid: 'api::tag.tag',
          displayName: 'Tag',
          draftAndPublish: false,
          attributes: [
            { action: 'update', name: 'name', properties: { type: 'string', maxLength: 40 } },
            { action: 'create', name: 'color', properties: { type: 'string' } },
          ],
        },
      ],
    },
  });
  expect(changed.status).toBe(200);
  const deadline = Date.now() + 60_000;
  for (;;) {
    await server.waitUntilReady();
    const tag = await server.request('GET', '/content-type-builder/content-types/api::tag.tag').catch(() => undefined);
    const attributes = (tag?.body as { data?: { schema?: { attributes?: Record<string, unknown> } } } | undefined)?.data?.schema
      ?.attributes;
    if (attributes?.color !== undefined) return;
    if (Date.now() > deadline) throw new Error('Strapi did not show the edit within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
