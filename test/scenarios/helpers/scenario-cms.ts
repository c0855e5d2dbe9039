import { OPTIMIZELY_DEFAULTS } from '../../../src/adapters/optimizely/profile.js';
import { expect } from 'vitest';
import { createOptimizelyAdapter } from '../../../src/adapters/optimizely/index.js';
import { digest } from '../../../src/core/digest.js';
import { normalizeContentType, normalizePropertyGroup } from '../../../src/core/normalize.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import type { TrafficCounters } from '../../../src/emulator/traffic/index.js';
import { SCENARIO_ACTOR, type ScenarioProject } from './scenario-project.js';

export { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET };

/** An emulator in this process, for a scenario file to share. */
export function startScenarioEmulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, ...options });
}

/** The requests (method and path) that touched content types or property groups. */
export function definitionRequests(counters: TrafficCounters): string[] {
  return Object.keys(counters.byRoute).filter((route) => /\/(contenttypes|propertygroups)(\/|$)/.test(route));
}

/** The requests that could change the CMS: every method but GET and HEAD, token requests aside. */
export function writeRequests(counters: TrafficCounters): string[] {
  return Object.keys(counters.byRoute).filter((route) => !/^(GET|HEAD) /.test(route) && !route.endsWith('/oauth/token'));
}

/** What the CMS holds, read through the adapter as catalyst reads it: the canonical digest per key. */
export async function liveState(emulator: RunningEmulator): Promise<{
  contentTypes: Map<string, { digest: string; readOnly: boolean }>;
  propertyGroups: Map<string, { digest: string; readOnly: boolean }>;
}> {
  const adapter = createOptimizelyAdapter({
    apiUrl: emulator.url,
    apiVersion: 'v1',
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
  });
  const [types, groups] = await Promise.all([adapter.resources.contentType.list(), adapter.resources.propertyGroup.list()]);
  return {
    contentTypes: new Map(
      types.map((type) => [type.def.key, { digest: digest(normalizeContentType(type.def, OPTIMIZELY_DEFAULTS)), readOnly: type.readOnly }]),
    ),
    propertyGroups: new Map(
      groups.map((group) => [
        group.def.key,
        { digest: digest(normalizePropertyGroup(group.def, OPTIMIZELY_DEFAULTS)), readOnly: group.readOnly },
      ]),
    ),
  };
}

/**
 * The lockfile tells the truth: it records exactly `expected` for the target, each entry's digest
 * is that of what the CMS serves now, and its version is the CMS's current one: the ETag, or
 * where a batch write left none (the manifest has no ETags), the lastModified time.
 */
export async function expectLockMatchesCms(
  project: ScenarioProject,
  emulator: RunningEmulator,
  expected: { contentTypes: string[]; propertyGroups: string[] },
  target = 'cms',
): Promise<void> {
  expect(await project.lockedKeys(target)).toEqual({
    contentTypes: [...expected.contentTypes].sort(),
    propertyGroups: [...expected.propertyGroups].sort(),
  });
  const section = await project.locked(target);
  const live = await liveState(emulator);
  for (const [key, entry] of Object.entries(section.contentTypes)) {
    expect({ key, digest: entry.digest, version: recordedVersion(entry.version) }).toEqual({
      key,
      digest: live.contentTypes.get(key)?.digest,
      version: cmsVersion(entry.version, emulator.store.contentTypes.get(key)),
    });
    expect(entry.syncedBy).toBe(SCENARIO_ACTOR);
  }
  for (const [key, entry] of Object.entries(section.propertyGroups)) {
    expect({ key, digest: entry.digest, version: recordedVersion(entry.version) }).toEqual({
      key,
      digest: live.propertyGroups.get(key)?.digest,
      version: cmsVersion(entry.version, emulator.store.propertyGroups.get(key)),
    });
    expect(entry.syncedBy).toBe(SCENARIO_ACTOR);
  }
}

/** `plan --detailed-exitcode` after an apply: exit 0 and "No changes.", the convergence every scenario needs. */
export async function expectConverged(project: ScenarioProject): Promise<void> {
  const result = await project.runInProcess(['plan', '--detailed-exitcode']);
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('No changes. The CMS matches the YAML and the lockfile.');
}

function recordedVersion(version: { etag?: string; lastModified?: string }): string | undefined {
  return version.etag ?? version.lastModified;
}

function cmsVersion(
  recorded: { etag?: string },
  stored: { etag: string; audit: { lastModified: string } } | undefined,
): string | undefined {
  return recorded.etag !== undefined ? stored?.etag : stored?.audit.lastModified;
}
