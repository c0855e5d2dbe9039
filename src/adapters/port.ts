import type {
  ContentTypeDef,
  LiveContentType,
  LivePropertyGroup,
  PropertyGroupDef,
  VersionToken,
} from '../core/model.js';

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
 * The platform port. Every method either resolves with the resource as the platform now holds
 * it, or rejects with an `AdapterError` (see errors.ts) and leaves the platform as it was:
 * if create rejects, the resource does not exist; if update rejects, the resource is unchanged;
 * if delete rejects, the resource still exists. Retryable failures are retried inside the
 * adapter before it rejects.
 */
export interface PlatformAdapter {
  readonly platform: string;
  /** Human-readable target description without secrets, e.g. "optimizely v1 at http://127.0.0.1:4010". */
  describe(): string;

  listContentTypes(): Promise<LiveContentType[]>;
  /** Resolves `null` when the type does not exist. */
  getContentType(key: string): Promise<LiveContentType | null>;
  createContentType(def: ContentTypeDef): Promise<LiveContentType>;
  /**
   * Makes the live type equal to `next`. `previous` is the live definition the change was
   * planned against; adapters that patch compute the patch from it (members of `previous`
   * absent from `next` are removed).
   */
  updateContentType(previous: ContentTypeDef, next: ContentTypeDef, options?: WriteOptions): Promise<LiveContentType>;
  deleteContentType(key: string, options?: WriteOptions): Promise<void>;

  listPropertyGroups(): Promise<LivePropertyGroup[]>;
  /** Resolves `null` when the group does not exist. */
  getPropertyGroup(key: string): Promise<LivePropertyGroup | null>;
  createPropertyGroup(def: PropertyGroupDef): Promise<LivePropertyGroup>;
  updatePropertyGroup(previous: PropertyGroupDef, next: PropertyGroupDef, options?: WriteOptions): Promise<LivePropertyGroup>;
  deletePropertyGroup(key: string, options?: WriteOptions): Promise<void>;

  /**
   * How many content items of this type exist, or `null` when the platform cannot tell.
   * Used to say whether a destructive change would lose real data.
   */
  countContentItems(contentTypeKey: string): Promise<number | null>;
}
