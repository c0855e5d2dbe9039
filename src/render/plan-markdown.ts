import { assertNever } from '../core/assert-never.js';
import type { ResourcePlan } from '../core/generated/plan.js';
import type { Plan } from '../core/plan.js';
import { formatItemCount } from './format-value.js';
import { codeBlock, codeSpan, escapeHtml, escapeText } from './markdown-escape.js';
import { conflictsTable, driftSection, noticeItems, unmanagedLine } from './plan-markdown-sections.js';
import { blockerCodesOf, changesCms, deferredOf, deleteApprovalOf, planTotalParts, riskCodes } from './plan-lookups.js';
import { renderChanges, renderDefinition } from './render-changes.js';
import { actionPhrase, actionSymbol, kindLabel } from './resource-labels.js';
import { plainStyle } from './style.js';
import { TextBudget } from './text-budget.js';

export interface MarkdownOptions {
  /**
   * The most characters the comment should have. GitHub refuses comments over 65,536; the
   * default leaves room for what the Action adds around the plan.
   */
  budget?: number;
}

export const DEFAULT_MARKDOWN_BUDGET = 60_000;

/** Lines of one resource's change listing before the rest is left to the job log. */
const MAX_RESOURCE_LINES = 60;
/** Destructive changes named in the callout at the top; blockers listed in full. */
const MAX_CALLOUT_ITEMS = 20;
const MAX_BLOCKERS = 10;

const JOB_LOG = 'see the full plan in the job log';

/**
 * The plan as a pull request comment: what the plan will do and whether it can, first (the total,
 * a callout when it is blocked, destructive changes named one by one, a summary table, the
 * blockers), then a collapsible section per resource with its member changes as a diff, then
 * drift, conflicts, warnings and unmanaged resources. The top part is always shown; the rest
 * draws on `budget` characters and names what it leaves out. A view only: nothing is recomputed.
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const budget = new TextBudget(options.budget ?? DEFAULT_MARKDOWN_BUDGET);
  const top = [...header(plan), ...callouts(plan), summaryTable(plan), ...blockersSection(plan)].map((block) =>
    budget.spend(`${block}\n\n`),
  );
  // Sections draw on the budget in order of importance and are printed in reading order.
  const changes = changesSection(plan, budget);
  const conflicts = conflictsSection(plan, budget);
  const drift = driftSectionText(plan, budget);
  const warnings = warningsSection(plan, budget);
  const owned = ownedSection(plan, budget);
  const unmanaged = unmanagedSection(plan, budget);
  return `${[...top, ...changes, ...drift, ...conflicts, ...warnings, ...owned, ...unmanaged].join('').trimEnd()}\n`;
}

/** The note for what a section leaves out: `_3 more resources not shown; see the full plan in the job log._` */
function notShown(noun: string, wrap: (note: string) => string): (count: number) => string {
  return (count) => wrap(`${count} more ${noun}${count === 1 ? '' : 's'} not shown; ${JOB_LOG}`);
}

function changesSection(plan: Plan, budget: TextBudget): string[] {
  const changing = plan.resources.filter(changesCms);
  const toYaml = plan.resources.filter((resource) => resource.toYaml !== undefined);
  const out: string[] = [];
  if (changing.length > 0) {
    const blocks = changing.map((resource) => `${resourceDetails(plan, resource)}\n\n`);
    out.push(
      budget.spend('#### Changes\n\n'),
      ...budget.takeWhole(
        blocks,
        notShown('resource', (note) => `_${note}._\n\n`),
      ),
    );
  }
  if (toYaml.length > 0) {
    const blocks = toYaml.map((resource) => `${yamlDetails(resource)}\n\n`);
    out.push(
      budget.spend('#### Changes to the YAML\n\n'),
      ...budget.takeWhole(
        blocks,
        notShown('resource', (note) => `_${note}._\n\n`),
      ),
    );
  }
  return out;
}

/** What the YAML gets for one resource: written, created or removed, with its member changes. */
function yamlDetails(resource: ResourcePlan): string {
  const change = resource.toYaml!;
  const symbol = { write: '~', create: '+', remove: '-' }[change.action];
  const origin = resource.origin ? ` ${codeSpan(`${resource.origin.file}:${resource.origin.line}`)}` : '';
  const parts = [
    `<details><summary><code>${symbol}</code> ${kindLabel(resource.kind)} <b>${escapeHtml(resource.key)}</b> (YAML)</summary>`,
    `${escapeText(change.reason)}${origin}`,
  ];
  const lines =
    change.action === 'write'
      ? renderChanges(change.changes, plainStyle, '')
      : change.action === 'create' && change.after
        ? renderDefinition(change.after, plainStyle, '').map((line) => `+ ${line}`)
        : [];
  if (lines.length > 0) parts.push(codeBlock('diff', lines.slice(0, MAX_RESOURCE_LINES)));
  parts.push('</details>');
  return parts.join('\n\n');
}

