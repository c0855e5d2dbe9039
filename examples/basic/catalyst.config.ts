/**
 * The example project: content types in ./content-types, synced to the embedded Optimizely
 * emulator (no account needed). To use a real CMS, set `url` to its API host (`embedded` always
 * means the emulator, whatever OPTIMIZELY_CMS_API_URL says) and put the client id and secret in
 * OPTIMIZELY_CMS_CLIENT_ID and OPTIMIZELY_CMS_CLIENT_SECRET.
 */
export default {
  $schema: '../../schemas/config.schema.json',
  contentTypesDir: 'content-types',
  lockfile: 'catalyst.lock.json',
  mode: 'push',
  strategy: 'manual',
  targets: {
    local: { platform: 'optimizely', apiVersion: 'v1', url: 'embedded' },
  },
};
