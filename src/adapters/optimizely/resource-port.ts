import { digest } from '../../core/digest.js';
import type { Definition, LiveResource } from '../../core/model.js';
import { AdapterError, isAdapterError, type AdapterErrorKind } from '../errors.js';
import type { ResourcePort, WriteOptions } from '../port.js';
import type { ApiCall, ApiClient, ApiResult } from './api-client.js';
import type { ApiVersion } from './endpoints.js';
import { httpDate, liveResource } from './live-resource.js';
import { createMergePatch, type MergePatch } from './merge-patch.js';
import type { WireJson } from './to-wire.js';
import type { WireKind } from './wire-kinds.js';
import { InternalError } from '../../core/internal-error.js';

/**
 * One resource kind of the Optimizely REST API behind the port. Writes are idempotent where the
 * API allows: after an attempt whose outcome is unknown (timeout, reset, 5xx), a retried create
 * answered 409, a retried update answered 412 or a retried delete answered 404 is checked against
 * the platform and counts as success when the platform already holds what was asked for.
 */
export class OptimizelyResourcePort<T extends Definition> implements ResourcePort<T> {
  constructor(
    private readonly api: ApiClient,
    private readonly version: ApiVersion,
    private readonly kind: WireKind<T>,
  ) {}

  /** Every resource from every source; system resources (non-empty `source`) are marked read-only. */
  async list(): Promise<Array<LiveResource<T>>> {
    const items = await this.kind.list(this.api, this.kind.collection, `${this.kind.noun}s`);
    return items.map((item) => this.fromBody(item, {}));
  }

  /** `null` when the resource does not exist. */
  async get(key: string): Promise<LiveResource<T> | null> {
    try {
      const result = await this.api.send({ method: 'GET', path: this.path(key) });
      return this.fromBody(result.body ?? null, result.headers);
    } catch (error) {
      if (isAdapterError(error) && error.kind === 'not_found') return null;
      throw error;
    }
  }

  async create(def: T): Promise<LiveResource<T>> {
    const call: ApiCall = {
      method: 'POST',
      path: this.kind.collection,
      body: this.kind.toWire(def, this.version, 'strict'),
      headers: PREFER_REPRESENTATION,
    };
    return this.write(call, def.key, digest(this.kind.normalize(def)), 'conflict');
  }

  async update(previous: T, next: T, options: WriteOptions = {}): Promise<LiveResource<T>> {
    if (previous.key !== next.key) throw new InternalError(`an update must keep the key (previous '${previous.key}', next '${next.key}')`);
    const [was, will] = [this.kind.normalize(previous), this.kind.normalize(next)];
    for (const member of this.kind.immutable) {
      if ((was[member] ?? null) !== (will[member] ?? null)) throw this.immutable(next.key, member, was[member], will[member]);
    }
    const after = this.withoutImmutable(this.kind.toWire(will, this.version, 'strict', was));
    const before = this.withoutImmutable(this.kind.toWire(was, this.version, 'lenient'));
    const patch = createMergePatch(before, after);
    if (patch === undefined) return { def: will, version: { ...options.precondition }, readOnly: false };
    return this.write(patchCall(this.path(next.key), patch, options), next.key, digest(will), 'stale');
  }

  async delete(key: string, options: WriteOptions = {}): Promise<void> {
    const call: ApiCall = { method: 'DELETE', path: this.path(key), headers: preconditionHeaders(options) };
    await this.api.retrying(call, async (attempt) => {
      try {
        await this.api.attempt(call, attempt);
      } catch (error) {
        if (attempt > 1 && isAdapterError(error) && error.kind === 'not_found') return;
        throw error;
      }
    });
  }

  private path(key: string): string {
    return `${this.kind.collection}/${encodeURIComponent(key)}`;
  }

  private fromBody(body: unknown, headers: Record<string, string>): LiveResource<T> {
    return liveResource(this.kind.fromWire, body, headers);
  }

  /**
   * A create or update with retries. A retry answered `appliedAnswer` (409 to a create, 412 to an
   * update) may mean an earlier attempt whose outcome was unknown did land: the write succeeds if
   * the platform now holds exactly `wanted` (a digest), and fails with that answer otherwise.
   */
  private async write(call: ApiCall, key: string, wanted: string, appliedAnswer: AdapterErrorKind): Promise<LiveResource<T>> {
    return this.api.retrying(call, async (attempt) => {
      try {
        return await this.answered(await this.api.attempt(call, attempt), key);
      } catch (error) {
        if (attempt === 1 || !isAdapterError(error) || error.kind !== appliedAnswer) throw error;
        const live = await this.get(key);
        if (live !== null && digest(live.def) === wanted) return live;
        throw error;
      }
    });
  }

  /** The resource in a write's answer; a body-less answer (204, some 201s) costs a GET. */
  private async answered(result: ApiResult, key: string): Promise<LiveResource<T>> {
    if (result.body !== undefined) return this.fromBody(result.body, result.headers);
    const live = await this.get(key);
    if (live === null) {
      throw new AdapterError({
        kind: 'protocol',
        message: `The platform accepted the write of ${this.kind.noun} '${key}' but does not return it afterwards.`,
      });
    }
    return live;
  }

  private withoutImmutable(wire: WireJson): WireJson {
    const rest = { ...wire };
    for (const member of this.kind.immutable) delete rest[member];
    return rest;
  }

  private immutable(key: string, member: string, before: unknown, after: unknown): AdapterError {
    const noun = this.kind.noun;
    return new AdapterError({
      kind: 'validation',
      message: `${noun[0]!.toUpperCase()}${noun.slice(1)} '${key}' cannot change '${member}' from ${JSON.stringify(before ?? null)} to ${JSON.stringify(after ?? null)}: Optimizely fixes it when the ${noun} is created. Keep the old value, or delete the ${noun} and create it again (its content is lost).`,
      fieldErrors: [{ field: member, detail: `'${member}' is immutable` }],
    });
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
