import type { ConflictStrategy } from './generated/plan.js';

/** Whether a key matches a pattern where `*` stands for any characters (possibly none). */
export function matchesKey(pattern: string, key: string): boolean {
  if (!pattern.includes('*')) return pattern === key;
  const parts = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(key);
}

/** A resource's strategy: an exact key first, then the first pattern that matches, else the default. */
export function strategyFor(
  key: string,
  fallback: ConflictStrategy,
  strategies: ReadonlyArray<readonly [string, ConflictStrategy]>,
): ConflictStrategy {
  const exact = strategies.find(([pattern]) => pattern === key);
  if (exact) return exact[1];
  return strategies.find(([pattern]) => matchesKey(pattern, key))?.[1] ?? fallback;
}

/** The members the CMS owns on a resource: those of every entry whose pattern matches its key. */
export function ownedMembers(key: string, cmsOwns: ReadonlyArray<readonly [string, readonly string[]]>): string[] {
  return [...new Set(cmsOwns.filter(([pattern]) => matchesKey(pattern, key)).flatMap(([, members]) => members))].sort();
}
