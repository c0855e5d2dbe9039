import type { ServerDefaults } from './defaults.js';
import type { ResourceKind } from './model.js';

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

/**
 * What one API version of a platform can store, for checking the desired state before any
 * write. Member names are canonical (the YAML's), at three levels: the content type, each
 * property, an array's items.
 */
export interface StorableRules {
  /** The API version these rules describe, as configs name it. */
  version: string;
  /** Members the version's wire format has no field for. */
  unstorable: { type: readonly string[]; property: readonly string[]; item: readonly string[] };
  /** Property (and array item) types the version does not accept. */
  unsupportedPropertyTypes: readonly string[];
  /** Resource kinds the platform has no place for (Strapi: property groups, display templates); absent: none. */
  unstorableKinds?: readonly ResourceKind[];
}
