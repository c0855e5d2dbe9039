/**
 * Compiles a fault rule's `path`. Without '*', it is a prefix that ends on a segment boundary:
 * '/v1/contenttypes' matches itself and '/v1/contenttypes/Article', not '/v1/contenttypesX'.
 * With '*', it is a glob over the whole path: '*' matches within one segment (at least one
 * character), '**' matches across segments (possibly nothing).
 */
export function compilePathMatcher(pattern: string): (path: string) => boolean {
  if (!pattern.includes('*')) {
    const prefix = pattern.endsWith('/') ? pattern.slice(0, -1) : pattern;
    return (path) => path === prefix || path.startsWith(`${prefix}/`);
  }
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]+' : escapeRegExp(part)))
    .join('');
  const regex = new RegExp(`^${source}$`);
  return (path) => regex.test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
