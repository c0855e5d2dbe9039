import { applyMergePatch } from '../merge-patch.js';
import { isJsonObject, type JsonObject } from '../json.js';
import { assertPreconditions, isNotModified, versionHeaders } from '../http/conditional.js';
import { HttpProblem } from '../http/problem.js';
import type { Handler, HandlerContext, Reply } from '../http/router.js';
import type { Stored } from '../store/documents.js';
import { assertWritable, notFound, writeResource, type ResourceKind } from './resource-kind.js';
import { JSON_MEDIA_TYPE, MERGE_PATCH_MEDIA_TYPE, prefersRepresentation, readJsonObject, versionOf, writeEnv } from './support.js';

/** GET, POST, PATCH, PUT and DELETE for one kind of resource, as every dialect answers them. */
export function resourceHandlers<D extends { key: string }>(
  kind: ResourceKind<D>,
): Record<'get' | 'create' | 'patch' | 'put' | 'remove', Handler> {
  const find = (context: HandlerContext): Stored<D> => {
    const key = context.params.key ?? '';
    const stored = kind.collection(context.store).get(key);
    if (stored === undefined) throw notFound(kind, key);
    return stored;
  };

  return {
    /** 200 with ETag/Last-Modified, or 304 when the client's copy is current [V1][P3]. */
    get(context) {
      const stored = find(context);
      const headers = versionHeaders(versionOf(stored));
      if (isNotModified(context.req, versionOf(stored))) return { status: 304, headers };
      return { status: 200, headers, body: kind.encode(context.dialect, stored) };
    },

    /** 201 (v1, preview3) or 200 (preview2), with Location; 409 when the key exists [V1][P2]. */
    async create(context) {
      const body = await readJsonObject(context, [JSON_MEDIA_TYPE]);
      const { stored } = writeResource(kind, writeEnv(context), kind.decode(context.dialect, body), { kind: 'create' });
      const headers: Record<string, string> = {
        ...versionHeaders(versionOf(stored)),
        location: `${context.prefix}/${kind.segment}/${encodeURIComponent(stored.doc.key)}`,
      };
      if (context.dialect.honoursPrefer && prefersRepresentation(context.req)) headers['preference-applied'] = 'return=representation';
      return { status: context.dialect.createStatus, headers, body: kind.encode(context.dialect, stored) };
    },

    /** RFC 7396 merge patch of the stored definition, checked as a whole afterwards [V1][P3][P2]. */
    async patch(context) {
      const existing = find(context);
      assertWritable(kind, existing);
      assertPreconditions(context.req, versionOf(existing));
      const body = await readJsonObject(context, [MERGE_PATCH_MEDIA_TYPE]);
      const patch = kind.decode(context.dialect, body);
      const merged = applyMergePatch(existing.doc as unknown as JsonObject, patch.value);
      const decoded = { ...patch, value: isJsonObject(merged) ? merged : {} };
      const { stored } = writeResource(kind, writeEnv(context), decoded, { kind: 'replace', key: existing.doc.key });
      return changed(context, kind, stored);
    },

    /** preview2 only: create or replace [P2]. The key in the body, if any, must be the key in the path. */
    async put(context) {
      const key = context.params.key ?? '';
      const body = await readJsonObject(context, [JSON_MEDIA_TYPE]);
      if (body.key !== undefined && body.key !== key) {
        throw new HttpProblem(400, `The key in the body ('${String(body.key)}') is not the key in the path ('${key}').`, {
          errors: [{ field: 'key', detail: 'The key in the body must match the key in the path.' }],
        });
      }
      const existing = kind.collection(context.store).get(key);
      if (existing !== undefined) {
        assertWritable(kind, existing);
        assertPreconditions(context.req, versionOf(existing));
      }
      const decoded = kind.decode(context.dialect, { ...body, key });
      const { stored } = writeResource(kind, writeEnv(context), decoded, { kind: 'upsert' });
      return { status: 200, headers: versionHeaders(versionOf(stored)), body: kind.encode(context.dialect, stored) };
    },

    /** 200 with the deleted resource, or 204 in v1 without `Prefer: return=representation` [V1]. */
    remove(context) {
      const existing = find(context);
      assertWritable(kind, existing);
      assertPreconditions(context.req, versionOf(existing));
      kind.checkDelete?.(writeEnv(context), existing);
      kind.collection(context.store).delete(existing.doc.key);
      if (context.dialect.honoursPrefer && !prefersRepresentation(context.req)) return { status: 204 };
      const headers: Record<string, string> = context.dialect.honoursPrefer ? { 'preference-applied': 'return=representation' } : {};
      return { status: 200, headers, body: kind.encode(context.dialect, existing) };
    },
  };
}

/** After PATCH: the new version's headers, with the representation or (v1 without Prefer) 204. */
function changed<D extends { key: string }>(context: HandlerContext, kind: ResourceKind<D>, stored: Stored<D>): Reply {
  const headers = versionHeaders(versionOf(stored));
  if (context.dialect.honoursPrefer && !prefersRepresentation(context.req)) return { status: 204, headers };
  if (context.dialect.honoursPrefer) headers['preference-applied'] = 'return=representation';
  return { status: 200, headers, body: kind.encode(context.dialect, stored) };
}
