import type { SourceLocation } from '../../core/model.js';

/**
 * Where the value of a top-level member written on one line (`key: ArticlePage`) starts, found
 * in the text without parsing it: the place the YAML locator gives for that path. `undefined`
 * unless exactly one line at column 1 writes the member with that value (plain or quoted,
 * optionally followed by a comment), so any other layout is left to the locator.
 */
export function locateTopLevelKey(text: string, file: string, member: string, value: string): SourceLocation | undefined {
  const pattern = new RegExp(`^${member}[ \\t]*:[ \\t]*`, 'gm');
  let found: SourceLocation | undefined;
  for (const match of text.matchAll(pattern)) {
    if (found) return undefined;
    const start = match.index + match[0].length;
    const lineEnd = text.indexOf('\n', start);
    const rest = text.slice(start, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
    if (!writesValue(rest, value)) return undefined;
    const line = countLines(text, match.index);
    found = { file, line, column: start - match.index + 1 };
  }
  return found;
}

function writesValue(rest: string, value: string): boolean {
  const written = rest.replace(/[ \t]+#.*$/, '').trimEnd();
  return written === value || written === `"${value}"` || written === `'${value}'`;
}

function countLines(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
