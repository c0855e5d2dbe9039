import type { PlatformAdapter } from '../adapters/port.js';
import type { LiveState } from '../core/state.js';

/**
 * Reads everything the planner compares against: every resource of every kind on the target, in
 * one request where the platform has a batch read, else per kind in parallel.
 */
export async function readLive(adapter: PlatformAdapter): Promise<LiveState> {
  if (adapter.batch) return adapter.batch.readAll();
  const { resources } = adapter;
  const [propertyGroups, contentTypes, displayTemplates] = await Promise.all([
    resources.propertyGroup.list(),
    resources.contentType.list(),
    resources.displayTemplate.list(),
  ]);
  return { propertyGroups, contentTypes, displayTemplates };
}
