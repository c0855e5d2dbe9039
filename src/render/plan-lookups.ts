import type { ApprovalItem, PlanNotice, ResourcePlan, Risk } from '../core/generated/plan.js';
import type { Plan } from '../core/plan.js';

// Lookups that join parts of the plan for display. They read the plan; they decide nothing.

/** The codes of the blockers that name this resource, in plan order, without repeats. */
export function blockerCodesOf(plan: Plan, resource: ResourcePlan): string[] {
  return [...new Set(plan.blockers.filter((blocker) => names(blocker, resource)).map((blocker) => blocker.code))];
}

/** The references a create leaves to the follow-up update step (a reference cycle), as `path → target`. */
export function deferredOf(plan: Plan, resource: ResourcePlan): Array<{ path: string; target: string }> {
  for (const step of plan.steps) {
    if (step.action === 'create' && step.kind === resource.kind && step.key === resource.key) return step.deferred;
  }
  return [];
}

/** Update steps that finish a create: they set the references a reference cycle kept out of it. */
export function followUpUpdates(plan: Plan): number {
  const created = new Set(
    plan.resources.filter((resource) => resource.action === 'create').map((resource) => `${resource.kind}:${resource.key}`),
  );
  return plan.steps.filter((step) => step.action === 'update' && created.has(`${step.kind}:${step.key}`)).length;
}

/**
 * The plan's one-line total, counted as apply counts what it does: a follow-up update is an
 * update, named as such. `Plan: 5 to create, 1 to update (1 follow-up for cyclic references), 0 to delete`.
 */
export function planTotalParts(plan: Plan): string[] {
  const { actions } = plan.summary;
  const followUps = followUpUpdates(plan);
  const update = `${actions.update + followUps} to update${followUps > 0 ? ` (${followUps} follow-up${followUps === 1 ? '' : 's'} for cyclic references)` : ''}`;
  const parts = [`${actions.create} to create`, update, `${actions.delete} to delete`];
  const lockOnly = plan.resources.filter(
    (resource) => (resource.action === 'adopt' || resource.action === 'forget') && !resource.toYaml,
  ).length;
  if (lockOnly > 0) parts.push(`${lockOnly} lockfile-only`);
  const { yamlWrites } = plan.summary;
  if (yamlWrites > 0) parts.push(`${yamlWrites} YAML definition${yamlWrites === 1 ? '' : 's'} to write`);
  return parts;
}

/** The approval item of deleting this resource (the whole resource: path ''), if the plan deletes it. */
export function deleteApprovalOf(plan: Plan, resource: ResourcePlan): ApprovalItem | undefined {
  return plan.requiresApproval.find((item) => item.kind === resource.kind && item.key === resource.key && item.path === '');
}

function names(notice: PlanNotice, resource: ResourcePlan): boolean {
  return notice.resources.some((ref) => ref.kind === resource.kind && ref.key === resource.key);
}

/** The codes of a resource's risky changes by risk, highest first: `destructive (DS102), breaking (BC102, BC103)`. */
export function riskCodes(resource: ResourcePlan): string {
  const byRisk = new Map<Risk, Set<string>>();
  for (const change of resource.changes) {
    if (change.risk === 'safe' || !change.code) continue;
    byRisk.set(change.risk, (byRisk.get(change.risk) ?? new Set()).add(change.code));
  }
  const risks: Risk[] = ['destructive', 'breaking'];
  return (
    risks
      .filter((risk) => byRisk.has(risk))
      .map((risk) => `${risk} (${[...byRisk.get(risk)!].sort().join(', ')})`)
      .join(', ') || resource.risk
  );
}

/** Whether the plan writes over some of the drift: a push plan updates or re-creates a drifted resource. */
export function revertsDrift(plan: Plan): boolean {
  return (
    plan.mode === 'push' &&
    plan.drift.some((entry) =>
      plan.resources.some(
        (resource) =>
          resource.kind === entry.kind && resource.key === entry.key && (resource.action === 'update' || resource.action === 'create'),
      ),
    )
  );
}

/** Whether the plan lists this resource among the CMS actions: it writes the CMS, or only the lockfile with no YAML change to show it by. */
export function changesCms(resource: ResourcePlan): boolean {
  if (resource.action === 'none') return false;
  return !((resource.action === 'adopt' || resource.action === 'forget') && resource.toYaml);
}
