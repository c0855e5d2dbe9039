import { isAdapterError } from '../adapters/errors.js';
import { isUserError } from '../core/user-error.js';

/** A refusal of the web UI's own (an unknown route, a bad body, a missing token), with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly summary: string,
    readonly detail: string,
  ) {
    super(`${summary}: ${detail}`);
    this.name = 'HttpError';
  }
}

/** The JSON body of every error response: what went wrong and what to do, never a stack trace. */
export interface ErrorBody {
  error: { summary: string; detail: string; messages?: string };
}

/**
 * The response for an error: the UI's refusals with their status, user errors (the same the
 * CLI prints) as 400 — 409 when another run holds the target —, a failed CMS call as 502, and
 * anything else as a 500 that says it is a bug and shows nothing of it (`report` gets it).
 */
export function errorResponse(error: unknown, messages: string, report: (error: unknown) => void): { status: number; body: ErrorBody } {
  const extra = messages === '' ? {} : { messages };
  if (error instanceof HttpError)
    return { status: error.status, body: { error: { summary: error.summary, detail: error.detail, ...extra } } };
  if (isUserError(error)) {
    const status = / is locked$/.test(error.summary) ? 409 : 400;
    return { status, body: { error: { summary: error.summary, detail: error.detail, ...extra } } };
  }
  if (isAdapterError(error)) {
    const where = error.operation ? ` (${error.operation})` : '';
    return { status: 502, body: { error: { summary: `The CMS call failed: ${error.kind}${where}`, detail: error.message, ...extra } } };
  }
  report(error);
  return {
    status: 500,
    body: {
      error: { summary: 'Internal error', detail: 'This is a bug in catalyst: the terminal running `catalyst ui` shows the details.' },
    },
  };
}
