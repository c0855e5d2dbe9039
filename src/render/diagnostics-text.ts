import type { Diagnostic } from '../core/diagnostic.js';
import type { Style } from './style.js';

/**
 * Diagnostics for people, compiler style, one block each:
 * `content-types/Article.yaml:12:7: error Y004 Unknown member "requried"` and the detail below.
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], style: Style): string {
  if (diagnostics.length === 0) return '';
  const blocks = diagnostics.map((diagnostic) => {
    const where = diagnostic.location ? `${diagnostic.location.file}:${diagnostic.location.line}:${diagnostic.location.column}: ` : '';
    const severity = diagnostic.severity === 'error' ? style.error('error') : style.warning('warning');
    return `${where}${severity} ${style.strong(diagnostic.code)} ${diagnostic.summary}\n  ${diagnostic.detail}`;
  });
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const count = [
    errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${blocks.join('\n\n')}\n\n${count}\n`;
}
