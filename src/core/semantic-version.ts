import type { ClassifiedChange } from './generated/plan.js';

export type Bump = 'major' | 'minor' | 'patch';

/** A content type's first version, when catalyst creates or first records it. */
export const FIRST_VERSION = '1.0.0';

/**
 * The bump a change set earns: breaking or destructive → major (content may become invalid or be
 * lost), additive (a property or a member added) → minor, anything else (names, descriptions,
 * order) → patch.
 */
export function bumpOf(changes: readonly Pick<ClassifiedChange, 'risk' | 'op'>[]): Bump {
  if (changes.some((change) => change.risk !== 'safe')) return 'major';
  if (changes.some((change) => change.op === 'add')) return 'minor';
  return 'patch';
}

/** `previous` bumped; a missing or unreadable previous version starts from FIRST_VERSION. */
export function nextVersion(previous: string | undefined, bump: Bump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(previous ?? '');
  if (!match) return FIRST_VERSION;
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
