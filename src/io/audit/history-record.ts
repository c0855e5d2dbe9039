import type { PolicyGrant, PolicyOperation } from '../../core/access-policy.js';
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

/**
 * A run the access policy refused, recorded before anything was written: who, which command,
 * the grant that was missing and the rule that denied it. Chained like every record.
 */
export interface DenialRecord {
  at: string;
  actor: string;
  actorSource?: 'ci' | 'declared' | 'git' | 'os';
  target: string;
  action: 'denied';
  /** The command refused. */
  operation: PolicyOperation;
  /** The grant the run lacked. */
  grant: PolicyGrant;
  /** Where the rule that denied is written: `catalyst.policy.yaml:14:7 targets.production.grants.apply-destructive`. */
  rule: string;
  reason: string;
  /** Digest of the plan that was refused, when there was one. */
  plan?: string;
}

/** One line of a target's history: a step of a run, or a run the policy refused. */
export type HistoryEntry = HistoryRecord | DenialRecord;

export function isDenial(entry: HistoryEntry): entry is DenialRecord {
  return entry.action === 'denied';
}
