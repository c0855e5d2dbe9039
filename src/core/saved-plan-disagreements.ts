import { canonicalJson } from './canonical-json.js';
import type { ApplyStep, PlanNotice } from './generated/plan.js';
import { orderSteps } from './order.js';
import { requiredApprovals, summarize, type Plan } from './plan.js';

/**
 * What in a saved plan does not follow from its own resources, in words: the steps, the approvals
 * `--allow-destructive` must give, the summary, `applyable` and the blocked flags are all derived
 * from `resources` by the planner, so apply derives them again and compares. Empty when the plan
 * is what the planner would have written for those resources.
 */
export function savedPlanDisagreements(plan: Plan): string[] {
  const found: string[] = [];
  const ordered = orderSteps(plan.resources);
  found.push(...stepDisagreements(plan.steps, ordered.steps));

  const approvals = requiredApprovals(plan.resources);
  const listed = new Set(plan.requiresApproval.map((item) => canonicalJson(item)));
  const needed = new Set(approvals.map((item) => canonicalJson(item)));
  const unlisted = approvals.filter((item) => !listed.has(canonicalJson(item))).map((item) => `${item.code} ${item.key}`);
  const invented = plan.requiresApproval.filter((item) => !needed.has(canonicalJson(item))).map((item) => `${item.code} ${item.key}`);
  if (unlisted.length > 0) found.push(`requiresApproval lacks ${unlisted.join(', ')}`);
  if (invented.length > 0) found.push(`requiresApproval lists ${invented.join(', ')}, which the resources do not need`);
  if (unlisted.length === 0 && invented.length === 0 && plan.requiresApproval.length !== approvals.length)
    found.push('requiresApproval lists an approval twice');

  if (canonicalJson(summarize(plan.resources, ordered.steps, plan.drift, approvals)) !== canonicalJson(plan.summary))
    found.push('the summary does not count what the resources hold');

  const blockers = new Set(plan.blockers.map((notice) => canonicalJson(notice)));
  const dropped = ordered.blockers.filter((notice) => !blockers.has(canonicalJson(notice)));
  if (dropped.length > 0) found.push(`blockers lack ${dropped.map((notice) => notice.code).join(', ')}`);
  if (plan.applyable !== (plan.blockers.length === 0))
    found.push(`applyable is ${String(plan.applyable)} with ${plan.blockers.length} blocker(s)`);
  const blockedIds = blockedResourceIds(plan.blockers);
  const misflagged = plan.resources.filter((resource) => resource.blocked !== blockedIds.has(`${resource.kind}:${resource.key}`));
  if (misflagged.length > 0) found.push(`the blocked flag of ${misflagged.map((resource) => resource.key).join(', ')}`);
  return found;
}

function stepDisagreements(saved: readonly ApplyStep[], derived: readonly ApplyStep[]): string[] {
  const label = (step: ApplyStep) => `${step.action} ${step.kind} "${step.key}"`;
  const derivedLabels = new Set(derived.map(label));
  const savedLabels = new Set(saved.map(label));
  const added = saved.filter((step) => !derivedLabels.has(label(step))).map(label);
  const removed = derived.filter((step) => !savedLabels.has(label(step))).map(label);
  const found: string[] = [];
  if (added.length > 0) found.push(`steps ${added.join(', ')} do not follow from the resources`);
  if (removed.length > 0) found.push(`steps ${removed.join(', ')} are missing`);
  if (found.length > 0) return found;
  if (saved.length !== derived.length) return ['a step is listed twice'];
  for (const [index, step] of saved.entries()) {
    const expected = derived[index]!;
    if (label(step) !== label(expected)) return ['the steps are not in apply order'];
    if (canonicalJson(step) !== canonicalJson(expected)) found.push(`step ${index + 1} (${label(step)}) differs from its resource`);
  }
  return found;
}

function blockedResourceIds(blockers: readonly PlanNotice[]): Set<string> {
  return new Set(blockers.flatMap((blocker) => blocker.resources.map((ref) => `${ref.kind}:${ref.key}`)));
}
