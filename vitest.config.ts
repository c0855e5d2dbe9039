import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** The layer that runs a real Strapi 5: its own project, so `npm run test:fast` (`--project main`) leaves it out. */
const STRAPI_TESTS = 'test/strapi/**/*.test.ts';
/** The dashboard driven in headless Chromium: its own project, so `npm run test:fast` leaves it out too. */
const BROWSER_TESTS = 'test/ui/browser/**/*.test.ts';

export default defineConfig({
  test: {
    /**
     * Most slow tests wait on a child process (the built CLI, the emulator, the official CLI), not on
     * a core: on two cores four workers finish in 96 s where the default one-per-core takes 136 s.
     */
    maxWorkers: Math.max(4, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['test/**/*.test.ts'],
          exclude: [STRAPI_TESTS, BROWSER_TESTS],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'strapi',
          include: [STRAPI_TESTS],
          /** Installs Strapi once per lockfile into a cache folder (about 2 minutes the first time). */
          globalSetup: ['test/strapi/global-setup.ts'],
          /** Each schema write restarts Strapi (about 2 s); a file's steps run in order against its own server. */
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          /** After the main suite, so a Strapi restarting on the same cores cannot slow its timed tests. */
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: [BROWSER_TESTS],
          /** Fails at once, saying what to install, when Chromium is missing (CI installs it: .ci/run). */
          globalSetup: ['test/ui/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
