import type { Handler } from '../http/router.js';
import type { ContentTypeDoc, Stored } from '../store/documents.js';
import { CONTENT_TYPES, DISPLAY_TEMPLATES, PROPERTY_GROUPS } from './kinds.js';
import { page, readPaging, sourceFilter } from './support.js';

/**
 * `GET /contenttypes`: `sources`, `forContainerType`, paging [V1][P3][P2]. Ordered by key, which
 * the specifications leave open [INF].
 */
export const listContentTypes: Handler = (context) => {
  const paging = readPaging(context.url);
  const fromSource = sourceFilter(context.url);
  const containerKey = context.url.searchParams.get('forContainerType');
  const all = context.store.contentTypes.list();
  const container = containerKey === null ? undefined : all.find((stored) => stored.doc.key === containerKey);
  const selected = all
    .filter((stored) => fromSource(stored.source))
    .filter((stored) => containerKey === null || (container !== undefined && mayContain(container.doc, stored)));
  return {
    status: 200,
    body: page(
      context.dialect,
      selected.map((stored) => CONTENT_TYPES.encode(context.dialect, stored)),
      paging,
    ),
  };
};

/**
 * "Only include types that are available for creation under the provided container type" [V1]:
 * the container's `mayContainTypes` lists keys, base types or `*`. Contracts have no content.
 * An unknown container type allows nothing [INF].
 */
function mayContain(container: ContentTypeDoc, candidate: Stored<ContentTypeDoc>): boolean {
  if (candidate.doc.isContract === true) return false;
  const allowed = container.mayContainTypes ?? [];
  return (
    allowed.includes('*') ||
    allowed.includes(candidate.doc.key) ||
    (candidate.doc.baseType !== undefined && allowed.includes(candidate.doc.baseType))
  );
}

/** `GET /propertygroups`: `sources` only, no paging parameters, still a page envelope [V1]. */
export const listPropertyGroups: Handler = (context) => {
  const fromSource = sourceFilter(context.url);
  const items = context.store.propertyGroups
    .list()
    .filter((stored) => fromSource(stored.source))
    .map((stored) => PROPERTY_GROUPS.encode(context.dialect, stored));
  return { status: 200, body: page(context.dialect, items, { pageIndex: 0, pageSize: Math.max(items.length, 1) }) };
};

export const listDisplayTemplates: Handler = (context) => {
  const paging = readPaging(context.url);
  const items = context.store.displayTemplates.list().map((stored) => DISPLAY_TEMPLATES.encode(context.dialect, stored));
  return { status: 200, body: page(context.dialect, items, paging) };
};
