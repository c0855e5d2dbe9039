/**
 * Canonical JSON: object members sorted by key (code-unit order), no insignificant whitespace,
 * `undefined` members omitted. Equal values give equal text; it is the input of `digest`.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** The same value with every object's members in sorted order, `undefined` members removed. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item) => sortKeys(item)) as T;
  }
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) {
        sorted[key] = sortKeys(member);
      }
    }
    return sorted as T;
  }
  return value;
}
