import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStrapiAdapter } from '../../src/adapters/strapi/index.js';
import type { PlatformAdapter } from '../../src/adapters/port.js';
import { StrapiProject } from './helpers/strapi-project.js';
import { startStrapi, type StrapiServer } from './helpers/strapi-server.js';

const TAG = `key: Tag
baseType: _page
displayName: Tag
properties:
  name: { type: string, required: true, maxLength: 40, editorSettings: { unique: true } }
`;
const SEO = `key: Shared_Seo
baseType: _component
displayName: Seo
properties:
  metaTitle: { type: string, required: true, maxLength: 60 }
  metaDescription: { type: string, format: text }
`;
const ARTICLE_V1 = `key: Article
baseType: _page
displayName: Article
description: A blog article
properties:
  title: { type: string, required: true, minLength: 2, maxLength: 80, pattern: "^[A-Z]" }
  slug: { type: string, format: uid }
  body: richText
  summary: { type: richText, format: markdown }
  views: { type: integer, minimum: 0 }
  rating: { type: float, format: decimal, maximum: 5 }
  featured: boolean
  publishedOn: dateTime
  contact: { type: string, format: email }
  kind: { type: string, enum: [ news, opinion ] }
  extra: json
  cover: { type: contentReference, allowedTypes: [ _image ] }
  gallery: { type: array, items: { type: contentReference, allowedTypes: [ _image, _video ] } }
  tags: { type: array, items: { type: contentReference, allowedTypes: [ Tag ] } }
  seo: { type: component, contentType: Shared_Seo }
  faq: { type: array, items: { type: component, contentType: Shared_Seo }, maxItems: 5 }
`;
const ARTICLE_V2 = ARTICLE_V1.replace('maxLength: 80', 'maxLength: 120')
  .replace('  views: { type: integer, minimum: 0 }\n', '')
  .concat('  subtitle: { type: string, maxLength: 200 }\n');
const HOMEPAGE = `key: Homepage
baseType: _experience
displayName: Homepage
properties:
  heading: { type: string, required: true }
  hero: { type: contentReference, allowedTypes: [ Article ], format: oneToOne }
`;

const V1 = { 'Tag.yaml': TAG, 'Shared_Seo.yaml': SEO, 'Article.yaml': ARTICLE_V1 };
const V2 = { 'Tag.yaml': TAG, 'Shared_Seo.yaml': SEO, 'Article.yaml': ARTICLE_V2, 'Homepage.yaml': HOMEPAGE };

