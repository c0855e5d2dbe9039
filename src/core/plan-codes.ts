import type { NoticeCode } from './generated/plan.js';

/**
 * Stable codes of plan notices. Blockers make a plan not applyable; warnings do not. Codes are
 * never reused for another meaning (retired: PL108 "live-wins cannot resolve a conflict in push mode", PL109 "sync mode not supported yet"); the README documents them from this table.
 */
export const PLAN_NOTICE_CODES = {
  PL101: { severity: 'blocker', title: 'Conflicting edits: a member changed in YAML and in the CMS to different values' },
  PL102: { severity: 'blocker', title: 'Deleted in YAML but changed in the CMS since the last sync' },
  PL103: { severity: 'blocker', title: 'Exists on the target, not in the lockfile, and differs from YAML' },
  PL104: { severity: 'blocker', title: 'A read-only platform resource would be written' },
  PL105: { severity: 'blocker', title: 'An immutable member (key, baseType, isContract) would change' },
  PL106: { severity: 'blocker', title: 'Hard reference cycle among new types' },
  PL107: { severity: 'blocker', title: 'A desired type references a resource this plan deletes' },
  PL110: { severity: 'blocker', title: 'Duplicate key in the desired state' },
  PL111: { severity: 'warning', title: 'Hard reference cycle among deleted types' },
  PL112: { severity: 'warning', title: 'An unmanaged type uses a resource this plan deletes' },
  PL113: { severity: 'blocker', title: '`--only` names a key that no resource has' },
  PL114: { severity: 'warning', title: 'A partial plan (`--only`): for recovery, not routine use' },
  PL115: { severity: 'blocker', title: 'Deleted in the CMS but changed in YAML since the last sync' },
  PL116: { severity: 'blocker', title: 'Strategy desired-wins cannot resolve a conflict in pull mode' },
  PL117: { severity: 'blocker', title: 'A protected type would be deleted' },
  PL118: { severity: 'warning', title: 'A declared property rename, carried out one release at a time' },
  PL119: { severity: 'warning', title: 'A declared type rename: the old type stays until its content has moved' },
  PL120: { severity: 'warning', title: 'A property type change that may lose values, and the path that keeps them' },
  PL121: { severity: 'blocker', title: 'Two resources declare renamedFrom the same key' },
} as const satisfies Record<NoticeCode, { severity: 'blocker' | 'warning'; title: string }>;
