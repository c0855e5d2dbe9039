import type { ServerDefaults } from './defaults.js';

/**
 * What core needs to know about a platform, supplied by its adapter (src/adapters): the defaults
 * normalization removes and the resources the platform itself provides. Core never assumes one
 * platform; every function that normalizes, validates or plans takes the profile.
 */
export interface PlatformRules {
  /** Values the platform assumes when a member is absent. */
  defaults: ServerDefaults;
  /** Property groups every instance has: read-only, usable without declaring them. */
  builtInGroups: readonly string[];
  /** Group keys the platform refuses to create, whatever their case. */
  reservedGroupKeys: readonly string[];
  /** Content types every instance has, for checking references without a target. */
  systemTypes: readonly string[];
}
