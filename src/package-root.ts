/**
 * The folder catalyst is installed in (the one with `package.json` and `schemas/`), from this
 * module's place: `src/` when run from source, `dist/` when built. The Action's bundle swaps this
 * module for one that knows the bundle's own place (action/build.ts).
 */
export const PACKAGE_ROOT = new URL('../', import.meta.url);
