import type { DefinitionChange } from '../../core/generated/plan.js';
import type { ResourceKind } from '../../core/model.js';

/** A target's runs as `GET /api/targets/<name>/history` answers them (the server builds them in src/ui/history-runs.ts). */
export interface HistoryStep {
  seq: number;
  /** The history record's action: create, update, delete, adopt… */
  action: string;
  kind: ResourceKind;
  key: string;
  codes: string[];
  semver?: string;
  /**
   * What a create or an update changed, member by member, where the history shows both sides:
   * the definition before it (none for a create) and the one after (the next record's "before",
   * or the lockfile's for the newest), whose digest must be the one the step recorded. Null
   * where they are not known.
   */
  changes: DefinitionChange[] | null;
}

export interface HistoryRun {
  run: string;
  at: string;
  actor: string;
  actorSource?: string;
  steps: HistoryStep[];
  /** A run the access policy refused before anything was written: which command, the grant it lacked, the rule and why. */
  denied?: { operation: string; grant: string; rule: string; reason: string };
}
