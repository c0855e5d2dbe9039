import type { ChangeOp, ResourceAction, Risk } from '../../core/generated/plan.js';

/** Each action's symbol, word and colour class: colour is never the only signal. */
export const ACTIONS: Readonly<Record<ResourceAction, { symbol: string; title: string; tone: string }>> = {
  create: { symbol: '+', title: 'Create', tone: 'create' },
  update: { symbol: '~', title: 'Update', tone: 'update' },
  delete: { symbol: '−', title: 'Delete', tone: 'delete' },
  adopt: { symbol: '=', title: 'Record in the lockfile', tone: 'muted' },
  forget: { symbol: '×', title: 'Forget (lockfile only)', tone: 'muted' },
  none: { symbol: '·', title: 'Write into the YAML only', tone: 'muted' },
};

export const RISKS: Readonly<Record<Risk, { symbol: string; tone: string }>> = {
  safe: { symbol: '✓', tone: 'create' },
  breaking: { symbol: '⚠', tone: 'update' },
  destructive: { symbol: '−', tone: 'delete' },
};

export const CHANGE_OPS: Readonly<Record<ChangeOp, { symbol: string; tone: string; word: string }>> = {
  add: { symbol: '+', tone: 'create', word: 'added' },
  change: { symbol: '~', tone: 'update', word: 'changed' },
  remove: { symbol: '−', tone: 'delete', word: 'removed' },
};

export const CONFLICT = { symbol: '!', tone: 'conflict' } as const;

/** A value as the plan shows it: JSON, shortened when long. */
export function shown(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
