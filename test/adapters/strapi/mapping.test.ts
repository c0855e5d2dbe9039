import { describe, expect, it } from 'vitest';
import { isAdapterError } from '../../../src/adapters/errors.js';
import { componentKey, componentUid, contentTypeKey, contentTypeUid, pluralOf } from '../../../src/adapters/strapi/names.js';
import { STRAPI_PROFILE } from '../../../src/adapters/strapi/profile.js';
import { contentTypeFromStrapi, type StrapiAttribute } from '../../../src/adapters/strapi/to-canonical.js';
import { attributesToStrapi } from '../../../src/adapters/strapi/to-wire.js';
import type { ContentTypeDef } from '../../../src/core/model.js';
import { validateDesired } from '../../../src/core/validate-desired.js';

/** Strapi attributes as the content-type-builder returns them, one per mapped kind. */
const ATTRIBUTES: Record<string, StrapiAttribute> = {
  title: { type: 'string', required: true, minLength: 2, maxLength: 80, regex: '^[A-Z]' },
  code: { type: 'string', unique: true },
  note: { type: 'text' },
  mail: { type: 'email' },
  slug: { type: 'uid' },
  kind: { type: 'enumeration', enum: ['a', 'b'] },
  body: { type: 'blocks' },
  md: { type: 'richtext' },
  count: { type: 'integer', min: 0, max: 10 },
  big: { type: 'biginteger' },
  ratio: { type: 'float' },
  price: { type: 'decimal', max: 99 },
  flag: { type: 'boolean' },
  data: { type: 'json' },
  when: { type: 'datetime' },
  day: { type: 'date' },
  at: { type: 'time' },
  cover: { type: 'media', multiple: false, allowedTypes: ['images'] },
  gallery: { type: 'media', multiple: true, allowedTypes: ['images', 'videos'] },
  author: { type: 'relation', relation: 'manyToOne', target: 'api::blog-author.blog-author' },
  hero: { type: 'relation', relation: 'oneToOne', target: 'api::article.article' },
  tags: { type: 'relation', relation: 'manyToMany', target: 'api::tag.tag' },
  notes: { type: 'relation', relation: 'oneToMany', target: 'api::tag.tag' },
  seo: { type: 'component', component: 'shared.seo', repeatable: false },
  faq: { type: 'component', component: 'shared.seo', repeatable: true, min: 1, max: 3 },
  zone: { type: 'dynamiczone', components: ['blocks.hero-banner', 'shared.seo'], max: 4 },
};

describe('the Strapi mapping', () => {
  it.each([
    ['BlogPost', 'api::blog-post.blog-post'],
    ['Article', 'api::article.article'],
    ['Page2', 'api::page2.page2'],
  ])('names content type %s as %s and back', (key, uid) => {
    expect(contentTypeUid(key)).toBe(uid);
    expect(contentTypeKey(uid)).toBe(key);
  });

  it.each([
    ['Shared_Seo', 'shared.seo'],
    ['Blocks_HeroBanner', 'blocks.hero-banner'],
  ])('names component %s as %s and back', (key, uid) => {
    expect(componentUid(key).uid).toBe(uid);
    expect(componentKey(uid)).toBe(key);
  });

  it.each(['HTMLPage', 'Blog_Post'])('refuses content type key %s, which has no Strapi name', (key) => {
    expect(() => contentTypeUid(key)).toThrow(expect.objectContaining({ kind: 'validation' }) as Error);
  });

  it('leaves plugin and admin types out', () => {
    expect(contentTypeKey('plugin::upload.file')).toBeUndefined();
    expect(contentTypeKey('admin::user')).toBeUndefined();
  });

  it.each([
    ['article', 'articles'],
    ['category', 'categories'],
    ['box', 'boxes'],
    ['day', 'days'],
  ])('makes the plural of %s: %s', (singular, plural) => expect(pluralOf(singular)).toBe(plural));

  it('reads every mapped attribute kind and writes it back as Strapi had it', () => {
    const def = contentTypeFromStrapi('Article', { displayName: 'Article', kind: 'collectionType', attributes: ATTRIBUTES }, false);
    expect(def.baseType).toBe('_page');
    expect(def.properties.code).toEqual({ type: 'string', editorSettings: { unique: true } });
    expect(def.properties.gallery).toEqual({ type: 'array', items: { type: 'contentReference', allowedTypes: ['_image', '_video'] } });
    expect(def.properties.notes).toEqual({
      type: 'array',
      format: 'oneToMany',
      items: { type: 'contentReference', allowedTypes: ['Tag'] },
    });
    expect(def.properties.faq).toEqual({
      type: 'array',
      items: { type: 'component', contentType: 'Shared_Seo' },
      minItems: 1,
      maxItems: 3,
    });

    const written = attributesToStrapi(def);
    expect(Object.fromEntries(written.map((entry) => [entry.name, entry.properties]))).toEqual(ATTRIBUTES);
    expect(written.every((entry) => entry.action === 'create')).toBe(true);
  });

  it('maps single types to _experience and components to _component', () => {
    expect(contentTypeFromStrapi('Home', { displayName: 'Home', kind: 'singleType', attributes: {} }, false).baseType).toBe('_experience');
    expect(contentTypeFromStrapi('Shared_Seo', { displayName: 'Seo', attributes: {} }, true).baseType).toBe('_component');
  });

  it('keeps attribute options the model has no member for when it updates', () => {
    const def: ContentTypeDef = { key: 'Tag', baseType: '_page', displayName: 'Tag', properties: { name: { type: 'string' } } };
    const [entry] = attributesToStrapi(def, { name: { type: 'string', default: 'x', private: true } });
    expect(entry).toEqual({ action: 'update', name: 'name', properties: { type: 'string', default: 'x', private: true } });
  });

  it('refuses what Strapi cannot store with a validation error naming the property', () => {
    const def: ContentTypeDef = {
      key: 'Tag',
      baseType: '_page',
      displayName: 'Tag',
      properties: { list: { type: 'array', items: { type: 'string' } } },
    };
    let error: unknown;
    try {
      attributesToStrapi(def);
    } catch (caught) {
      error = caught;
    }
    expect(isAdapterError(error) && error.kind === 'validation' && error.message.includes('"list"')).toBe(true);
  });

  it('blocks property groups, display templates and members Strapi has no field for in the plan (V031, V032)', () => {
    const rules = STRAPI_PROFILE.versions.v5!;
    const diagnostics = validateDesired(
      {
        propertyGroups: [{ def: { key: 'Seo', displayName: 'SEO' } }],
        displayTemplates: [{ def: { key: 'Wide', displayName: 'Wide' } }],
        contentTypes: [
          {
            def: {
              key: 'Tag',
              baseType: '_page',
              displayName: 'Tag',
              properties: { name: { type: 'string', displayName: 'Name' }, link: { type: 'url' } },
            },
          },
        ],
      },
      { rules: STRAPI_PROFILE, storable: { rules, held: new Map() } },
    );
    expect(diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.resource?.kind} ${diagnostic.path}`).sort()).toEqual([
      'V031 contentType properties.name.displayName',
      'V031 displayTemplate key',
      'V031 propertyGroup key',
      'V032 contentType properties.link.type',
    ]);
  });
});
