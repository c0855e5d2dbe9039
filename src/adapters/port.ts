import type { Definition, LiveResource, ResourceDefs, ResourceKind, VersionToken } from '../core/model.js';
import type { LiveState } from '../core/state.js';
import type { AdapterError } from './errors.js';
import type { PlatformProfile } from './platform-profile.js';

/** Options of one write. */
export interface WriteOptions {
  /**
   * The version the caller last saw. Adapters send it as a precondition (If-Match, or
   * If-Unmodified-Since when there is no ETag); a mismatch rejects with an `AdapterError` of kind
   * `stale` and changes nothing.
   */
  precondition?: VersionToken;
  /**
   * The user approved the data loss this exact write may cause. Only then may the adapter ask
   * the platform to skip its data-loss check.
   */
  allowDataLoss?: boolean;
}

/**
 * One resource kind on a platform. Every method either resolves with the resource as the
 * platform now holds it, or rejects with an `AdapterError` (see errors.ts) and leaves the
 * platform as it was: if create rejects, the resource does not exist; if update rejects, the
 * resource is unchanged; if delete rejects, the resource still exists. Retryable failures are
 * retried inside the adapter before it rejects.
 */
export interface ResourcePort<T extends Definition> {
  /** Every resource of the kind, the platform's own (read-only) included. */
  list(): Promise<Array<LiveResource<T>>>;
  /** Resolves `null` when the resource does not exist. */
  get(key: string): Promise<LiveResource<T> | null>;
  create(def: T): Promise<LiveResource<T>>;
  /**
   * Makes the live resource equal to `next`. `previous` is the live definition the change was
   * planned against; adapters that patch compute the patch from it (members of `previous`
   * absent from `next` are removed).
   */
  update(previous: T, next: T, options?: WriteOptions): Promise<LiveResource<T>>;
  delete(key: string, options?: WriteOptions): Promise<void>;
}

/** A port per resource kind: adding a kind does not compile until every adapter serves it. */
export type ResourcePorts = { readonly [K in ResourceKind]: ResourcePort<ResourceDefs[K]> };

/** The platform port. */
export interface PlatformAdapter {
  /** What the platform is and assumes: defaults, built-in resources, environment, emulator. */
  readonly profile: PlatformProfile;
  /** Human-readable target description without secrets, e.g. "optimizely v1 at http://127.0.0.1:4010". */
  describe(): string;
  readonly resources: ResourcePorts;
  /** Reads and writes of many resources in one request, where the platform offers them. */
  readonly batch?: BatchPort;
  /**
   * How many content items of this type exist, or `null` when the platform cannot tell.
   * Used to say whether a destructive change would lose real data.
   */
  countContentItems(contentTypeKey: string): Promise<number | null>;
}

/**
 * The port of a kind, for code that holds a definition of any kind (a plan step): the plan
 * schema ties every definition to its step's kind, so the port may take it as its own.
 */
export function portOf(adapter: PlatformAdapter, kind: ResourceKind): ResourcePort<Definition> {
  return adapter.resources[kind] as unknown as ResourcePort<Definition>;
}

/** One resource of a batch write: created when `previous` is absent, replaced otherwise. */
export interface BatchWrite {
  kind: ResourceKind;
  def: Definition;
  /** What the platform holds, for an update (members the platform cannot store are judged against it). */
  previous?: Definition;
}

/**
 * Many resources in one request. A batch write carries no precondition: the caller reads before
 * (`readAll`) to check nothing moved since the plan, and after, to check the platform holds what
 * was asked for.
 */
export interface BatchPort {
  /** Every resource of every kind, the platform's own (read-only) included. */
  readAll(): Promise<LiveState>;
  /**
   * Creates or replaces `items`. Resolves with the error of each item the platform refused, by
   * `kind:key`; the platform may or may not hold the others as asked (a read-back decides).
   * Rejects with an `AdapterError` when the request as a whole failed.
   */
  writeAll(items: readonly BatchWrite[]): Promise<Map<string, AdapterError>>;
}

/** The `kind:key` by which a batch answers. */
export function batchKey(kind: ResourceKind, key: string): string {
  return `${kind}:${key}`;
}
