import { setEntry } from '../../core/set-entry.js';
import { digest } from '../../core/digest.js';
import type { Definition, KindSections, ResourceDefs, ResourceKind, VersionToken } from '../../core/model.js';
import { kindOf } from '../../core/resource-kinds.js';
import type { LockFile, LockSource, LockTarget } from '../generated/lock-file.js';

export type {
  ContentTypeLockEntry,
  ContentTypeSourceEntry,
  LockSource,
  LockTarget,
  PropertyGroupLockEntry,
  PropertyGroupSourceEntry,
} from '../generated/lock-file.js';

/** The lockfile (schemas/lock.schema.json). Values are immutable by convention: helpers return new ones. */
export type Lockfile = LockFile;

/** The newest lockfile format this catalyst reads and writes. */
export const LOCK_VERSION = 1;

export const DEFAULT_LOCKFILE = 'catalyst.lock.json';

/** A target's record of one synced resource. */
export interface LockEntry<T extends Definition> {
  digest: string;
  definition: T;
  version: VersionToken;
  syncedAt: string;
  syncedBy: string;
  /** The YAML protects it (content types): a plan that deletes it is blocked. */
  protected?: true;
  /** Content types: the semantic version (core/semantic-version.ts). */
  semver?: string;
}

/** A source's record of one imported resource. */
export interface SourceEntry<T extends Definition> {
  digest: string;
  definition: T;
  importedAt: string;
  origin: Record<string, unknown>;
}

export type LockEntryOf<K extends ResourceKind> = LockEntry<ResourceDefs[K]>;
export type SourceEntryOf<K extends ResourceKind> = SourceEntry<ResourceDefs[K]>;

/** Every entry of one target or source, per kind section and key. */
export type LockedTarget = { [K in ResourceKind as KindSections[K]]: Record<string, LockEntryOf<K>> };
export type LockedSource = { [K in ResourceKind as KindSections[K]]: Record<string, SourceEntryOf<K>> };

export function emptyLockfile(): Lockfile {
  return { lockVersion: LOCK_VERSION };
}

/** A target's base state: every entry synced to it, per kind and key (empty for an unknown target). */
export function lockedTarget(lock: Lockfile, target: string): LockedTarget {
  const section = lock.targets?.[target];
  return {
    propertyGroups: present(section?.propertyGroups),
    contentTypes: present(section?.contentTypes),
    displayTemplates: present(section?.displayTemplates),
  };
}

/** What was last imported from a source, per kind and key. */
export function lockedSource(lock: Lockfile, source: string): LockedSource {
  const section = lock.sources?.[source];
  return {
    propertyGroups: present(section?.propertyGroups),
    contentTypes: present(section?.contentTypes),
    displayTemplates: present(section?.displayTemplates),
  };
}

/** A lock entry for a definition just synced; the definition must be canonical (normalized). */
export function createLockEntry<T extends Definition>(definition: T, version: VersionToken, synced: Synced): LockEntry<T> {
  const token: VersionToken = {};
  if (version.etag !== undefined) token.etag = version.etag;
  if (version.lastModified !== undefined) token.lastModified = version.lastModified;
  return { digest: digest(definition), definition, version: token, syncedAt: synced.at, syncedBy: synced.by };
}

/** When (ISO 8601) and by whom (tool, version, user or CI job; never a secret) a resource was synced. */
export interface Synced {
  at: string;
  by: string;
}

/** Where an imported resource came from; `origin` is source-specific and never holds secrets. */
export interface Imported {
  at: string;
  origin: Record<string, unknown>;
}

/** A source entry for a definition just imported; the definition must be canonical (normalized). */
export function createSourceEntry<T extends Definition>(definition: T, imported: Imported): SourceEntry<T> {
  return { digest: digest(definition), definition, importedAt: imported.at, origin: imported.origin };
}

/** The lockfile with one target entry set (added or replaced). */
export function setLockEntry<K extends ResourceKind>(
  lock: Lockfile,
  target: string,
  kind: K,
  key: string,
  entry: LockEntryOf<K>,
): Lockfile {
  return { ...lock, targets: setIn(lock.targets, target, kindOf(kind).section, key, entry) as Lockfile['targets'] };
}

/** The lockfile without one target entry; sections left empty are dropped. */
export function removeLockEntry(lock: Lockfile, target: string, kind: ResourceKind, key: string): Lockfile {
  return withSection(lock, 'targets', removeIn(lock.targets, target, kindOf(kind).section, key));
}

export function setSourceEntry<K extends ResourceKind>(
  lock: Lockfile,
  source: string,
  kind: K,
  key: string,
  entry: SourceEntryOf<K>,
): Lockfile {
  return { ...lock, sources: setIn(lock.sources, source, kindOf(kind).section, key, entry) as Lockfile['sources'] };
}

export function removeSourceEntry(lock: Lockfile, source: string, kind: ResourceKind, key: string): Lockfile {
  return withSection(lock, 'sources', removeIn(lock.sources, source, kindOf(kind).section, key));
}

type Sections = Record<string, LockTarget | LockSource | undefined> | undefined;
type Entries = Record<string, Record<string, unknown> | undefined>;

function setIn(sections: Sections, name: string, kind: string, key: string, entry: unknown): Sections {
  const section = (sections?.[name] ?? {}) as Entries;
  return { ...sections, [name]: { ...section, [kind]: { ...section[kind], [key]: entry } } };
}

function removeIn(sections: Sections, name: string, kind: string, key: string): Sections {
  const section = sections?.[name] as Entries | undefined;
  if (!section?.[kind] || !(key in section[kind])) return sections;
  const { [key]: _removed, ...entries } = section[kind];
  const { [kind]: _kind, ...otherKinds } = section;
  const nextSection = Object.keys(entries).length > 0 ? { ...otherKinds, [kind]: entries } : otherKinds;
  const { [name]: _name, ...otherSections } = sections ?? {};
  return Object.keys(nextSection).length > 0 ? { ...otherSections, [name]: nextSection } : otherSections;
}

function withSection(lock: Lockfile, member: 'targets' | 'sources', sections: Sections): Lockfile {
  const { [member]: _previous, ...rest } = lock;
  return sections && Object.keys(sections).length > 0 ? { ...rest, [member]: sections } : rest;
}

function present<T>(record: Record<string, T | undefined> | undefined): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [key, value] of Object.entries(record ?? {})) if (value !== undefined) setEntry(result, key, value);
  return result;
}

/** The lockfile with `head` recorded as the target's newest history record (unchanged when null). */
export function withHistoryHead(lock: Lockfile, target: string, head: string | null): Lockfile {
  if (head === null || lock.targets?.[target]?.historyHead === head) return lock;
  return { ...lock, targets: { ...lock.targets, [target]: { ...lock.targets?.[target], historyHead: head } } };
}

/** The lockfile with the plan's protection changes recorded on the entries that exist. */
export function withProtection(
  lock: Lockfile,
  target: string,
  changes: ReadonlyArray<{ kind: ResourceKind; key: string; protect: boolean }>,
): Lockfile {
  let next = lock;
  for (const { kind, key, protect } of changes) {
    const section = kindOf(kind).section;
    const entry = next.targets?.[target]?.[section]?.[key] as (LockEntry<Definition> & { protected?: true }) | undefined;
    if (!entry || (entry.protected === true) === protect) continue;
    const { protected: _was, ...rest } = entry;
    next = setLockEntry(next, target, kind, key, (protect ? { ...rest, protected: true } : rest) as LockEntryOf<typeof kind>);
  }
  return next;
}
