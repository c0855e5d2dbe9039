import { AdapterError } from '../errors.js';
import type { ApiClient } from './api-client.js';
import { WireReader } from './wire-reader.js';

/** The documented default page size, and the one the platform honours everywhere. */
export const PAGE_SIZE = 100;
/** preview2's documented upper bound of `pageIndex`; a guard against a server that never ends. */
const MAX_PAGES = 10_000;

/**
 * Every item of a paged list (`pageIndex`/`pageSize`), all sources included. Stops on a short
 * page only: v1 documents its `totalCount` as an estimate, so a total is never trusted to end
 * the list early (an exact multiple of the page size costs one empty page).
 * An item seen twice (the list shifted under us) is kept once; a full page of nothing new means
 * the server ignores `pageIndex`, a `protocol` error rather than an endless loop.
 */
export async function listAll(api: ApiClient, path: string, what: string): Promise<unknown[]> {
  const byKey = new Map<string, unknown>();
  for (let pageIndex = 0; pageIndex < MAX_PAGES; pageIndex += 1) {
    const result = await api.send({ method: 'GET', path, query: { pageIndex, pageSize: PAGE_SIZE } });
    const page = readPage(result.body, what, pageIndex);
    let added = 0;
    for (const { key, item } of page.items) {
      if (!byKey.has(key)) added += 1;
      byKey.set(key, item);
    }
    const pageSize = page.pageSize ?? PAGE_SIZE;
    if (page.items.length < pageSize) return [...byKey.values()];
    if (added === 0) throw pagingBroken(path, what, `page ${pageIndex} repeated items already listed`);
  }
  throw pagingBroken(path, what, `it did not end after ${MAX_PAGES} pages`);
}

/**
 * A list the API does not page (v1 `GET /propertygroups` takes no paging parameters but answers
 * with a page envelope). A total larger than what came back is a `protocol` error, not a silent
 * truncation.
 */
export async function listOnce(api: ApiClient, path: string, what: string): Promise<unknown[]> {
  const result = await api.send({ method: 'GET', path });
  const page = readPage(result.body, what, 0);
  if (page.total !== undefined && page.total > page.items.length) {
    throw pagingBroken(path, what, `it reports ${page.total} but returned ${page.items.length}`);
  }
  return page.items.map(({ item }) => item);
}

interface Page {
  items: Array<{ key: string; item: unknown }>;
  pageSize: number | undefined;
  total: number | undefined;
}

function readPage(body: unknown, what: string, pageIndex: number): Page {
  const page = WireReader.of(`page ${pageIndex} of ${what}`, body ?? null);
  const items = (page.list('items') ?? []).map((item, index) => {
    const key = WireReader.of(`${what}, page ${pageIndex} item ${index}`, item).string('key');
    if (key === undefined) throw page.unexpected(`items[${index}].key`, undefined, 'a key');
    return { key, item };
  });
  const reportedSize = page.number('pageSize');
  return {
    items,
    pageSize: reportedSize !== undefined && reportedSize > 0 ? reportedSize : undefined,
    total: page.number('totalCount') ?? page.number('totalItemCount'),
  };
}

function pagingBroken(path: string, what: string, why: string): AdapterError {
  return new AdapterError({
    kind: 'protocol',
    message: `Listing ${what} (GET ${path}) gave an inconsistent result: ${why}. catalyst stops rather than plan against an incomplete list.`,
  });
}
