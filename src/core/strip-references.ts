import { isPlainObject } from './definition-shape.js';
import type { Definition } from './model.js';
import { InternalError } from './internal-error.js';

/** A soft reference left out of a create because it closes a cycle; an update adds it afterwards. */
export interface DeferredReference {
  /** Where the reference is written: "mayContainTypes", "properties.blocks.items.allowedTypes", … */
  path: string;
  /** The type key the entry names. */
  target: string;
}

/**
 * The definition without the given entries of its set-like reference lists. A list left empty
 * is removed, as normalization would. The input is not modified.
 */
export function stripReferences<T extends Definition>(def: T, references: readonly DeferredReference[]): T {
  if (references.length === 0) return def;
  const copy = structuredClone(def);
  for (const { path, target } of references) {
    const segments = path.split('.');
    const member = segments.pop();
    let container: unknown = copy;
    for (const segment of segments) container = isPlainObject(container) ? container[segment] : undefined;
    if (!member || !isPlainObject(container)) {
      throw new InternalError(`deferred reference at "${path}" does not exist in "${def.key}"`);
    }
    const list = container[member];
    const remaining = Array.isArray(list) ? list.filter((entry) => entry !== target) : [];
    if (remaining.length > 0) container[member] = remaining;
    else delete container[member];
  }
  return copy;
}
