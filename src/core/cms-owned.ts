import { deepEqual } from './deep-equal.js';
import type { Definition } from './model.js';
import { takeMember } from './take-member.js';

/**
 * The member paths an ownership list names on `def` and `live`: a path as written, or with
 * `properties.*.` expanded to every property both sides have (a property only one side has is
 * not an owned member's question: it is added or removed as a whole).
 */
export function ownedPaths(owned: readonly string[], def: Definition, live: Definition): string[] {
  const properties = (value: Definition) => Object.keys((value as { properties?: Record<string, unknown> }).properties ?? {});
  const shared = properties(def).filter((key) => properties(live).includes(key));
  return owned.flatMap((path) => (path.startsWith('properties.*.') ? shared.map((key) => `properties.${key}.${path.slice(13)}`) : [path]));
}

/** `def` with every member the CMS owns taken from `live`. */
export function withCmsOwned<T extends Definition>(def: T, live: T, owned: readonly string[]): T {
  let result = def;
  for (const path of ownedPaths(owned, def, live)) result = takeMember(result, path, live) ?? result;
  return result;
}

/** The owned members where `def` differs from `live`: the YAML values catalyst leaves unsent. */
export function ownedDifferences(def: Definition, live: Definition, owned: readonly string[]): string[] {
  const at = (value: unknown, path: string) =>
    path.split('.').reduce<unknown>((current, segment) => (current as Record<string, unknown> | undefined)?.[segment], value);
  return ownedPaths(owned, def, live).filter((path) => !deepEqual(at(def, path), at(live, path)));
}
