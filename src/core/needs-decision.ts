import type { Plan } from './plan.js';

/** Blockers that are conflicts between YAML and the CMS: settled by a decision (a strategy, `catalyst resolve`), not a fix. */
const DECISION_CODES: ReadonlySet<string> = new Set(['PL101', 'PL102', 'PL103', 'PL115', 'PL116']);

/** Whether every blocker of the plan is a conflict that needs a person's decision (`plan` exits 3). */
export function needsDecision(plan: Pick<Plan, 'blockers'>): boolean {
  return plan.blockers.length > 0 && plan.blockers.every((blocker) => DECISION_CODES.has(blocker.code));
}
