import { fileURLToPath } from 'node:url';

const SHARED = new URL('../fixtures/shared/', import.meta.url);

/** The corpus of real Optimizely content types (one JSON file per source project). */
export const CORPUS_DIR = fileURLToPath(new URL('optimizely/corpus', SHARED));
/** Catalyst Studio databases with the real schema. Copy before writing. */
export const SAMPLE_CATALYST_DB = fileURLToPath(new URL('catalyst/sample-catalyst.db', SHARED));
export const POC_CATALYST_DB = fileURLToPath(new URL('catalyst/poc-db/catalyst-poc.db', SHARED));
