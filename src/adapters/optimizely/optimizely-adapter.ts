import { digest } from '../../core/digest.js';
import type { ContentTypeDef, LiveContentType, LivePropertyGroup, PropertyGroupDef } from '../../core/model.js';
import { normalizeContentType, normalizePropertyGroup } from '../../core/normalize.js';
import { AdapterError, isAdapterError, type AdapterErrorKind } from '../errors.js';
import type { PlatformAdapter, WriteOptions } from '../port.js';
import type { ApiCall, ApiClient, ApiResult } from './api-client.js';
import { contentItemsPath, ROOT_CONTENT_KEY, type ApiVersion, type Endpoints } from './endpoints.js';
import { listAll, listOnce } from './list-all.js';
import { httpDate, liveContentType, livePropertyGroup } from './live-resource.js';
import { createMergePatch, type MergePatch } from './merge-patch.js';
import { contentTypeToWire, propertyGroupToWire, type WireJson } from './to-wire.js';
import { WireReader } from './wire-reader.js';

/** Members a patch may not carry: the platform fixes them at creation. */
const IMMUTABLE_TYPE_MEMBERS = ['key', 'baseType', 'isContract'] as const;

/** How one kind of resource is read back from the platform. */
interface ResourceReader<L extends { def: unknown }> {
  noun: string;
  path(key: string): string;
  fromBody(body: unknown, headers: Record<string, string>): L;
}

const CONTENT_TYPES: ResourceReader<LiveContentType> = { noun: 'content type', path: typePath, fromBody: liveContentType };
const PROPERTY_GROUPS: ResourceReader<LivePropertyGroup> = { noun: 'property group', path: groupPath, fromBody: livePropertyGroup };

/**
 * The Optimizely CMS (SaaS, CMS 13, the emulator) behind the platform port. Writes are
 * idempotent where the API allows: after an attempt whose outcome is unknown (timeout, reset,
 * 5xx), a retried create answered 409, a retried update answered 412 or a retried delete
 * answered 404 is checked against the platform and counts as success when the platform already
 * holds what was asked for.
 */
export class OptimizelyAdapter implements PlatformAdapter {
  readonly platform = 'optimizely';

  constructor(
    private readonly api: ApiClient,
    private readonly version: ApiVersion,
    private readonly endpoints: Endpoints,
  ) {}

  describe(): string {
    return `optimizely ${this.version} at ${this.endpoints.apiRoot}`;
  }

  /** Every type from every source; system types (non-empty `source`) are marked read-only. */
  async listContentTypes(): Promise<LiveContentType[]> {
    const items = await listAll(this.api, '/contenttypes', 'content types');
    return items.map((item) => liveContentType(item));
  }

  async getContentType(key: string): Promise<LiveContentType | null> {
    return this.read(CONTENT_TYPES, key);
  }

  async createContentType(def: ContentTypeDef): Promise<LiveContentType> {
    const call: ApiCall = { method: 'POST', path: '/contenttypes', body: contentTypeToWire(def, this.version, 'strict'), headers: PREFER_REPRESENTATION };
    return this.write(CONTENT_TYPES, call, def.key, digest(normalizeContentType(def)), 'conflict');
  }

  async updateContentType(previous: ContentTypeDef, next: ContentTypeDef, options: WriteOptions = {}): Promise<LiveContentType> {
    assertSameKey(previous.key, next.key);
    const [was, will] = [normalizeContentType(previous), normalizeContentType(next)];
    for (const member of IMMUTABLE_TYPE_MEMBERS) {
      if ((was[member] ?? null) !== (will[member] ?? null)) throw immutable(next.key, member, was[member], will[member]);
    }
    const after = withoutImmutable(contentTypeToWire(will, this.version, 'strict'));
    const before = withoutImmutable(contentTypeToWire(was, this.version, 'lenient'));
    const patch = createMergePatch(before, after);
    if (patch === undefined) return { def: will, version: { ...options.precondition }, readOnly: false };
    return this.write(CONTENT_TYPES, patchCall(typePath(next.key), patch, options), next.key, digest(will), 'stale');
  }

  async deleteContentType(key: string, options: WriteOptions = {}): Promise<void> {
    await this.deleteResource(typePath(key), options);
  }

  async listPropertyGroups(): Promise<LivePropertyGroup[]> {
    const items = await listOnce(this.api, '/propertygroups', 'property groups');
    return items.map((item) => livePropertyGroup(item));
  }

  async getPropertyGroup(key: string): Promise<LivePropertyGroup | null> {
    return this.read(PROPERTY_GROUPS, key);
  }

  async createPropertyGroup(def: PropertyGroupDef): Promise<LivePropertyGroup> {
    const call: ApiCall = { method: 'POST', path: '/propertygroups', body: propertyGroupToWire(def), headers: PREFER_REPRESENTATION };
    return this.write(PROPERTY_GROUPS, call, def.key, digest(normalizePropertyGroup(def)), 'conflict');
  }

  async updatePropertyGroup(previous: PropertyGroupDef, next: PropertyGroupDef, options: WriteOptions = {}): Promise<LivePropertyGroup> {
    assertSameKey(previous.key, next.key);
    const { key: _before, ...before } = propertyGroupToWire(normalizePropertyGroup(previous));
    const { key: _after, ...after } = propertyGroupToWire(normalizePropertyGroup(next));
    const patch = createMergePatch(before, after);
    if (patch === undefined) return { def: normalizePropertyGroup(next), version: { ...options.precondition }, readOnly: false };
    return this.write(PROPERTY_GROUPS, patchCall(groupPath(next.key), patch, options), next.key, digest(normalizePropertyGroup(next)), 'stale');
  }

