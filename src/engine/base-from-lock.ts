import type { BaseState } from '../core/state.js';
import { lockedTarget, type Lockfile } from '../io/lockfile/lockfile.js';

/** The merge base of one target: what its lockfile section says catalyst last synced. */
export function baseFromLock(lock: Lockfile, targetName: string): BaseState {
  const section = lockedTarget(lock, targetName);
  const contentTypes: BaseState['contentTypes'] = {};
  for (const [key, entry] of Object.entries(section.contentTypes)) {
    contentTypes[key] = { def: entry.definition, digest: entry.digest, version: entry.version, syncedAt: entry.syncedAt, syncedBy: entry.syncedBy };
  }
  const propertyGroups: BaseState['propertyGroups'] = {};
  for (const [key, entry] of Object.entries(section.propertyGroups)) {
    propertyGroups[key] = { def: entry.definition, digest: entry.digest, version: entry.version, syncedAt: entry.syncedAt, syncedBy: entry.syncedBy };
  }
  return { contentTypes, propertyGroups };
}
