import { AdapterError } from '../errors.js';

/**
 * How catalyst's keys name Strapi schemas. A content type key is the PascalCase of its kebab-case
 * singular name (`BlogPost` ↔ `api::blog-post.blog-post`); a component key is its category and
 * name joined by `_` (`Shared_Seo` ↔ `shared.seo`). Keys that do not survive the round trip are
 * refused before anything is sent.
 */
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const CONTENT_TYPE_UID = /^api::([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)$/;

export function kebabOf(pascal: string): string {
  return pascal.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

export function pascalOf(kebab: string): string {
  return kebab
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Whether a key names a component (`Category_Name`) rather than a content type. */
export function isComponentKey(key: string): boolean {
  return key.includes('_');
}

export function contentTypeUid(key: string): string {
  const singular = kebabOf(key);
  if (!KEBAB.test(singular) || pascalOf(singular) !== key) {
    throw new AdapterError({
      kind: 'validation',
      message: `Content type key "${key}" has no Strapi name: on Strapi a content type key is PascalCase letters and digits (e.g. "BlogPost", stored as api::blog-post.blog-post). Rename it.`,
    });
  }
  return `api::${singular}.${singular}`;
}

/** The key of an `api::` content type, or undefined for another uid (plugins, admin). */
export function contentTypeKey(uid: string): string | undefined {
  const match = CONTENT_TYPE_UID.exec(uid);
  if (!match || match[1] !== match[2]) return undefined;
  return pascalOf(match[1]!);
}

export function componentUid(key: string): { uid: string; category: string; name: string } {
  const at = key.indexOf('_');
  const category = kebabOf(key.slice(0, at));
  const name = kebabOf(key.slice(at + 1));
  if (at < 1 || !KEBAB.test(category) || !KEBAB.test(name) || componentKey(`${category}.${name}`) !== key) {
    throw new AdapterError({
      kind: 'validation',
      message: `Component key "${key}" has no Strapi name: on Strapi a component key is its category and name in PascalCase joined by "_" (e.g. "Shared_Seo" for shared.seo). Rename it.`,
    });
  }
  return { uid: `${category}.${name}`, category, name };
}

export function componentKey(uid: string): string {
  const [category = '', name = ''] = uid.split('.');
  return `${pascalOf(category)}_${pascalOf(name)}`;
}

/** An English plural for a new type's `pluralName` (Strapi requires it to differ from the singular). */
export function pluralOf(singular: string): string {
  if (/[^aeiou]y$/.test(singular)) return `${singular.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(singular)) return `${singular}es`;
  return `${singular}s`;
}