  async deletePropertyGroup(key: string, options: WriteOptions = {}): Promise<void> {
    await this.deleteResource(groupPath(key), options);
  }

  /**
   * Items of the type under the CMS root, through the content API's "list items of a container"
   * operation (src/emulator/FIDELITY.md). On the emulator every item is under the root, so the
   * count is exact; on the real service it counts the root's direct children only and is a lower
   * bound. `null` when the platform does not serve the route (404) or the credentials may not
   * read content (403), or when it does not say.
   */
  async countContentItems(contentTypeKey: string): Promise<number | null> {
    let result: ApiResult;
    try {
      result = await this.api.send({
        method: 'GET',
        path: contentItemsPath(this.version, ROOT_CONTENT_KEY),
        query: { contentTypes: contentTypeKey, pageSize: 1 },
      });
    } catch (error) {
      if (isAdapterError(error) && (error.kind === 'not_found' || error.kind === 'forbidden')) return null;
      throw error;
    }
    const page = WireReader.of('the content item page', result.body ?? null);
    const total = page.number('totalCount') ?? page.number('totalItemCount');
    if (total !== undefined) return total;
    return (page.list('items') ?? []).length === 0 ? 0 : null;
  }

  private async deleteResource(path: string, options: WriteOptions): Promise<void> {
    const call: ApiCall = { method: 'DELETE', path, headers: preconditionHeaders(options) };
    await this.api.retrying(call, async (attempt) => {
      try {
        await this.api.attempt(call, attempt);
      } catch (error) {
        if (attempt > 1 && isAdapterError(error) && error.kind === 'not_found') return;
        throw error;
      }
    });
  }

  /** `null` when the resource does not exist. */
  private async read<L extends { def: unknown }>(kind: ResourceReader<L>, key: string): Promise<L | null> {
    try {
      const result = await this.api.send({ method: 'GET', path: kind.path(key) });
      return kind.fromBody(result.body ?? null, result.headers);
    } catch (error) {
      if (isAdapterError(error) && error.kind === 'not_found') return null;
      throw error;
    }
  }

  /**
   * A create or update with retries. A retry answered `appliedAnswer` (409 to a create, 412 to an
   * update) may mean an earlier attempt whose outcome was unknown did land: the write succeeds if
   * the platform now holds exactly `wanted` (a digest), and fails with that answer otherwise.
   */
  private async write<L extends { def: unknown }>(kind: ResourceReader<L>, call: ApiCall, key: string, wanted: string, appliedAnswer: AdapterErrorKind): Promise<L> {
    return this.api.retrying(call, async (attempt) => {
      try {
        return await this.answered(kind, await this.api.attempt(call, attempt), key);
      } catch (error) {
        if (attempt === 1 || !isAdapterError(error) || error.kind !== appliedAnswer) throw error;
        const live = await this.read(kind, key);
        if (live !== null && digest(live.def) === wanted) return live;
        throw error;
      }
    });
  }

  /** The resource in a write's answer; a body-less answer (204, some 201s) costs a GET. */
  private async answered<L extends { def: unknown }>(kind: ResourceReader<L>, result: ApiResult, key: string): Promise<L> {
    if (result.body !== undefined) return kind.fromBody(result.body, result.headers);
    const live = await this.read(kind, key);
    if (live === null) throw vanished(kind.noun, key);
    return live;
  }
}

const PREFER_REPRESENTATION = { prefer: 'return=representation' };

function patchCall(path: string, patch: MergePatch, options: WriteOptions): ApiCall {
  const headers: Record<string, string> = { ...PREFER_REPRESENTATION, ...preconditionHeaders(options) };
  if (options.allowDataLoss === true) headers['cms-ignore-data-loss-warnings'] = 'true';
  return { method: 'PATCH', path, body: patch, contentType: 'application/merge-patch+json', headers };
}

/** If-Match with the ETag; without one, If-Unmodified-Since from lastModified. */
export function preconditionHeaders(options: WriteOptions): Record<string, string> {
  const { etag, lastModified } = options.precondition ?? {};
  if (etag !== undefined && etag !== '') return { 'if-match': etag };
  const since = lastModified === undefined ? undefined : httpDate(lastModified);
  return since === undefined ? {} : { 'if-unmodified-since': since };
}

function typePath(key: string): string {
  return `/contenttypes/${encodeURIComponent(key)}`;
}

function groupPath(key: string): string {
  return `/propertygroups/${encodeURIComponent(key)}`;
}

function withoutImmutable(wire: WireJson): WireJson {
  const rest = { ...wire };
  for (const member of IMMUTABLE_TYPE_MEMBERS) delete rest[member];
  return rest;
}

function assertSameKey(previous: string, next: string): void {
  if (previous !== next) throw new Error(`Internal error: an update must keep the key (previous '${previous}', next '${next}'). This is a bug in catalyst.`);
}

function immutable(key: string, member: string, before: unknown, after: unknown): AdapterError {
  return new AdapterError({
    kind: 'validation',
    message: `Content type '${key}' cannot change '${member}' from ${JSON.stringify(before ?? null)} to ${JSON.stringify(after ?? null)}: Optimizely fixes it when the type is created. Keep the old value, or delete the type and create it again (its content is lost).`,
    fieldErrors: [{ field: member, detail: `'${member}' is immutable` }],
  });
}

function vanished(what: string, key: string): AdapterError {
  return new AdapterError({
    kind: 'protocol',
    message: `The platform accepted the write of ${what} '${key}' but does not return it afterwards.`,
  });
}
