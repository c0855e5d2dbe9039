import { assertNever } from '../core/assert-never.js';
import type { ResourcePlan } from '../core/generated/plan.js';
import { hasChanges, type Plan } from '../core/plan.js';
import { bumpOf } from '../core/semantic-version.js';
import { kindOf } from '../core/resource-kinds.js';
import { formatItemCount } from './format-value.js';
import { blockerCodesOf, changesCms, deferredOf, deleteApprovalOf, planTotalParts, riskCodes } from './plan-lookups.js';
import { renderConflicts, renderDrift, renderNotices, renderUnmanaged } from './plan-text-sections.js';
import { renderChanges, renderDefinition } from './render-changes.js';
import { ACTION_ORDER, actionName, actionPhrase, actionSymbol, kindLabel } from './resource-labels.js';
import type { Style } from './style.js';

/**
 * The plan for people, in the style of `terraform plan`: drift first (what changed in the CMS
 * behind catalyst's back), then the actions by resource with a symbol, a reason and every member
 * change (risky ones with their code and why), then conflicts, unmanaged resources, warnings and
 * blockers, and a one-line total. A view only: everything shown is read from the plan.
 */
export function renderPlanText(plan: Plan, style: Style): string {
  const out: string[] = [
    `Target: ${style.strong(plan.target.name)} (${plan.target.description})`,
    `Mode: ${plan.mode}, conflict strategy ${plan.strategy}`,
    '',
  ];
  if (plan.drift.length > 0) out.push(...renderDrift(plan, style), '');
  const changing = plan.resources.filter(changesCms);
  const toYaml = plan.resources.filter((resource) => resource.toYaml !== undefined);
  const protection = plan.protection ?? [];
  if (changing.length === 0 && toYaml.length === 0 && protection.length === 0) {
    out.push(`${style.create('No changes.')} The CMS matches the YAML and the lockfile.`, '');
  } else if (changing.length > 0) {
    out.push(...renderLegend(changing, style), '', 'catalyst will perform the following actions:', '');
    for (const resource of changing) out.push(...renderResource(plan, resource, style), '');
  }
  if (toYaml.length > 0) {
    out.push('catalyst will write these changes into the YAML (before the CMS):', '');
    for (const resource of toYaml) out.push(...renderYamlChange(resource, style), '');
  }
  if (protection.length > 0) {
    out.push('catalyst will record these protection changes in the lockfile (nothing is sent to the CMS):');
    for (const change of protection)
      out.push(
        `  ${kindLabel(change.kind)} ${change.key}: ${change.protect ? 'protected (a plan that deletes it is blocked)' : 'no longer protected'}`,
      );
    out.push('');
  }
  const conflicted = plan.resources.filter((resource) => resource.conflicts.length > 0);
  if (conflicted.length > 0) out.push(...renderConflicts(conflicted, style), '');
  const owned = plan.resources.filter((resource) => (resource.ownedByCms ?? []).length > 0);
  if (owned.length > 0) {
    out.push('Owned by the CMS (config `cmsOwns`): the YAML says otherwise, and catalyst never sends these:');
    for (const resource of owned) out.push(`  ${kindLabel(resource.kind)} ${resource.key}: ${resource.ownedByCms!.join(', ')}`);
    out.push('');
  }
  const unmanaged = plan.resources.filter((resource) => resource.status === 'unmanaged');
  if (unmanaged.length > 0) out.push(...renderUnmanaged(unmanaged, style), '');
  if (plan.warnings.length > 0) out.push(...renderNotices('Warnings', plan.warnings, style.warning), '');
  if (plan.blockers.length > 0) out.push(...renderNotices('This plan cannot be applied', plan.blockers, style.error), '');
  if (hasChanges(plan) || !plan.applyable) out.push(renderTotal(plan, style));
  return `${out.join('\n').trimEnd()}\n`;
}

