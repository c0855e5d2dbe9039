import type {
  ContentTypeDef,
  LiveContentType,
  LivePropertyGroup,
  PropertyGroupDef,
  SourceLocation,
  VersionToken,
} from './model.js';

/**
 * The three inputs of a plan. Definitions may arrive in any spelling of the canonical model;
 * the planner normalizes all three sides itself (with the platform's server defaults) before it
 * compares anything, so a producer that forgets to normalize cannot cause phantom changes.
 */

/** What the repository declares (YAML). `origin` is where the definition was written. */
export interface DesiredState {
  contentTypes: Array<DesiredResource<ContentTypeDef>>;
  propertyGroups: Array<DesiredResource<PropertyGroupDef>>;
}

export interface DesiredResource<T> {
  def: T;
  origin?: SourceLocation;
}

/**
 * The merge base (the lockfile of one target): every resource catalyst owns there, in the form
 * it had when catalyst last synced it. A key present here is the only licence to delete.
 */
export interface BaseState {
  contentTypes: Record<string, BaseEntry<ContentTypeDef>>;
  propertyGroups: Record<string, BaseEntry<PropertyGroupDef>>;
}

export interface BaseEntry<T> {
  def: T;
  /** The digest recorded at sync time. Informational: the planner recomputes it from `def`. */
  digest: string;
  /** The live version token seen when the resource was last synced. */
  version: VersionToken;
  /** ISO 8601. */
  syncedAt: string;
  /** Who or what synced it (user, CI job). */
  syncedBy: string;
}

/** What the platform holds now, as its adapter returned it. */
export interface LiveState {
  contentTypes: LiveContentType[];
  propertyGroups: LivePropertyGroup[];
}

/** A base with nothing in it: a target catalyst has never synced. */
export function emptyBaseState(): BaseState {
  return { contentTypes: {}, propertyGroups: {} };
}
