import type { Conflict, PlanNotice, ResourcePlan } from '../core/generated/plan.js';
import type { PropertyDef } from '../core/model.js';
import type { Plan } from '../core/plan.js';
import { formatMemberValue, formatPropertySummary } from './format-value.js';
import { revertsDrift } from './plan-lookups.js';
import { renderChanges } from './render-changes.js';
import { kindCounts, kindLabel, REPORT_ORDER } from './resource-labels.js';
import { kindOf } from '../core/resource-kinds.js';
import type { Style } from './style.js';
import { wrapText } from './wrap-text.js';
import { assertNever } from '../core/assert-never.js';

/** Said under drift the plan writes over; `changes` says where the view shows the plan's changes. */
export function revertNote(changes: 'The actions below' | 'The changes above'): string {
  return `${changes} undo these edits where the YAML differs. To keep a CMS edit, bring it into the YAML first.`;
}

/** The base side of a conflict on a resource the lockfile has no entry for. */
export const NEVER_SYNCED = '(not in the lockfile)';

/** Notice details are prose: wrapped to this many columns. */
export const TEXT_WIDTH = 100;

/** Owned resources changed in the CMS since the last sync, base → live. */
export function renderDrift(plan: Plan, style: Style): string[] {
  const lines = [style.strong('Note: changed in the CMS outside catalyst since the last sync (drift):'), ''];
  for (const entry of plan.drift) {
    const label = `${kindLabel(entry.kind)} ${entry.key}`;
    if (entry.change === 'deleted') {
      lines.push(`  ${style.remove('-')} ${label} was deleted in the CMS`);
      continue;
    }
    lines.push(`  ${style.update('~')} ${label}`, ...renderChanges(entry.changes, style, '      '));
  }
  if (revertsDrift(plan)) lines.push('', ...wrapText(revertNote('The actions below'), TEXT_WIDTH, ''));
  return lines;
}

/** Members changed on both sides: the three values and how the strategy resolved them. */
export function renderConflicts(resources: readonly ResourcePlan[], style: Style): string[] {
  const lines = [style.strong('Conflicts (YAML and the CMS disagree on these members):'), ''];
  for (const resource of resources) {
    lines.push(`  ${style.error('!')} ${kindLabel(resource.kind)} ${resource.key}`);
    for (const conflict of resource.conflicts) {
      const where = conflict.path === '' ? `(the whole ${kindLabel(resource.kind)})` : conflict.path;
      lines.push(`      ${where}  ${resolutionNote(conflict, style)}`);
      const base = resource.digests.base === undefined ? NEVER_SYNCED : conflictValue(conflict.path, 'base', conflict.base);
      const sides: Array<[string, string]> = [
        ['last sync', base],
        ['YAML', conflictValue(conflict.path, 'desired', conflict.desired)],
        ['CMS', conflictValue(conflict.path, 'live', conflict.live)],
      ];
      for (const [side, value] of sides) lines.push(`          ${`${side}:`.padEnd(10)} ${value}`);
      const { by, at } = conflict.cmsChange ?? {};
      if (by !== undefined || at !== undefined)
        lines.push(`          ${style.muted(`CMS side changed${by ? ` by ${by}` : ''}${at ? ` at ${at}` : ''}`)}`);
    }
  }
  return lines;
}

function resolutionNote(conflict: Conflict, style: Style): string {
  switch (conflict.resolution) {
    case 'unresolved':
      return style.error('# unresolved');
    case 'desired':
      return style.muted('# resolved: YAML wins');
    case 'live':
      return style.muted('# resolved: CMS wins');
    default:
      return assertNever(conflict.resolution, 'conflict resolution');
  }
}

export type ConflictSide = 'base' | 'desired' | 'live';

/**
 * One side of a conflict. A whole definition (path '') is only characterised: the drift section
 * shows how the CMS changed it.
 */
export function conflictValue(path: string, side: ConflictSide, value: unknown): string {
  if (value === undefined) return '(absent)';
  if (path === '') return WHOLE_DEFINITION[side];
  if (/^properties\.[^.]+$/.test(path) && typeof value === 'object' && value !== null) return formatPropertySummary(value as PropertyDef);
  return formatMemberValue(path, value);
}

const WHOLE_DEFINITION: Record<ConflictSide, string> = {
  base: '(recorded in the lockfile)',
  desired: '(present)',
  live: '(changed; see the drift above)',
};

/** Live resources catalyst does not manage: named when the user could adopt them, counted when the platform owns them. */
export function renderUnmanaged(resources: readonly ResourcePlan[], style: Style): string[] {
  const lines = [style.strong('Not managed by catalyst (left alone):')];
  for (const kind of REPORT_ORDER) {
    const other = resources.filter((resource) => resource.kind === kind && !resource.readOnly).map((resource) => resource.key);
    if (other.length > 0)
      lines.push(
        `  ${kindOf(kind).plural} in the CMS only: ${other.join(', ')}  ${style.muted('(`catalyst import optimizely` adopts them)')}`,
      );
  }
  const platform = resources.filter((resource) => resource.readOnly);
  if (platform.length > 0) {
    lines.push(style.muted(`  platform-owned, read-only: ${kindCounts(platform)} (\`catalyst status --all\` lists them)`));
  }
  return lines;
}

/** Blockers or warnings: the code and summary, then the detail wrapped below. */
export function renderNotices(title: string, notices: readonly PlanNotice[], paint: (text: string) => string): string[] {
  const lines = [paint(`${title}:`)];
  for (const notice of notices) lines.push('', `  ${paint(notice.code)} ${notice.summary}`, ...wrapText(notice.detail, TEXT_WIDTH, '    '));
  return lines;
}
