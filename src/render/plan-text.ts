import type { DriftEntry, PlanNotice, ResourcePlan } from '../core/generated/plan.js';
import type { Plan } from '../core/plan.js';
import { formatValue } from './format-value.js';
import { renderChanges, renderDefinition } from './render-changes.js';
import { actionPhrase, actionSymbol, KIND_LABEL } from './resource-labels.js';
import type { Style } from './style.js';

/**
 * The plan for people, in the style of `terraform plan`: the actions grouped by resource with a
 * symbol and a reason, drift and conflicts in sections of their own, then a one-line total.
 * A view only: everything shown is read from the plan, nothing is recomputed.
 */
export function renderPlanText(plan: Plan, style: Style): string {
  const out: string[] = [`Target: ${style.strong(plan.target.name)} (${plan.target.description})`, ''];
  const changing = plan.resources.filter((resource) => resource.action !== 'none');
  if (changing.length === 0) {
    out.push(`${style.create('No changes.')} The CMS matches the YAML and the lockfile.`, '');
  } else {
    out.push('catalyst will perform the following actions:', '');
    for (const resource of changing) out.push(...renderResource(resource, style), '');
  }
  if (plan.drift.length > 0) out.push(...renderDrift(plan.drift, style), '');
  const conflicted = plan.resources.filter((resource) => resource.conflicts.length > 0);
  if (conflicted.length > 0) out.push(...renderConflicts(conflicted, style), '');
  const unmanaged = plan.resources.filter((resource) => resource.status === 'unmanaged');
  if (unmanaged.length > 0) out.push(...renderUnmanaged(unmanaged, style), '');
  if (plan.warnings.length > 0) out.push(...renderNotices('Warnings', plan.warnings, style.warning), '');
  if (plan.blockers.length > 0) out.push(...renderNotices('This plan cannot be applied', plan.blockers, style.error), '');
  if (plan.summary.steps > 0 || !plan.applyable) out.push(renderTotal(plan, style));
  return `${out.join('\n').trimEnd()}\n`;
}

function renderResource(resource: ResourcePlan, style: Style): string[] {
  const label = `${KIND_LABEL[resource.kind]} ${resource.key}`;
  const origin = resource.origin ? style.muted(` (${resource.origin.file}:${resource.origin.line})`) : '';
  const lines = [
    `  ${style.muted(`# ${label} ${actionPhrase(resource.action)}: ${resource.reason}`)}`,
    `  ${actionSymbol(resource.action, style)} ${style.strong(label)}${origin}${riskSuffix(resource, style)}`,
  ];
  switch (resource.action) {
    case 'create':
    case 'adopt':
      if (resource.after) lines.push(...renderDefinition(resource.after, style, '      '));
      break;
    case 'update':
      lines.push(...renderChanges(resource.changes, style, '      '));
      break;
    case 'delete':
    case 'forget':
    case 'none':
      break;
    default: {
      const unknown: never = resource.action;
      throw new Error(`Internal error: unknown action ${String(unknown)}. This is a bug in catalyst.`);
    }
  }
  return lines;
}

function riskSuffix(resource: ResourcePlan, style: Style): string {
  if (resource.action !== 'delete' || resource.codes.length === 0) return '';
  return `  ${style.warning(`# ${resource.codes.join(', ')} ${resource.risk}`)}`;
}

function renderDrift(drift: readonly DriftEntry[], style: Style): string[] {
  const lines = [style.strong('Changed in the CMS outside catalyst since the last sync (drift):'), ''];
  for (const entry of drift) {
    const label = `${KIND_LABEL[entry.kind]} ${entry.key}`;
    if (entry.change === 'deleted') {
      lines.push(`  ${style.remove('-')} ${label} was deleted in the CMS`);
      continue;
    }
    lines.push(`  ${style.update('~')} ${label}`, ...renderChanges(entry.changes, style, '      '));
  }
  return lines;
}

function renderConflicts(resources: readonly ResourcePlan[], style: Style): string[] {
  const lines = [style.strong('Conflicts (changed in YAML and in the CMS since the last sync):'), ''];
  for (const resource of resources) {
    lines.push(`  ${style.error('!')} ${KIND_LABEL[resource.kind]} ${resource.key}`);
    for (const conflict of resource.conflicts) {
      const where = conflict.path === '' ? '(whole resource)' : conflict.path;
      const resolution = conflict.resolution === 'unresolved' ? style.error('unresolved') : `resolved: ${conflict.resolution} wins`;
      lines.push(
        `      ${where}: last sync ${formatValue(conflict.base)}, YAML ${formatValue(conflict.desired)}, CMS ${formatValue(conflict.live)}  ${style.muted(`# ${resolution}`)}`,
      );
    }
  }
  return lines;
}

function renderUnmanaged(resources: readonly ResourcePlan[], style: Style): string[] {
  const lines = [style.strong('Not managed by catalyst (left alone):')];
  for (const kind of ['contentType', 'propertyGroup'] as const) {
    const other = resources.filter((resource) => resource.kind === kind && !resource.readOnly).map((resource) => resource.key);
    if (other.length > 0) lines.push(`  ${KIND_LABEL[kind]}s in the CMS only: ${other.join(', ')}  ${style.muted('(`catalyst import optimizely` adopts them)')}`);
  }
  const platform = resources.filter((resource) => resource.readOnly);
  if (platform.length > 0) {
    const types = platform.filter((resource) => resource.kind === 'contentType').length;
    const groups = platform.length - types;
    lines.push(style.muted(`  platform-owned, read-only: ${types} content type${types === 1 ? '' : 's'}, ${groups} property group${groups === 1 ? '' : 's'} (\`catalyst status --all\` lists them)`));
  }
  return lines;
}

function renderNotices(title: string, notices: readonly PlanNotice[], paint: (text: string) => string): string[] {
  const lines = [paint(`${title}:`)];
  for (const notice of notices) lines.push(`  ${paint(notice.code)} ${notice.summary}`, `    ${notice.detail}`);
  return lines;
}

/** Resources with an action; the steps may be more (a create's deferred references get a follow-up update). */
function actingCount(plan: Plan): number {
  return plan.resources.filter((resource) => resource.action !== 'none').length;
}

function renderTotal(plan: Plan, style: Style): string {
  const { actions, destructive } = plan.summary;
  const parts = [`${actions.create} to create`, `${actions.update} to update`, `${actions.delete} to delete`];
  const lockOnly = actions.adopt + actions.forget;
  if (lockOnly > 0) parts.push(`${lockOnly} lockfile-only`);
  const steps = plan.summary.steps !== actingCount(plan) ? ` in ${plan.summary.steps} steps` : '';
  let total = `${style.strong('Plan:')} ${parts.join(', ')}${steps}.`;
  if (destructive > 0) total += ` ${style.warning(`${destructive} destructive change${destructive === 1 ? '' : 's'} need${destructive === 1 ? 's' : ''} --allow-destructive.`)}`;
  if (!plan.applyable) total += ` ${style.error(`Blocked by ${plan.blockers.length} problem${plan.blockers.length === 1 ? '' : 's'}.`)}`;
  return total;
}
