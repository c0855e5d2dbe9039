import type { IncomingMessage } from 'node:http';
import { isJsonObject, type Json, type JsonObject } from '../json.js';
import type { Dialect } from '../dialect/dialect.js';
import { parseJson, requireMediaType } from '../http/body.js';
import type { ResourceVersion } from '../http/conditional.js';
import { HttpProblem, validationProblem, type FieldError } from '../http/problem.js';
import type { HandlerContext } from '../http/router.js';
import type { Stored } from '../store/documents.js';
import type { WriteEnv } from './resource-kind.js';

export const JSON_MEDIA_TYPE = 'application/json';
export const MERGE_PATCH_MEDIA_TYPE = 'application/merge-patch+json';
/** What the official CLI sends to POST /manifest [CLI]. */
export const MANIFEST_MEDIA_TYPE = 'application/vnd.optimizely.cms.v1.manifest+json';

/** Reads a JSON object body of one of the accepted media types (415 / 400 otherwise). */
export async function readJsonObject(context: HandlerContext, mediaTypes: readonly string[]): Promise<JsonObject> {
  requireMediaType(context.req, mediaTypes);
  const value = parseJson(await context.body());
  if (!isJsonObject(value)) {
    throw new HttpProblem(400, 'The request body must be a JSON object.', {
      errors: [{ field: null, detail: 'The request body must be a JSON object.' }],
    });
  }
  return value;
}

export function writeEnv(context: HandlerContext, pendingContentTypes?: ReadonlySet<string>): WriteEnv {
  return {
    store: context.store,
    dialect: context.dialect,
    strictReferences: context.config.strictReferences,
    actor: context.config.clientId,
    allowDataLoss: dataLossOverridden(context),
    ...(pendingContentTypes === undefined ? {} : { pendingContentTypes }),
  };
}

/** Header `cms-ignore-data-loss-warnings: true` (v1, preview3) or `?ignoreDataLossWarnings=true` (preview2). */
function dataLossOverridden(context: HandlerContext): boolean {
  const value =
    context.dialect.dataLossOverride === 'header'
      ? context.req.headers['cms-ignore-data-loss-warnings']
      : (context.url.searchParams.get('ignoreDataLossWarnings') ?? undefined);
  return typeof value === 'string' && value.trim().toLowerCase() === 'true';
}

/** `Prefer: return=representation` [V1; RFC 7240]. */
export function prefersRepresentation(req: IncomingMessage): boolean {
  const header = req.headers.prefer;
  if (header === undefined) return false;
  return (Array.isArray(header) ? header : [header])
    .flatMap((value) => value.split(','))
    .map((preference) => preference.trim().toLowerCase())
    .some((preference) => preference === 'return=representation');
}

export function versionOf(stored: Stored<unknown>): ResourceVersion {
  return { etag: stored.etag, lastModified: stored.audit.lastModified };
}

export interface Paging {
  pageIndex: number;
  pageSize: number;
}

/** `pageIndex` 0..10000 (default 0), `pageSize` 1..10000 (default 100) [P2][P3][DOC]. */
export function readPaging(url: URL): Paging {
  const errors: FieldError[] = [];
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === '') return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
      errors.push({ field: name, detail: `The value '${raw}' is not valid for ${name}; it must be an integer from ${min} to ${max}.` });
      return fallback;
    }
    return value;
  };
  const paging = { pageIndex: read('pageIndex', 0, 0, 10000), pageSize: read('pageSize', 100, 1, 10000) };
  if (errors.length > 0) throw validationProblem(errors);
  return paging;
}

/** The paging envelope, with the dialect's name for the total. */
export function page(dialect: Dialect, all: Json[], paging: Paging): JsonObject {
  const start = paging.pageIndex * paging.pageSize;
  return {
    items: all.slice(start, start + paging.pageSize),
    pageIndex: paging.pageIndex,
    pageSize: paging.pageSize,
    [dialect.totalField]: all.length,
  };
}

/** Repeated (`?sources=a&sources=b`) or comma-separated values of a list parameter. */
export function listParameter(url: URL, name: string): string[] {
  return url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/**
 * The `sources` filter [V1][P2]: `DEFAULT` (any case) selects resources without a source,
 * `All` (preview2) selects everything, other values select that source. No filter: everything.
 */
export function sourceFilter(url: URL): (source: string) => boolean {
  const wanted = listParameter(url, 'sources');
  if (wanted.length === 0) return () => true;
  return (source) =>
    wanted.some((value) => {
      const lower = value.toLowerCase();
      if (lower === 'all') return true;
      if (lower === 'default') return source === '';
      return source.toLowerCase() === lower;
    });
}
