import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { SourceLocation } from '../../core/model.js';

export type PathSegments = ReadonlyArray<string | number>;

/**
 * Maps paths inside one parsed YAML (or JSON) document to `file:line:column`.
 *
 * A path is dotted (`properties.title.type`) or a list of segments. A segment names a mapping
 * member; in a list it is an index, or the `key` member of one of its items
 * (`propertyGroups.SEO` finds the item whose `key` is `SEO`, or the item `SEO` itself). When the path goes further than
 * the document (a member that is absent, a shorthand such as `tags: string[]` asked for
 * `items.type`), the location is that of the deepest part that exists, so a diagnostic about a
 * missing member points at the mapping that lacks it.
 */
export interface YamlLocator {
  /** The value at the path: a scalar's first character, or the key that introduces a collection. */
  locate(path: string | PathSegments): SourceLocation;
  /** The key of the member at the path (for unknown or misspelled members). */
  locateKey(path: string | PathSegments): SourceLocation;
}

export function createYamlLocator(document: Document, lineCounter: LineCounter, file: string): YamlLocator {
  const at = (offset: number | undefined): SourceLocation => {
    if (offset === undefined) return { file, line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: Math.max(1, line), column: Math.max(1, col) };
  };
  return {
    locate(path) {
      const found = walk(document.contents, toSegments(path));
      const value = found.value;
      if (found.complete && value && (isScalar(value) || !found.key)) return at(value.range?.[0]);
      return at((found.key ?? value)?.range?.[0]);
    },
    locateKey(path) {
      const found = walk(document.contents, toSegments(path));
      return at((found.key ?? found.value)?.range?.[0]);
    },
  };
}

export function toSegments(path: string | PathSegments): PathSegments {
  if (typeof path !== 'string') return path;
  return path === '' ? [] : path.split('.');
}

interface Found {
  key: Node | undefined;
  value: Node | undefined;
  complete: boolean;
}

function walk(root: unknown, segments: PathSegments): Found {
  let found: Found = { key: undefined, value: asNode(root), complete: true };
  for (const segment of segments) {
    const next = child(found.value, String(segment));
    if (!next) return { ...found, complete: false };
    found = { ...next, complete: true };
  }
  return found;
}

function child(node: Node | undefined, segment: string): Omit<Found, 'complete'> | undefined {
  if (isMap(node)) {
    const pair =
      node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment) ??
      (isIndex(segment) ? node.items[Number(segment)] : undefined);
    if (!pair || !isPair(pair)) return undefined;
    return { key: asNode(pair.key), value: asNode(pair.value) ?? asNode(pair.key) };
  }
  if (isSeq(node)) {
    const item = isIndex(segment)
      ? node.items[Number(segment)]
      : node.items.find(
          (entry) => (isMap(entry) ? String(entry.get('key')) : isScalar(entry) ? String(entry.value) : undefined) === segment,
        );
    const itemNode = asNode(item);
    return itemNode ? { key: undefined, value: itemNode } : undefined;
  }
  return undefined;
}

function asNode(value: unknown): Node | undefined {
  return value !== null && typeof value === 'object' && 'range' in value ? (value as Node) : undefined;
}

function isIndex(segment: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(segment);
}
