import type { SourceLocation } from '../../core/model.js';

/** Where `JSON.parse` failed, from its message ("at position N", "end of JSON input"); else the first line. */
export function jsonErrorLocation(error: Error, text: string, file: string): SourceLocation {
  const position = /at position (\d+)/.exec(error.message)?.[1];
  const offset = position !== undefined ? Number(position) : /end of JSON input/.test(error.message) ? text.length : 0;
  const before = text.slice(0, offset).split('\n');
  return { file, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
