import { describe, expect, it } from 'vitest';
import { OPTIMIZELY_PROFILE } from '../../../src/adapters/optimizely/profile.js';
import { validateDesired } from '../../../src/core/validate-desired.js';
import { importCatalystTypes } from '../../../src/sources/catalyst/map/import-catalyst-types.js';
import { NO_OVERRIDES } from '../../../src/sources/catalyst/map/imported-type.js';
import { loadCatalystSnapshot } from '../../../src/sources/catalyst/read/load-catalyst-snapshot.js';
import { sharedCatalystFile } from './helpers/catalyst-db.js';

describe('imported types pass the core semantic validation (references resolve, attributes fit their types)', () => {
  it.each(['sample-catalyst.db', 'poc-db/catalyst-poc.db'] as const)('%s', (name) => {
    const { snapshot } = loadCatalystSnapshot(sharedCatalystFile(name));
    const result = importCatalystTypes({
      snapshot: snapshot!,
      websites: [],
      overrides: NO_OVERRIDES,
      knownKeys: new Map(),
      defaults: OPTIMIZELY_PROFILE.defaults,
    });
    const desired = { contentTypes: result.types.map((type) => ({ def: type.def })), propertyGroups: [], displayTemplates: [] };
    expect(validateDesired(desired, { rules: OPTIMIZELY_PROFILE })).toEqual([]);
  });
});