function conflictsSection(plan: Plan, budget: TextBudget): string[] {
  const conflicted = plan.resources.filter((resource) => resource.conflicts.length > 0);
  if (conflicted.length === 0) return [];
  const { head, rows } = conflictsTable(conflicted);
  const open = budget.spend(`#### Conflicts\n\n${head}\n`);
  const close = budget.spend('\n');
  return [
    open,
    ...budget.takeWhole(
      rows.map((row) => `${row}\n`),
      notShown('conflict', (note) => `\n_${note}._\n`),
    ),
    close,
  ];
}

function driftSectionText(plan: Plan, budget: TextBudget): string[] {
  if (plan.drift.length === 0) return [];
  const { intro, fence, entries } = driftSection(plan);
  const open = budget.spend(`#### Drift: changed in the CMS outside catalyst since the last sync\n\n${intro}${fence}diff\n`);
  const close = budget.spend(`${fence}\n\n`);
  return [
    open,
    ...budget.takeWhole(
      entries,
      notShown('drifted resource', (note) => `# ${note}\n`),
    ),
    close,
  ];
}

function warningsSection(plan: Plan, budget: TextBudget): string[] {
  if (plan.warnings.length === 0) return [];
  const open = budget.spend('#### Warnings\n\n');
  const close = budget.spend('\n');
  return [
    open,
    ...budget.takeWhole(
      noticeItems(plan.warnings).map((item) => `${item}\n`),
      notShown('warning', (note) => `- _${note}._\n`),
    ),
    close,
  ];
}

function ownedSection(plan: Plan, budget: TextBudget): string[] {
  const owned = plan.resources.filter((resource) => (resource.ownedByCms ?? []).length > 0);
  if (owned.length === 0) return [];
  const lines = owned.map(
    (resource) => `- ${kindLabel(resource.kind)} ${codeSpan(resource.key)}: ${resource.ownedByCms!.map(codeSpan).join(', ')}`,
  );
  return budget.takeWhole([`#### Owned by the CMS (not sent)\n\n${lines.join('\n')}\n\n`], () => '');
}

function unmanagedSection(plan: Plan, budget: TextBudget): string[] {
  const unmanaged = plan.resources.filter((resource) => resource.status === 'unmanaged');
  if (unmanaged.length === 0) return [];
  return budget.takeWhole([`#### Not managed by catalyst\n\n${unmanagedLine(unmanaged)}\n\n`], () => '');
}

function header(plan: Plan): string[] {
  const blocks = [
    `### catalyst plan for ${codeSpan(plan.target.name)}`,
    `${escapeText(plan.target.description)} · mode ${codeSpan(plan.mode)} · conflict strategy ${codeSpan(plan.strategy)}`,
  ];
  const changing = plan.resources.some((resource) => resource.action !== 'none');
  blocks.push(changing ? `**${total(plan)}**` : '**No changes.** The CMS matches the YAML and the lockfile.');
  return blocks;
}

function total(plan: Plan): string {
  return `Plan: ${planTotalParts(plan).join(', ')}.`;
}

function callouts(plan: Plan): string[] {
  const blocks: string[] = [];
  if (!plan.applyable) {
    const count = plan.blockers.length;
    blocks.push(
      `> [!IMPORTANT]\n> **This plan cannot be applied.** Resolve the ${count === 1 ? 'problem' : `${count} problems`} under _Blockers_ below, then plan again.`,
    );
  }
  const approvals = plan.requiresApproval;
  if (approvals.length > 0) {
    const lines = [
      '> [!CAUTION]',
      `> **${approvals.length} destructive change${approvals.length === 1 ? '' : 's'}** can lose content; \`catalyst apply\` makes ${approvals.length === 1 ? 'it' : 'them'} only with \`--allow-destructive\`:`,
      ...approvals.slice(0, MAX_CALLOUT_ITEMS).map((item, index, shown) => {
        const where = item.path === '' ? '' : `, ${codeSpan(item.path)}`;
        // A type's item count is said once, on its first destructive change.
        const first = shown.findIndex((other) => other.kind === item.kind && other.key === item.key) === index;
        const count = first
          ? plan.resources.find((resource) => resource.kind === item.kind && resource.key === item.key)?.contentItems
          : undefined;
        const items = count === undefined ? '' : ` (${formatItemCount(count)})`;
        return `> - ${codeSpan(item.code)} ${kindLabel(item.kind)} ${codeSpan(item.key)}${where}: ${escapeText(item.reason)}${items}`;
      }),
    ];
    if (approvals.length > MAX_CALLOUT_ITEMS) lines.push(`> - _and ${approvals.length - MAX_CALLOUT_ITEMS} more; ${JOB_LOG}._`);
    blocks.push(lines.join('\n'));
  }
  return blocks;
}

