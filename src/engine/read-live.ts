import type { PlatformAdapter } from '../adapters/port.js';
import type { LiveState } from '../core/state.js';

/** Reads everything the planner compares against: every content type and property group on the target. */
export async function readLive(adapter: PlatformAdapter): Promise<LiveState> {
  const [contentTypes, propertyGroups] = await Promise.all([adapter.listContentTypes(), adapter.listPropertyGroups()]);
  return { contentTypes, propertyGroups };
}
