import type { ResourceKind, SourceLocation } from './model.js';

export type Severity = 'error' | 'warning';

/**
 * A problem found in input (YAML, config, lockfile, a source database), addressed to the person
 * who must fix it. `summary` is short, with no trailing period; `detail` is full sentences and
 * ends with what to do.
 */
export interface Diagnostic {
  /** Stable code, documented in the README, e.g. "CT001". */
  code: string;
  severity: Severity;
  summary: string;
  detail: string;
  location?: SourceLocation;
  /** A JSON-pointer-like path inside the file or definition, e.g. "properties.title.type". */
  path?: string;
  /** The resource the problem belongs to, when it belongs to one. */
  resource?: { kind: ResourceKind; key: string };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
