import { setEntry } from '../core/set-entry.js';
import type { ContentTypeDef, Definition } from '../core/model.js';
import type { BaseEntry, BaseState } from '../core/state.js';
import { lockedTarget, type LockEntry, type Lockfile } from '../io/lockfile/lockfile.js';

/** The merge base of one target: what its lockfile section says catalyst last synced. */
export function baseFromLock(lock: Lockfile, targetName: string): BaseState {
  const section = lockedTarget(lock, targetName);
  return {
    propertyGroups: toBase(section.propertyGroups),
    contentTypes: toBase(section.contentTypes),
    displayTemplates: toBase(section.displayTemplates),
  };
}

function toBase<T extends Definition>(entries: Record<string, LockEntry<T>>): Record<string, BaseEntry<T>> {
  const base: Record<string, BaseEntry<T>> = {};
  for (const [key, entry] of Object.entries(entries)) {
    setEntry(base, key, {
      def: entry.definition,
      digest: entry.digest,
      version: entry.version,
      syncedAt: entry.syncedAt,
      syncedBy: entry.syncedBy,
      ...(entry.protected === true ? { protected: true as const } : {}),
    });
  }
  return base;
}

/** The content types of one target as catalyst last synced them, by key. */
export function syncedContentTypes(lock: Lockfile, targetName: string): Map<string, ContentTypeDef> {
  return new Map(Object.entries(lockedTarget(lock, targetName).contentTypes).map(([key, entry]) => [key, entry.definition]));
}
