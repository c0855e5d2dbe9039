import { sortKeys } from './canonical-json.js';
import type { Definition } from './model.js';

/**
 * `def` with the member at `path` (dotted, as plan changes and conflicts name it) taken from
 * `from`: set to its value there, or removed when `from` lacks it. The empty path takes the whole
 * definition. Canonical in, canonical out.
 */
export function takeMember<T extends Definition>(def: T, path: string, from: T | undefined): T | undefined {
  if (path === '') return from;
  const segments = path.split('.');
  const result = structuredClone(def) as Record<string, unknown>;
  let source: unknown = from;
  let target: Record<string, unknown> = result;
  for (const [index, segment] of segments.entries()) {
    source = isRecord(source) ? source[segment] : undefined;
    if (index === segments.length - 1) {
      if (source === undefined) delete target[segment];
      else target[segment] = structuredClone(source);
      break;
    }
    const next = target[segment];
    if (!isRecord(next)) {
      if (source === undefined) break;
      target[segment] = {};
    }
    target = target[segment] as Record<string, unknown>;
  }
  return sortKeys(result) as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
