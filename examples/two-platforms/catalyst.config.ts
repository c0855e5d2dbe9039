/**
 * One set of content types, two platforms: `local` is the embedded Optimizely emulator (no account
 * needed), `strapi` a Strapi 5 server run with `strapi develop`. The Strapi server and its admin
 * user come from the environment: STRAPI_URL, STRAPI_ADMIN_EMAIL, STRAPI_ADMIN_PASSWORD.
 * Each target has its own section in the lockfile, so each gets its own plan.
 */
export default {
  $schema: '../../schemas/config.schema.json',
  contentTypesDir: 'content-types',
  lockfile: 'catalyst.lock.json',
  mode: 'push',
  strategy: 'manual',
  defaultTarget: 'local',
  targets: {
    local: { platform: 'optimizely', apiVersion: 'v1', url: 'embedded' },
    strapi: { platform: 'strapi' },
  },
};
