import type { PlanSummary } from '../../core/generated/plan.js';

/** A target at a glance, as `GET /api/targets` answers it (the server builds it in src/ui/target-status.ts). */
export interface TargetStatus {
  name: string;
  description: string;
  mode: string;
  strategy: string;
  /** How many resources have each status, as `catalyst status` counts them (read-only ones left out). */
  counts: PlanSummary['statuses'];
  hasChanges: boolean;
  applyable: boolean;
  /** The newest run in the target's history: when, and who ran it. */
  lastRun: { run: string; at: string; actor: string; actorSource?: string } | null;
  /** Records that fail the history's hash-chain check (`catalyst history verify`). */
  historyProblems: number;
}
