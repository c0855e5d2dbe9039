import { createHash } from 'node:crypto';
import type { ContentItemRecord, ContentTypeDoc, DisplayTemplateDoc, PropertyGroupDoc, Stored } from './documents.js';
import { ContentItems, type NewContentItem } from './content-items.js';
import { ResourceCollection, type StoreContext } from './resource-collection.js';
import { BUILT_IN_CONTENT_TYPES, ROOT_CONTENT_KEY, SYSTEM_CONTENT_TYPES, SYSTEM_PROPERTY_GROUPS, SYSTEM_SOURCE } from './seed.js';

/** The data file's shape. `version` changes when the shape does. */
export interface StoreSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  etagCounter: number;
  contentTypes: Stored<ContentTypeDoc>[];
  propertyGroups: Stored<PropertyGroupDoc>[];
  displayTemplates: Stored<DisplayTemplateDoc>[];
  contentItems: ContentItemRecord[];
  deletedContentKeys: string[];
}

export const SNAPSHOT_FORMAT = 'catalyst-emulator-state';
export const SNAPSHOT_VERSION = 1;

/** Who the store records for writes made directly, as a CMS editor would in the UI. */
export const CMS_USER = 'cms-user';

/**
 * All state of one emulator. Handlers validate and then write here; tests may use it directly
 * to act as a CMS user (edit a type, add content) and to read state. Every write that changes a
 * resource gives it a new ETag and lastModified.
 */
export class EmulatorStore {
  readonly contentTypes: ResourceCollection<ContentTypeDoc>;
  readonly propertyGroups: ResourceCollection<PropertyGroupDoc>;
  readonly displayTemplates: ResourceCollection<DisplayTemplateDoc>;
  readonly content: ContentItems;
  private etagCounter = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => Date) {
    const context: StoreContext = {
      now: () => this.now(),
      nextEtag: (key) => this.nextEtag(key),
      changed: () => this.listeners.forEach((listener) => listener()),
    };
    this.contentTypes = new ResourceCollection(context);
    this.propertyGroups = new ResourceCollection(context);
    this.displayTemplates = new ResourceCollection(context);
    this.content = new ContentItems(context, (key) => this.contentTypes.get(key)?.doc.baseType);
  }

  /** A store holding what a new CMS instance has: system and built-in types, groups, the root item. */
  static seeded(now: () => Date): EmulatorStore {
    const store = new EmulatorStore(now);
    for (const doc of SYSTEM_CONTENT_TYPES) store.contentTypes.create(doc, { source: SYSTEM_SOURCE, actor: SYSTEM_SOURCE });
    for (const doc of BUILT_IN_CONTENT_TYPES) store.contentTypes.create(doc, { actor: SYSTEM_SOURCE });
    for (const doc of SYSTEM_PROPERTY_GROUPS) store.propertyGroups.create(doc, { source: SYSTEM_SOURCE, actor: SYSTEM_SOURCE });
    store.content.create(
      { key: ROOT_CONTENT_KEY, contentType: 'SysRoot', displayName: 'Root', status: 'published' },
      ROOT_CONTENT_KEY,
      SYSTEM_SOURCE,
    );
    return store;
  }

  static fromSnapshot(snapshot: StoreSnapshot, now: () => Date): EmulatorStore {
    const store = new EmulatorStore(now);
    store.etagCounter = snapshot.etagCounter;
    store.contentTypes.load(snapshot.contentTypes);
    store.propertyGroups.load(snapshot.propertyGroups);
    store.displayTemplates.load(snapshot.displayTemplates);
    store.content.load(snapshot.contentItems, snapshot.deletedContentKeys);
    return store;
  }

  /** Edits a content type as a CMS user would in the UI: no API validation, a new version. */
  editContentType(key: string, edit: (doc: ContentTypeDoc) => ContentTypeDoc): Stored<ContentTypeDoc> {
    const current = this.contentTypes.get(key);
    if (current === undefined) throw new Error(`Content type '${key}' does not exist.`);
    return this.contentTypes.replace({ ...edit(current.doc), key }, CMS_USER).stored;
  }

  /** Creates a content item as a CMS user would; the type must exist. */
  addContentItem(input: NewContentItem): ContentItemRecord {
    if (!this.contentTypes.has(input.contentType)) throw new Error(`Content type '${input.contentType}' does not exist.`);
    return this.content.create(input, ROOT_CONTENT_KEY, CMS_USER);
  }

  countContentItems(contentType: string): number {
    return this.content.countOfType(contentType);
  }

  /** Called after every change; the data file writer listens here. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): StoreSnapshot {
    const content = this.content.toJSON();
    return {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      etagCounter: this.etagCounter,
      contentTypes: this.contentTypes.toJSON(),
      propertyGroups: this.propertyGroups.toJSON(),
      displayTemplates: this.displayTemplates.toJSON(),
      contentItems: content.items,
      deletedContentKeys: content.deletedKeys,
    };
  }

  /** Unique across the life of the state (the counter is persisted), opaque, strong and quoted. */
  private nextEtag(key: string): string {
    this.etagCounter += 1;
    const digest = createHash('sha256').update(`${this.etagCounter}\u0000${key}`).digest('hex').slice(0, 20);
    return `"${digest}"`;
  }
}