function renderLegend(changing: readonly ResourcePlan[], style: Style): string[] {
  const used = ACTION_ORDER.filter((action) => changing.some((resource) => resource.action === action));
  return [
    'Resource actions are indicated with the following symbols:',
    ...used.map((action) => `  ${actionSymbol(action, style)} ${actionName(action)}`),
  ];
}

function renderResource(plan: Plan, resource: ResourcePlan, style: Style): string[] {
  const label = `${kindLabel(resource.kind)} ${resource.key}`;
  const blockedBy = blockerCodesOf(plan, resource);
  const blocked = blockedBy.length > 0 ? style.error(`, but is blocked (${blockedBy.join(', ')})`) : '';
  const origin = resource.origin ? style.muted(`  (${resource.origin.file}:${resource.origin.line})`) : '';
  const bump = kindOf(resource.kind).versioned && resource.action === 'update' ? ` (${bumpOf(resource.changes)} version bump)` : '';
  const lines = [
    `  ${style.muted(`# ${label} ${actionPhrase(resource.action)}${bump}`)}${blocked}`,
    `  ${style.muted(`# ${resource.reason}`)}`,
    `  ${actionSymbol(resource.action, style)} ${style.strong(label)}${origin}${riskSummary(resource, style)}`,
  ];
  const body = '      ';
  if (resource.contentItems !== undefined) {
    const paint = resource.contentItems === 0 ? style.muted : style.error;
    lines.push(`${body}${paint(`# ${formatItemCount(resource.contentItems)}`)}`);
  }
  switch (resource.action) {
    case 'create':
      if (resource.after) lines.push(...renderDefinition(resource.after, style, body));
      for (const { path, target } of deferredOf(plan, resource)) {
        lines.push(`${body}${style.muted(`# ${path} → ${target}: set by a follow-up update after the creates (reference cycle)`)}`);
      }
      break;
    case 'update':
      lines.push(...renderChanges(resource.changes, style, body));
      break;
    case 'delete': {
      const approval = deleteApprovalOf(plan, resource);
      if (approval) lines.push(`${body}${style.error(`# ${approval.code} destructive: ${approval.reason}`)}`);
      lines.push(...renderDefinition(resource.before, style, body));
      break;
    }
    case 'adopt':
    case 'forget':
    case 'none':
      break;
    default:
      return assertNever(resource, 'plan entry');
  }
  return lines;
}

function renderYamlChange(resource: ResourcePlan, style: Style): string[] {
  const change = resource.toYaml!;
  const label = `${kindLabel(resource.kind)} ${resource.key}`;
  const origin = resource.origin ? style.muted(`  (${resource.origin.file}:${resource.origin.line})`) : '';
  const symbol = { write: style.update('~'), create: style.create('+'), remove: style.remove('-') }[change.action];
  const lines = [`  ${style.muted(`# ${change.reason}`)}`, `  ${symbol} ${style.strong(label)}${origin}`];
  const body = '      ';
  if (change.action === 'write') lines.push(...renderChanges(change.changes, style, body));
  if (change.action === 'create' && change.after) lines.push(...renderDefinition(change.after, style, body));
  return lines;
}

/** For an update with risky changes: `# destructive (DS102), breaking (BC102, BC103)`. A delete states its risk on a line of its own. */
function riskSummary(resource: ResourcePlan, style: Style): string {
  if (resource.action !== 'update' || resource.risk === 'safe') return '';
  const paint = resource.risk === 'destructive' ? style.error : style.warning;
  return `  ${paint(`# ${riskCodes(resource)}`)}`;
}

function renderTotal(plan: Plan, style: Style): string {
  const { destructive } = plan.summary;
  let total = `${style.strong('Plan:')} ${planTotalParts(plan).join(', ')}.`;
  if (destructive > 0)
    total += ` ${style.error(`${destructive} destructive change${destructive === 1 ? '' : 's'} need${destructive === 1 ? 's' : ''} --allow-destructive.`)}`;
  if (!plan.applyable) total += ` ${style.error(`Blocked by ${plan.blockers.length} problem${plan.blockers.length === 1 ? '' : 's'}.`)}`;
  return total;
}
