import type { AccessFacts } from './access-policy.js';
import { approvalName } from './approval.js';
import type { Plan } from './plan.js';

/** What a plan does that the access policy governs beyond `apply`: its destructive changes and the protection it removes. */
export function accessFacts(plan: Pick<Plan, 'requiresApproval' | 'protection'>): AccessFacts {
  return {
    destructive: plan.requiresApproval.map(approvalName),
    unprotects: (plan.protection ?? []).filter((change) => !change.protect).map((change) => change.key),
  };
}
