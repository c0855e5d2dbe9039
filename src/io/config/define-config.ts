import type { WrittenConfig } from './config.js';

/** Types a `catalyst.config.ts` (`export default defineConfig({ … })`); returns its argument unchanged. */
export function defineConfig(config: WrittenConfig): WrittenConfig {
  return config;
}
