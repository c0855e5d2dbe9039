import type { ResourceKind } from '../../core/model.js';

/** One line of the audit history: who changed what on which target, and when. Never holds secrets. */
export interface HistoryRecord {
  at: string;
  actor: string;
  target: string;
  /** A step on the CMS (create … forget), an import, or a change apply wrote into the YAML (`yaml-*`). */
  action: 'create' | 'update' | 'delete' | 'adopt' | 'forget' | 'import' | 'yaml-write' | 'yaml-create' | 'yaml-remove';
  kind: ResourceKind;
  key: string;
  /** Digest of the definition before and after the step (absent where there is none). */
  before?: string;
  after?: string;
  /** The definition before an update or a delete (canonical): what `catalyst rollback` restores. */
  definitionBefore?: unknown;
  /** Content types: the semantic version after the step. */
  semver?: string;
  /** Risk codes of the change (e.g. DS102), when any. */
  codes?: string[];
  /** Where `actor` comes from (see CliContext.actorSource). */
  actorSource?: 'ci' | 'declared' | 'git' | 'os';
  /** Digest of the plan the run carried out. */
  plan?: string;
  /** Where the definition was backed up before a destructive step, relative to the lockfile's folder (local state, not committed). */
  backup?: string;
}
