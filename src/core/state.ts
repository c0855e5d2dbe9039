import type { KindSections, LiveResource, ResourceDefs, ResourceKind, SourceLocation, VersionToken } from './model.js';

/**
 * The three inputs of a plan, one member per resource kind (`KindSections`). Definitions may
 * arrive in any spelling of the canonical model; the planner normalizes all three sides itself
 * (with the platform's server defaults) before it compares anything, so a producer that forgets
 * to normalize cannot cause phantom changes.
 */

/** What the repository declares (YAML). `origin` is where the definition was written. */
export type DesiredState = { [K in ResourceKind as KindSections[K]]: Array<DesiredResource<ResourceDefs[K]>> };

export interface DesiredResource<T> {
  def: T;
  origin?: SourceLocation;
  /** The YAML says `protect: true` (content types): catalyst refuses to delete it once recorded. */
  protect?: true;
  /** Declared property renames (content types): new key → old key. */
  renames?: Record<string, string>;
  /** A declared rename of the resource itself (`renamedFrom`): its old key, kept on the CMS while this is declared. */
  renamedFrom?: string;
}

/**
 * The merge base (the lockfile of one target): every resource catalyst owns there, in the form
 * it had when catalyst last synced it. A key present here is the only licence to delete.
 */
export type BaseState = { [K in ResourceKind as KindSections[K]]: Record<string, BaseEntry<ResourceDefs[K]>> };

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
  /** Recorded as protected: a plan that deletes it is blocked (PL117). */
  protected?: true;
}

/** What the platform holds now, as its adapter returned it. */
export type LiveState = { [K in ResourceKind as KindSections[K]]: Array<LiveResource<ResourceDefs[K]>> };

export function emptyDesiredState(): DesiredState {
  return { propertyGroups: [], contentTypes: [], displayTemplates: [] };
}

/** A base with nothing in it: a target catalyst has never synced. */
export function emptyBaseState(): BaseState {
  return { propertyGroups: {}, contentTypes: {}, displayTemplates: {} };
}

export function emptyLiveState(): LiveState {
  return { propertyGroups: [], contentTypes: [], displayTemplates: [] };
}
