import type { SourceLocation } from '../../core/model.js';
import { toSegments, type YamlLocator } from '../yaml/yaml-locator.js';

/**
 * Locations inside a JavaScript or TypeScript config, found by searching the source text for
 * each member name of the path in turn (`targets`, then `production` after it, …). This is a
 * best effort, not a parse: it finds what people usually write (`key:`, `'key':`, `"key":`) and
 * falls back to the last member found, or the file's first line.
 */
export function createTextLocator(text: string, file: string): YamlLocator {
  const locate = (path: Parameters<YamlLocator['locate']>[0]): SourceLocation => {
    let offset = -1;
    let from = 0;
    for (const segment of toSegments(path)) {
      if (typeof segment === 'number' || /^\d+$/.test(segment)) continue;
      const pattern = new RegExp(`(^|[^\\w$])(['"\`]?)${escape(segment)}\\2\\s*:`, 'g');
      pattern.lastIndex = from;
      const match = pattern.exec(text);
      if (!match) break;
      offset = match.index + match[1]!.length;
      from = pattern.lastIndex;
    }
    if (offset < 0) return { file, line: 1, column: 1 };
    const before = text.slice(0, offset).split('\n');
    return { file, line: before.length, column: before.at(-1)!.length + 1 };
  };
  return { locate, locateKey: locate };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
