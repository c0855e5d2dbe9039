import { jsonEqual, type Json } from '../json.js';
import type { Audit, Stored } from './documents.js';

/** What every collection of the store shares: the clock, entity tags and change notification. */
export interface StoreContext {
  now(): Date;
  nextEtag(key: string): string;
  changed(): void;
}

export interface WriteMeta {
  /** Non-empty for system resources, which the API must not change. */
  source?: string;
  /** Recorded as createdBy/lastModifiedBy. */
  actor: string;
}

/**
 * Resources of one kind, keyed by their case-sensitive key. No validation here: handlers validate
 * before they write, and tests may write "as a CMS user would". Values go in and out as copies.
 */
export class ResourceCollection<D extends { key: string }> {
  private readonly items = new Map<string, Stored<D>>();

  constructor(private readonly context: StoreContext) {}

  list(): Stored<D>[] {
    return [...this.items.values()].sort((a, b) => ordinal(a.doc.key, b.doc.key)).map(copy);
  }

  get(key: string): Stored<D> | undefined {
    const stored = this.items.get(key);
    return stored === undefined ? undefined : copy(stored);
  }

  has(key: string): boolean {
    return this.items.has(key);
  }

  get size(): number {
    return this.items.size;
  }

  /** Adds a new resource; throws if the key is taken (callers answer 409 before calling). */
  create(doc: D, meta: WriteMeta): Stored<D> {
    if (this.items.has(doc.key)) throw new Error(`Internal error: '${doc.key}' already exists; this is a bug in the emulator.`);
    const at = this.context.now().toISOString();
    const audit: Audit = { created: at, createdBy: meta.actor, lastModified: at, lastModifiedBy: meta.actor };
    const stored: Stored<D> = { doc: clone(doc), source: meta.source ?? '', audit, etag: this.context.nextEtag(doc.key) };
    this.items.set(doc.key, stored);
    this.context.changed();
    return copy(stored);
  }

  /**
   * Replaces the definition of an existing resource. A replacement equal to what is stored is
   * not a change: the version stays, so repeating a write is harmless.
   */
  replace(doc: D, actor: string): { stored: Stored<D>; changed: boolean } {
    const current = this.items.get(doc.key);
    if (current === undefined) throw new Error(`Internal error: '${doc.key}' does not exist; this is a bug in the emulator.`);
    if (jsonEqual(current.doc as unknown as Json, doc as unknown as Json)) return { stored: copy(current), changed: false };
    const at = this.context.now().toISOString();
    const stored: Stored<D> = {
      doc: clone(doc),
      source: current.source,
      audit: { ...current.audit, lastModified: at, lastModifiedBy: actor },
      etag: this.context.nextEtag(doc.key),
    };
    this.items.set(doc.key, stored);
    this.context.changed();
    return { stored: copy(stored), changed: true };
  }

  delete(key: string): Stored<D> | undefined {
    const stored = this.items.get(key);
    if (stored === undefined) return undefined;
    this.items.delete(key);
    this.context.changed();
    return copy(stored);
  }

  /** Replaces the whole collection from a data file; no change notification. */
  load(records: Stored<D>[]): void {
    this.items.clear();
    for (const record of records) this.items.set(record.doc.key, clone(record));
  }

  toJSON(): Stored<D>[] {
    return [...this.items.values()].map(copy);
  }
}

export function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function copy<D>(stored: Stored<D>): Stored<D> {
  return clone(stored);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
