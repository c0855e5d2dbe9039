import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../json.js';
import type { ContentItemRecord } from './documents.js';
import { ordinal, type StoreContext } from './resource-collection.js';

export interface NewContentItem {
  /** Generated (a UUID without dashes, as SaaS writes keys) when absent. */
  key?: string;
  contentType: string;
  /** Defaults to the root. */
  container?: string;
  owner?: string;
  displayName: string;
  locale?: string;
  properties?: JsonObject;
  status?: 'draft' | 'published';
}

export interface ContentItemQuery {
  container?: string;
  /** Keep items whose content type, or whose type's base type, is one of these. */
  contentTypes?: readonly string[];
}

/**
 * Content items, flat, each pointing at its container. Deleting is permanent and the key stays
 * reserved, as observed on the live service [3P].
 */
export class ContentItems {
  private readonly items = new Map<string, ContentItemRecord>();
  private readonly deletedKeys = new Set<string>();

  constructor(
    private readonly context: StoreContext,
    private readonly baseTypeOf: (contentType: string) => string | undefined,
  ) {}

  /** True when the key names an item or a deleted item; a new item may not take it. */
  isTaken(key: string): boolean {
    return this.items.has(key) || this.deletedKeys.has(key);
  }

  get(key: string): ContentItemRecord | undefined {
    const item = this.items.get(key);
    return item === undefined ? undefined : structuredClone(item);
  }

  create(input: NewContentItem, rootKey: string, actor: string): ContentItemRecord {
    const key = input.key ?? randomUUID().replaceAll('-', '');
    if (this.isTaken(key)) throw new Error(`Internal error: content key '${key}' is taken; this is a bug in the emulator.`);
    const at = this.context.now().toISOString();
    // The root itself has no container; an asset has an owner instead.
    const container = input.owner !== undefined ? undefined : (input.container ?? (key === rootKey ? undefined : rootKey));
    const record: ContentItemRecord = {
      key,
      contentType: input.contentType,
      ...(container === undefined ? {} : { container }),
      ...(input.owner === undefined ? {} : { owner: input.owner }),
      displayName: input.displayName,
      ...(input.locale === undefined ? {} : { locale: input.locale }),
      properties: structuredClone(input.properties ?? {}),
      status: input.status ?? 'draft',
      audit: { created: at, createdBy: actor, lastModified: at, lastModifiedBy: actor },
      etag: this.context.nextEtag(key),
    };
    this.items.set(key, record);
    this.context.changed();
    return structuredClone(record);
  }

  /** Deletes the item and everything it contains or owns; returns the deleted item. */
  delete(key: string): ContentItemRecord | undefined {
    const item = this.items.get(key);
    if (item === undefined) return undefined;
    for (const child of [...this.items.values()]) {
      if (child.container === key || child.owner === key) this.delete(child.key);
    }
    this.items.delete(key);
    this.deletedKeys.add(key);
    this.context.changed();
    return structuredClone(item);
  }

  list(query: ContentItemQuery = {}): ContentItemRecord[] {
    const wanted = query.contentTypes === undefined || query.contentTypes.length === 0 ? undefined : new Set(query.contentTypes);
    return [...this.items.values()]
      .filter((item) => query.container === undefined || item.container === query.container)
      .filter((item) => wanted === undefined || wanted.has(item.contentType) || wanted.has(this.baseTypeOf(item.contentType) ?? ''))
      .sort((a, b) => ordinal(a.audit.created, b.audit.created) || ordinal(a.key, b.key))
      .map((item) => structuredClone(item));
  }

  /** Items of this exact content type anywhere in the tree. */
  countOfType(contentType: string): number {
    let count = 0;
    for (const item of this.items.values()) if (item.contentType === contentType) count += 1;
    return count;
  }

  load(items: ContentItemRecord[], deletedKeys: string[]): void {
    this.items.clear();
    this.deletedKeys.clear();
    for (const item of items) this.items.set(item.key, structuredClone(item));
    for (const key of deletedKeys) this.deletedKeys.add(key);
  }

  toJSON(): { items: ContentItemRecord[]; deletedKeys: string[] } {
    return { items: [...this.items.values()].map((item) => structuredClone(item)), deletedKeys: [...this.deletedKeys].sort(ordinal) };
  }
}
