import { parseDocument, type Document, type LineCounter } from 'yaml';
import { duplicateKeyErrors } from './duplicate-keys.js';

/**
 * `yaml`'s parseDocument as catalyst reads every YAML file: positions through `lineCounter`, plain
 * error messages, and a key repeated in one mapping reported as `DUPLICATE_KEY` in linear time
 * (`duplicateKeyErrors`) rather than by `uniqueKeys`, which is quadratic in a mapping's size.
 */
export function parseYamlDocument(text: string, lineCounter: LineCounter, options: { merge?: boolean } = {}): Document {
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, merge: options.merge ?? false });
  document.errors.push(...duplicateKeyErrors(document));
  return document;
}
