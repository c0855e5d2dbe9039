import type { ApprovalItem } from './generated/plan.js';

/**
 * What the user approved of a plan's destructive changes: all of them (`--allow-destructive`),
 * none, or exactly the listed ones (`--allow-destructive=Type,Type.property`): a key approves
 * every destructive change to that resource, `key.path` the one change at that path.
 */
export type Approval = boolean | readonly string[];

/** The name under which an approval item is approved, as the plan and the errors show it. */
export function approvalName(item: Pick<ApprovalItem, 'key' | 'path'>): string {
  return item.path ? `${item.key}.${item.path}` : item.key;
}

/** The items `approval` does not cover. */
export function unapproved(items: readonly ApprovalItem[], approval: Approval): ApprovalItem[] {
  if (approval === true) return [];
  if (approval === false) return [...items];
  const named = new Set(approval);
  return items.filter((item) => !named.has(item.key) && !named.has(approvalName(item)));
}

/**
 * The approval a flag value gives: absent → none; present without a value → all; a list (comma
 * separated, repeatable) → exactly those.
 */
export function approvalFromFlag(value: string | readonly string[] | boolean | undefined): Approval {
  if (value === undefined || value === false) return false;
  if (value === true) return true;
  const names = (typeof value === 'string' ? [value] : value).flatMap((part) => part.split(',')).map((part) => part.trim());
  return names.every((name) => name === '') ? true : names.filter((name) => name !== '');
}
