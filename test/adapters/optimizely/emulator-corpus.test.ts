import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSIONS, type ApiVersion } from '../../../src/adapters/optimizely/endpoints.js';
import { contentTypeFromWire, propertyGroupFromWire } from '../../../src/adapters/optimizely/to-canonical.js';
import { contentTypeToWire } from '../../../src/adapters/optimizely/to-wire.js';
import { digest } from '../../../src/core/digest.js';
import type { ContentTypeDef } from '../../../src/core/model.js';
import { startHarness, type Harness } from './emulator-harness.js';
import { CORPUS_DIR } from '../../helpers/shared-data.js';

const CORPUS = CORPUS_DIR;
const files = readdirSync(CORPUS).filter((name) => name.endsWith('.json'));

/**
 * Every corpus file written through the adapter and read back: what the emulator stores and
 * returns maps to exactly the canonical definitions that were sent (no phantom differences).
 */
const cases = files.flatMap((file) => API_VERSIONS.map((apiVersion) => ({ file, apiVersion })));

describe.each(cases)('corpus $file through the adapter and the emulator ($apiVersion)', ({ file, apiVersion }) => {
  const corpus = JSON.parse(readFileSync(join(CORPUS, file), 'utf8')) as { contentTypes: unknown[]; propertyGroups: unknown[] };
  const groups = corpus.propertyGroups.map((group) => propertyGroupFromWire(group));
  // preview3 cannot store contracts, access rights or editor settings (to-wire.test.ts covers the refusal).
  const types = corpus.contentTypes
    .map((type) => contentTypeFromWire(type))
    .filter((type) => apiVersion === 'v1' || storable(type, apiVersion));
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ adapter: { apiVersion } });
  });
  afterAll(() => harness.close());

  it('creates every group and type and lists them back unchanged', async () => {
    const { adapter } = harness;
    expect(types.length).toBeGreaterThan(0);
    for (const group of groups) expect((await adapter.resources.propertyGroup.create(group)).def).toEqual(group);
    // Built-in types such as BlankExperience exist already; the corpus extends them.
    const existing = new Map((await adapter.resources.contentType.list()).map((type) => [type.def.key, type]));
    for (const type of types) {
      const current = existing.get(type.key);
      const live =
        current === undefined
          ? await adapter.resources.contentType.create(type)
          : await adapter.resources.contentType.update(current.def, type, { precondition: current.version });
      expect(live.def).toEqual(type);
    }
    const listed = new Map((await adapter.resources.contentType.list()).map((type) => [type.def.key, digest(type.def)]));
    for (const type of types) expect(listed.get(type.key), type.key).toBe(digest(type));
    const listedGroups = new Map((await adapter.resources.propertyGroup.list()).map((group) => [group.def.key, digest(group.def)]));
    for (const group of groups) expect(listedGroups.get(group.key)).toBe(digest(group));
  });
});

function storable(type: ContentTypeDef, apiVersion: ApiVersion): boolean {
  try {
    contentTypeToWire(type, apiVersion);
    return true;
  } catch {
    return false;
  }
}
