import type { ApplyResult, StepEvent } from '../engine/apply-plan.js';
import { kindLabel } from '../render/resource-labels.js';
import type { Style } from '../render/style.js';
import { renderError } from './render-error.js';

const VERB = { create: 'Created', update: 'Updated', delete: 'Deleted', adopt: 'Adopted', forget: 'Forgot' } as const;
const PRESENT = { create: 'Creating', update: 'Updating', delete: 'Deleting', adopt: 'Adopting', forget: 'Forgetting' } as const;

export function stepStartLine(event: Extract<StepEvent, { type: 'start' }>): string {
  return `[${event.index + 1}/${event.total}] ${PRESENT[event.step.action]} ${kindLabel(event.step.kind)} ${event.step.key}…`;
}

export function stepDoneLine(event: Extract<StepEvent, { type: 'done' }>, style: Style): string {
  return `[${event.index + 1}/${event.total}] ${style.create(VERB[event.step.action])} ${kindLabel(event.step.kind)} ${event.step.key}`;
}

/** The closing summary of an apply, Terraform style, or what failed and what to do. */
export function renderApplyResult(result: ApplyResult, style: Style): string {
  const count = (action: keyof typeof VERB) => result.completed.filter((outcome) => outcome.action === action).length;
  const totals = `${count('create')} created, ${count('update')} updated, ${count('delete')} deleted`;
  const lockOnly = count('adopt') + count('forget');
  const lockNote = lockOnly > 0 ? `, ${lockOnly} lockfile-only` : '';
  if (result.interrupted) {
    return (
      `\n${style.warning('Apply interrupted')} before step ${result.completed.length + 1}. Done: ${totals}${lockNote}; ${result.skipped.length} step${result.skipped.length === 1 ? '' : 's'} not run.\n` +
      'The lockfile records every completed step. Run `catalyst plan` to see what is left, then apply again.\n'
    );
  }
  if (!result.failed) return `\n${style.create('Apply complete!')} Resources: ${totals}${lockNote}.\n`;
  const { step, error } = result.failed;
  const others = result.alsoFailed ?? [];
  const alsoLine =
    others.length === 0
      ? ''
      : `The same batch also failed for: ${listed(others.map((other) => `${other.step.action} ${kindLabel(other.step.kind)} ${other.step.key}`))}.\n`;
  return (
    `\n${style.error('Apply failed')} at ${step.action} ${kindLabel(step.kind)} ${step.key}. Done: ${totals}${lockNote}; ` +
    `${result.skipped.length} step${result.skipped.length === 1 ? '' : 's'} not run.\n${alsoLine}` +
    `The lockfile records every completed step. Fix the problem, then run \`catalyst plan\` again: the new plan picks up where this one stopped.\n\n${renderError(error, style)}` +
    others
      .slice(0, SHOWN_ERRORS)
      .map((other) => `\n${renderError(other.error, style)}`)
      .join('') +
    (others.length > SHOWN_ERRORS ? `\n(${others.length - SHOWN_ERRORS} more errors like these not shown.)\n` : '')
  );
}

/** Errors of a failed batch shown in full beyond the first. */
const SHOWN_ERRORS = 4;

function listed(items: string[]): string {
  return items.length <= 20 ? items.join(', ') : `${items.slice(0, 20).join(', ')} and ${items.length - 20} more`;
}
