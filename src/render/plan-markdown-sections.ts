import type { Conflict, PlanNotice, ResourcePlan } from '../core/generated/plan.js';
import type { Plan } from '../core/plan.js';
import { codeSpan, escapeText, fenceFor, tableCell } from './markdown-escape.js';
import { renderChanges } from './render-changes.js';
import { revertsDrift } from './plan-lookups.js';
import { conflictValue, NEVER_SYNCED, revertNote, type ConflictSide } from './plan-text-sections.js';
import { kindCounts, kindLabel, REPORT_ORDER } from './resource-labels.js';
import { kindOf } from '../core/resource-kinds.js';
import { plainStyle } from './style.js';
import { assertNever } from '../core/assert-never.js';

/** Longest value shown in a table cell; the job log and the JSON plan have the rest. */
const MAX_CELL = 80;
/** Unmanaged keys named before the rest are counted. */
const MAX_NAMES = 20;

/**
 * Drift as one diff block: an entry per resource (a `#` line naming it, then its changes base →
 * live), the fence long enough for all of them; and a sentence on what the plan does about it.
 */
export function driftSection(plan: Plan): { intro: string; fence: string; entries: string[] } {
  const intro = revertsDrift(plan) ? `${revertNote('The changes above')}\n\n` : '';
  const entries = plan.drift.map((entry, index) => {
    const label = `${kindLabel(entry.kind)} ${entry.key}`;
    const lines =
      entry.change === 'deleted' ? [`- ${label} was deleted in the CMS`] : [`# ${label}`, ...renderChanges(entry.changes, plainStyle, '')];
    return `${index === 0 ? '' : '\n'}${lines.join('\n')}\n`;
  });
  return { intro, fence: fenceFor(entries.join('')), entries };
}

/** Conflicts as a table: the three values of each member and how the strategy resolved it. */
export function conflictsTable(resources: readonly ResourcePlan[]): { head: string; rows: string[] } {
  const head = '| Resource | Member | Last sync | YAML | CMS | Resolution |\n| --- | --- | --- | --- | --- | --- |';
  const rows = resources.flatMap((resource) =>
    resource.conflicts.map((conflict) => {
      const member = conflict.path === '' ? `(the whole ${kindLabel(resource.kind)})` : codeSpan(conflict.path);
      const cells = [
        `${kindLabel(resource.kind)} ${codeSpan(resource.key)}`,
        member,
        resource.digests.base === undefined ? `_${NEVER_SYNCED}_` : cell(conflict.path, 'base', conflict.base),
        cell(conflict.path, 'desired', conflict.desired),
        `${cell(conflict.path, 'live', conflict.live)}${changedBy(conflict)}`,
        resolution(conflict),
      ];
      return `| ${cells.map(tableCell).join(' | ')} |`;
    }),
  );
  return { head, rows };
}

/** ` (by editor@example.com, 2026-03-01T10:00:00Z)`: who changed the CMS side, when the CMS says. */
function changedBy(conflict: Conflict): string {
  const { by, at } = conflict.cmsChange ?? {};
  const parts = [by, at].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? ` (${parts.map((part) => escapeText(part)).join(', ')})` : '';
}

function cell(path: string, side: ConflictSide, value: unknown): string {
  const text = conflictValue(path, side, value);
  if (value === undefined || path === '') return `_${text}_`;
  return codeSpan(text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text);
}

function resolution(conflict: Conflict): string {
  switch (conflict.resolution) {
    case 'unresolved':
      return '**unresolved**';
    case 'desired':
      return 'YAML wins';
    case 'live':
      return 'CMS wins';
    default:
      return assertNever(conflict.resolution, 'conflict resolution');
  }
}

/** Blockers or warnings as list items: the code and summary in bold, the detail after a break. */
export function noticeItems(notices: readonly PlanNotice[]): string[] {
  return notices.map((notice) => `- **${notice.code}** ${escapeText(notice.summary)}<br>${escapeText(notice.detail)}`);
}

/** One paragraph: the live resources a user could adopt, by name; the platform's own, counted. */
export function unmanagedLine(resources: readonly ResourcePlan[]): string {
  const sentences: string[] = [];
  for (const kind of REPORT_ORDER) {
    const keys = resources.filter((resource) => resource.kind === kind && !resource.readOnly).map((resource) => resource.key);
    if (keys.length === 0) continue;
    const named = keys.slice(0, MAX_NAMES).map(codeSpan).join(', ');
    const more = keys.length > MAX_NAMES ? ` and ${keys.length - MAX_NAMES} more` : '';
    sentences.push(`${capitalize(kindOf(kind).plural)} in the CMS only: ${named}${more} (\`catalyst import optimizely\` adopts them).`);
  }
  const platform = resources.filter((resource) => resource.readOnly);
  if (platform.length > 0) {
    sentences.push(`Platform-owned, read-only: ${kindCounts(platform)}.`);
  }
  return sentences.join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
