import { isJsonObject, type JsonObject } from '../json.js';
import { assertPreconditions, isNotModified, versionHeaders } from '../http/conditional.js';
import { HttpProblem, validationProblem } from '../http/problem.js';
import type { Handler, HandlerContext } from '../http/router.js';
import type { ContentItemRecord } from '../store/documents.js';
import { ROOT_CONTENT_KEY } from '../store/seed.js';
import { Checker } from '../validation/checker.js';
import { JSON_MEDIA_TYPE, listParameter, page, prefersRepresentation, readJsonObject, readPaging } from './support.js';

/**
 * Enough of the content API to make data real: create items of a type, read and delete them,
 * and list a container's items by type, which is how clients count a type's items
 * (FIDELITY.md). Property values are stored as given and not checked against the type.
 *
 * v1 takes `NewContent` (`initialVersion` holds the version) [V1]; preview3/preview2 take a flat
 * `ContentItem` [P3][P2].
 */
export const createContent: Handler = async (context) => {
  const body = await readJsonObject(context, [JSON_MEDIA_TYPE]);
  const check = new Checker(context.dialect);
  const version = context.dialect.id === 'v1' ? check.object(body, 'initialVersion', 'initialVersion') : body;
  if (context.dialect.id === 'v1' && version === undefined && body.initialVersion === undefined) check.required('initialVersion');
  const versionPath = context.dialect.id === 'v1' ? 'initialVersion.' : '';
  const key = check.string(body, 'key', 'key', { minLength: 1 });
  const contentType = check.string(body, 'contentType', 'contentType', { required: true });
  const container = check.string(body, 'container', 'container');
  const owner = check.string(body, 'owner', 'owner');
  const displayName =
    version === undefined
      ? undefined
      : check.string(version, 'displayName', `${versionPath}displayName`, { required: true, maxLength: 255 });
  const locale = version === undefined ? undefined : check.string(version, 'locale', `${versionPath}locale`);
  const properties = version === undefined ? undefined : check.object(version, 'properties', `${versionPath}properties`);
  const { store } = context;
  const type = contentType === undefined ? undefined : store.contentTypes.get(contentType);
  if (contentType !== undefined && type === undefined) check.fail('contentType', `The content type '${contentType}' does not exist.`);
  if (type?.doc.isContract === true) check.fail('contentType', `'${contentType}' is a contract; contracts have no content of their own.`);
  if (container !== undefined && owner !== undefined) check.fail('owner', 'An item has a container or an owner, not both.');
  for (const [name, reference] of [
    ['container', container],
    ['owner', owner],
  ] as const) {
    if (reference !== undefined && store.content.get(reference) === undefined)
      check.fail(name, `The content '${reference}' does not exist.`);
  }
  if (check.errors.length > 0) throw validationProblem(check.errors);
  if (type?.doc.accessRights?.length === 0)
    throw new HttpProblem(403, `Nobody may create content of the type '${contentType}' (its accessRights are empty).`);
  if (key !== undefined && store.content.isTaken(key))
    throw new HttpProblem(409, `The content key '${key}' is already in use or belonged to deleted content.`);

  const item = store.content.create(
    {
      ...(key === undefined ? {} : { key }),
      contentType: contentType!,
      ...(container === undefined ? {} : { container }),
      ...(owner === undefined ? {} : { owner }),
      displayName: displayName!,
      ...(locale === undefined ? {} : { locale }),
      ...(properties === undefined ? {} : { properties }),
    },
    ROOT_CONTENT_KEY,
    context.config.clientId,
  );
  const headers = { ...itemVersion(item), location: `${context.prefix}${context.dialect.contentPath}/${item.key}` };
  if (context.dialect.honoursPrefer && prefersRepresentation(context.req))
    Object.assign(headers, { 'preference-applied': 'return=representation' });
  return {
    status: 201,
    headers,
    body: context.dialect.id === 'v1' ? { ...node(context, item), initialVersion: versionBody(item) } : versionBody(item),
  };
};

export const getContent: Handler = (context) => {
  const item = findItem(context);
  if (isNotModified(context.req, { etag: item.etag, lastModified: item.audit.lastModified }))
    return { status: 304, headers: itemVersion(item) };
  return { status: 200, headers: itemVersion(item), body: node(context, item) };
};

/** Deletes the item and what it contains; the root cannot be deleted [INF]. */
export const deleteContent: Handler = (context) => {
  const item = findItem(context);
  if (item.key === ROOT_CONTENT_KEY) throw new HttpProblem(403, 'The root content cannot be deleted.');
  assertPreconditions(context.req, { etag: item.etag, lastModified: item.audit.lastModified });
  context.store.content.delete(item.key);
  if (context.dialect.honoursPrefer && !prefersRepresentation(context.req)) return { status: 204 };
  return { status: 200, body: node(context, item) };
};

/** `GET …/content/{key}/items?contentTypes=…`: a container's direct items, by content type or base type [V1][P3][P2]. */
export const listContentItems: Handler = (context) => {
  const container = findItem(context);
  const paging = readPaging(context.url);
  const items = context.store.content.list({ container: container.key, contentTypes: listParameter(context.url, 'contentTypes') });
  return {
    status: 200,
    body: page(
      context.dialect,
      items.map((item) => node(context, item)),
      paging,
    ),
  };
};

function findItem(context: HandlerContext): ContentItemRecord {
  const key = context.params.key ?? '';
  const item = context.store.content.get(key);
  if (item === undefined) throw new HttpProblem(404, `The content '${key}' does not exist.`);
  return item;
}

function itemVersion(item: ContentItemRecord): Record<string, string> {
  return versionHeaders({ etag: item.etag, lastModified: item.audit.lastModified });
}

/** v1 `ContentNode` [V1]; preview3/preview2 `ContentMetadata` [P3][P2]. */
function node(context: HandlerContext, item: ContentItemRecord): JsonObject {
  const placement: JsonObject = item.owner === undefined ? { container: item.container ?? null } : { owner: item.owner };
  if (context.dialect.id !== 'v1') {
    const hasItems = context.store.content.list({ container: item.key }).length > 0;
    return {
      key: item.key,
      contentType: item.contentType,
      locales: item.locale === undefined ? {} : { [item.locale]: {} },
      ...placement,
      hasItems,
    };
  }
  return {
    key: item.key,
    ...placement,
    contentType: item.contentType,
    ...(item.locale === undefined ? {} : { primaryLocale: item.locale }),
    locales: item.locale === undefined ? [] : [item.locale],
    lastModified: item.audit.lastModified,
    lastModifiedBy: item.audit.lastModifiedBy,
    created: item.audit.created,
    createdBy: item.audit.createdBy,
  };
}

/** The item's one version: v1 `ContentVersion`, preview3/preview2 `ContentItem`. */
function versionBody(item: ContentItemRecord): JsonObject {
  const body: JsonObject = {
    key: item.key,
    ...(item.locale === undefined ? {} : { locale: item.locale }),
    version: '1',
    contentType: item.contentType,
    displayName: item.displayName,
    status: item.status,
    properties: isJsonObject(item.properties) ? item.properties : {},
    lastModified: item.audit.lastModified,
    lastModifiedBy: item.audit.lastModifiedBy,
  };
  if (item.container !== undefined) body.container = item.container;
  if (item.owner !== undefined) body.owner = item.owner;
  return body;
}
