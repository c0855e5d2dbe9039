// Escaping for GitHub-flavoured Markdown. Names, values and messages come from YAML and from the
// CMS; none of them may change the structure of a pull request comment.

const PROSE_SPECIAL = /[\\`*_[\]|~]/g;

/** Prose: Markdown punctuation backslash-escaped and HTML neutralised, so text shows as written. */
export function escapeText(text: string): string {
  return escapeHtml(text).replace(PROSE_SPECIAL, (char) => `\\${char}`);
}

/** Text inside HTML (a `<summary>`): entities only. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An inline code span that holds any text: the fence is longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

/** A table cell: one line, pipes escaped (GitHub splits cells before it parses code spans). */
export function tableCell(markdown: string): string {
  return markdown.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** A fenced code block that no line inside can close early. */
export function codeBlock(language: string, lines: readonly string[]): string {
  const fence = fenceFor(lines.join('\n'));
  return [`${fence}${language}`, ...lines, fence].join('\n');
}

/** A code fence longer than any run of backticks in `content`, and at least three long. */
export function fenceFor(content: string): string {
  return '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const current of text) {
    run = current === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
