import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    /**
     * Most slow tests wait on a child process (the built CLI, the emulator, the official CLI), not on
     * a core: on two cores four workers finish in 96 s where the default one-per-core takes 136 s.
     */
    maxWorkers: Math.max(4, availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
