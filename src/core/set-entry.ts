/**
 * `record[key] = value`, also for the key `__proto__`: assigning that one would set the object's
 * prototype and the entry would vanish from the map. Every map built from keys catalyst did not
 * choose (a CMS, a file) is filled through this.
 */
export function setEntry<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
