import { isMap, isScalar, visit, YAMLParseError, type Document } from 'yaml';

/**
 * The `DUPLICATE_KEY` errors `yaml`'s `uniqueKeys: true` reports (a scalar key repeated in one
 * mapping), and also keys that differ only in type (`1` and `"1"`), which become one key in
 * JavaScript, found in one pass over the document. `yaml` compares each key with
 * every earlier one, which makes a mapping of n members cost n² (minutes for a 5 MB file); this
 * keeps a set per mapping. Parse with `uniqueKeys: false` and add these to the document's errors.
 */
export function duplicateKeyErrors(document: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(document, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        // As the key will be in JavaScript: `1` and `"1"` (or `true` and `"true"`) are one key there, and one value would vanish.
        const value = String(pair.key.value);
        if (seen.has(value))
          errors.push(
            new YAMLParseError([pair.key.range?.[0] ?? 0, (pair.key.range?.[0] ?? 0) + 1], 'DUPLICATE_KEY', 'Map keys must be unique'),
          );
        seen.add(value);
      }
    },
  });
  return errors;
}
