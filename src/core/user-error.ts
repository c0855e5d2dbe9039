import type { Diagnostic } from './diagnostic.js';

/**
 * A failure the user must act on, in the shape of a diagnostic: a short summary with no trailing
 * period and a detail in full sentences that ends with what to do. The CLI prints it and exits 1.
 */
export class UserError extends Error {
  readonly summary: string;
  readonly detail: string;
  readonly diagnostics: Diagnostic[];

  constructor(summary: string, detail: string, diagnostics: Diagnostic[] = []) {
    super(`${summary}: ${detail}`);
    this.name = 'UserError';
    this.summary = summary;
    this.detail = detail;
    this.diagnostics = diagnostics;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