function summaryTable(plan: Plan): string {
  const { actions, statuses, drifted, conflicts, destructive } = plan.summary;
  const unchanged = plan.resources.filter((resource) => resource.action === 'none' && resource.status !== 'unmanaged').length;
  const columns: Array<[string, number]> = [
    ['Create', actions.create],
    ['Update', actions.update],
    ['Delete', actions.delete],
    ['Lockfile only', actions.adopt + actions.forget],
    ['Unchanged', unchanged],
    ['Unmanaged', statuses.unmanaged],
    ['Drifted', drifted],
    ['Unresolved conflicts', conflicts],
    ['Destructive', destructive],
  ];
  return [
    `| ${columns.map(([name]) => name).join(' | ')} |`,
    `| ${columns.map(() => '---:').join(' | ')} |`,
    `| ${columns.map(([, count]) => count).join(' | ')} |`,
  ].join('\n');
}

function blockersSection(plan: Plan): string[] {
  if (plan.blockers.length === 0) return [];
  const items = noticeItems(plan.blockers.slice(0, MAX_BLOCKERS));
  const more = plan.blockers.length - MAX_BLOCKERS;
  if (more > 0) items.push(`- _${more} more blocker${more === 1 ? '' : 's'} not shown; ${JOB_LOG}._`);
  return ['#### Blockers', items.join('\n')];
}

function resourceDetails(plan: Plan, resource: ResourcePlan): string {
  const label = `${kindLabel(resource.kind)} <b>${escapeHtml(resource.key)}</b>`;
  const facts = [
    `<code>${escapeHtml(actionSymbol(resource.action, plainStyle))}</code> ${label} ${escapeHtml(actionPhrase(resource.action))}`,
  ];
  if (resource.risk !== 'safe')
    facts.push(escapeHtml(resource.action === 'update' ? riskCodes(resource) : `${resource.risk} (${resource.codes.join(', ')})`));
  const blockedBy = blockerCodesOf(plan, resource);
  if (blockedBy.length > 0) facts.push(`<b>blocked</b> (${blockedBy.join(', ')})`);
  const origin = resource.origin ? ` ${codeSpan(`${resource.origin.file}:${resource.origin.line}`)}` : '';
  const parts = [`<details><summary>${facts.join(' · ')}</summary>`, `${escapeText(resource.reason)}${origin}`];
  const lines = diffLines(plan, resource);
  if (lines.length > 0) {
    const shown =
      lines.length > MAX_RESOURCE_LINES
        ? [...lines.slice(0, MAX_RESOURCE_LINES - 1), `# … ${lines.length - MAX_RESOURCE_LINES + 1} more lines; ${JOB_LOG}`]
        : lines;
    parts.push(codeBlock('diff', shown));
  }
  parts.push('</details>');
  return parts.join('\n\n');
}

/** The body of a resource as diff lines: `+` for what is created, `-` for what is deleted, the member changes of an update. */
function diffLines(plan: Plan, resource: ResourcePlan): string[] {
  switch (resource.action) {
    case 'create': {
      const lines = resource.after ? renderDefinition(resource.after, plainStyle, '').map((line) => `+ ${line}`) : [];
      for (const { path, target } of deferredOf(plan, resource))
        lines.push(`# ${path} → ${target}: set by a follow-up update after the creates (reference cycle)`);
      return lines;
    }
    case 'update':
      return renderChanges(resource.changes, plainStyle, '');
    case 'delete': {
      const approval = deleteApprovalOf(plan, resource);
      const lines = approval ? [`# ${approval.code} destructive: ${approval.reason}`] : [];
      lines.push(...renderDefinition(resource.before, plainStyle, '').map((line) => `- ${line}`));
      return lines;
    }
    case 'adopt':
    case 'forget':
    case 'none':
      return [];
    default:
      return assertNever(resource, 'plan entry');
  }
}