describe('catalyst against a real Strapi 5', () => {
  let server: StrapiServer;
  let project: StrapiProject;
  let adapter: PlatformAdapter;

  beforeAll(async () => {
    server = await startStrapi(inject('strapiInstall'));
    project = await StrapiProject.create(server);
    adapter = createStrapiAdapter({ url: server.url, email: server.email, password: server.password });
  });
  afterAll(async () => {
    await project?.dispose();
    await server?.stop();
  });

  const plan = async () => project.run(['plan', '--detailed-exitcode']);
  const apply = async () => {
    const result = await project.run(['apply', '--auto-approve', '--allow-destructive']);
    expect(result.stdout).toContain('Apply complete!');
    expect(result.code).toBe(0);
    return result;
  };
  const expectEmptyPlan = async () => {
    const result = await plan();
    expect(result.stdout).toContain('No changes');
    expect(result.code).toBe(0);
  };
  const attributes = async (uid: string) => {
    const response = await server.request('GET', `/content-type-builder/content-types/${uid}`);
    return (response.body as { data: { schema: { attributes: Record<string, Record<string, unknown>> } } }).data.schema.attributes;
  };

  it('creates collection types, a component and their references, then plans nothing', async () => {
    await project.setContentTypes(V1);
    const planned = await plan();
    expect(planned.code).toBe(2);
    expect(planned.stdout).toContain('Plan: 3 to create, 0 to update, 0 to delete.');
    await apply();
    await expectEmptyPlan();

    const article = await attributes('api::article.article');
    expect(article.title).toMatchObject({ type: 'string', required: true, minLength: 2, maxLength: 80, regex: '^[A-Z]' });
    expect(article.tags).toMatchObject({ type: 'relation', relation: 'manyToMany', target: 'api::tag.tag' });
    expect(article.faq).toMatchObject({ type: 'component', component: 'shared.seo', repeatable: true, max: 5 });
    expect(article.gallery).toMatchObject({ type: 'media', multiple: true, allowedTypes: ['images', 'videos'] });
    expect((await attributes('api::tag.tag')).name).toMatchObject({ unique: true, required: true });
  });

  it('modifies a type and adds a single type (v1 → v2)', async () => {
    await project.setContentTypes(V2);
    const planned = await plan();
    expect(planned.stdout).toContain('Plan: 1 to create, 1 to update, 0 to delete.');
    expect(planned.stdout).toContain('properties.views');
    await apply();
    await expectEmptyPlan();
    const article = await attributes('api::article.article');
    expect(article.title).toMatchObject({ maxLength: 120 });
    expect(article.views).toBeUndefined();
    expect(article.subtitle).toMatchObject({ type: 'string', maxLength: 200 });
    const home = await server.request('GET', '/content-type-builder/content-types/api::homepage.homepage');
    expect(home.body).toMatchObject({ data: { schema: { kind: 'singleType' } } });
  });

  it('shows a change made in Strapi as drift, and reverts it on apply', async () => {
    const tag = await server.request('GET', '/content-type-builder/content-types/api::tag.tag');
    const schema = (tag.body as { data: { schema: { attributes: Record<string, Record<string, unknown>> } } }).data.schema;
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
              { action: 'update', name: 'name', properties: schema.attributes.name },
              { action: 'create', name: 'color', properties: { type: 'string' } },
            ],
          },
        ],
      },
    });
    expect(changed.status).toBe(200);
    await waitFor(async () => (await attributes('api::tag.tag')).color !== undefined, server);

    const planned = await plan();
    expect(planned.code).toBe(2);
    expect(planned.stdout).toMatch(/[Cc]hanged in the CMS/);
    expect(planned.stdout).toContain('properties.color');
    await apply();
    await expectEmptyPlan();
    expect((await attributes('api::tag.tag')).color).toBeUndefined();
  });

  it('counts the items of a type and deletes it when its YAML is removed (v2 → v1)', async () => {
    const created = await server.request('PUT', '/content-manager/single-types/api::homepage.homepage', { heading: 'Welcome' });
    expect(created.status).toBeLessThan(300);
    expect(await adapter.countContentItems('Homepage')).toBe(1);
    expect(await adapter.countContentItems('Article')).toBe(0);
    expect(await adapter.countContentItems('Shared_Seo')).toBeNull();

    await project.setContentTypes(V1);
    const planned = await plan();
    expect(planned.stdout).toContain('Plan: 0 to create, 1 to update, 1 to delete.');
    expect(planned.stdout).toContain('1 content item');
    await apply();
    await expectEmptyPlan();
    const home = await server.request('GET', '/content-type-builder/content-types/api::homepage.homepage');
    expect(home.status).toBe(404);
  });

  it('refuses a write planned against a type that changed since (no ETag: the adapter re-reads first)', async () => {
    const live = await adapter.resources.contentType.get('Tag');
    const planned = structuredClone(live!.def);
    planned.displayName = 'Label';
    await expect(adapter.resources.contentType.update(planned, { ...planned, displayName: 'Tags' })).rejects.toMatchObject({
      kind: 'stale',
    });
    expect((await adapter.resources.contentType.get('Tag'))!.def.displayName).toBe('Tag');
  });

  it('blocks property groups and display templates in the plan (V031) before any write', async () => {
    await project.setContentTypes({
      ...V1,
      'property-groups.yaml': 'propertyGroups:\n  - key: SeoGroup\n    displayName: SEO\n',
    });
    const planned = await plan();
    expect(planned.code).toBe(1);
    expect(planned.stderr + planned.stdout).toContain('V031');
    await project.setContentTypes(V1);
  });

  it('imports an existing Strapi schema into a new project, whose plan is then empty', async () => {
    const fresh = await StrapiProject.create(server);
    try {
      const imported = await fresh.run(['import', 'optimizely']);
      expect(imported.code).toBe(0);
      expect(await fresh.read('content-types/Article.yaml')).toContain('contentType: Shared_Seo');
      const planned = await fresh.run(['plan', '--detailed-exitcode']);
      expect(planned.stdout).toContain('No changes');
      expect(planned.code).toBe(0);
    } finally {
      await fresh.dispose();
    }
  });

  it('goes back to empty: every type it owns is deleted', async () => {
    await project.setContentTypes({});
    const planned = await plan();
    expect(planned.stdout).toContain('Plan: 0 to create, 0 to update, 3 to delete.');
    await apply();
    await expectEmptyPlan();
    const types = await server.request('GET', '/content-type-builder/content-types');
    expect((types.body as { data: Array<{ uid: string }> }).data.filter(({ uid }) => uid.startsWith('api::'))).toEqual([]);
  });
});

async function waitFor(condition: () => Promise<boolean>, server: StrapiServer): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await server.waitUntilReady();
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error('Strapi did not show the change within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
