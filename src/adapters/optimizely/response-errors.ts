import { AdapterError, type AdapterErrorKind, type FieldError } from '../errors.js';
import type { HttpResponse } from './http-client.js';
import { assertNever } from '../../core/assert-never.js';

/** The parts of an RFC 7807 ProblemDetails body catalyst uses. */
export interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  fieldErrors: FieldError[];
}

/** The platform's refusal to lose data; its message tells the user to set `ignoreDataLossWarnings`. */
const DATA_LOSS = /ignoreDataLossWarnings|data[ -]loss/i;

/**
 * Parses a success body: `undefined` when empty (204, or the 201 without a body some servers
 * send), otherwise JSON. Text that is not JSON is a `protocol` error.
 */
export function parseJsonBody(response: HttpResponse, operation: string): unknown {
  if (response.text.trim() === '') return undefined;
  try {
    return JSON.parse(response.text) as unknown;
  } catch (error) {
    throw new AdapterError({
      kind: 'protocol',
      message: `${operation}: the platform answered ${response.status} with a body that is not JSON (${excerpt(response.text)}).`,
      status: response.status,
      operation,
      cause: error,
    });
  }
}

/** Maps a non-2xx answer to an `AdapterError` whose kind says who must act. */
export function errorFromResponse(response: HttpResponse, operation: string, now: () => number): AdapterError {
  const problem = readProblem(response.text);
  const kind = kindOf(response.status, problem);
  const retryAfterSeconds = parseRetryAfter(response.headers['retry-after'], now);
  return new AdapterError({
    kind,
    message: messageFor(kind, response.status, problem, operation, retryAfterSeconds),
    status: response.status,
    code: problem.code,
    fieldErrors: problem.fieldErrors,
    retryAfterSeconds,
    operation,
  });
}

/** `Retry-After` as seconds (RFC 9110: delay-seconds or an HTTP-date); `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: () => number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now()) / 1000));
}

export function readProblem(text: string): Problem {
  const problem: Problem = { fieldErrors: [] };
  if (text.trim() === '') return problem;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problem.detail = excerpt(text);
    return problem;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return problem;
  const record = body as Record<string, unknown>;
  problem.title = stringOf(record['title']);
  problem.detail = stringOf(record['detail']) ?? stringOf(record['error_description']) ?? stringOf(record['message']);
  problem.code = stringOf(record['code']) ?? stringOf(record['error']);
  problem.fieldErrors = fieldErrorsOf(record['errors']);
  return problem;
}

function kindOf(status: number, problem: Problem): AdapterErrorKind {
  if (status >= 500) return 'server';
  switch (status) {
    case 400:
    case 422:
      return mentionsDataLoss(problem) ? 'data_loss' : 'validation';
    case 401:
      return 'auth';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 412:
      return 'stale';
    case 413:
      return 'validation';
    case 429:
      return 'rate_limited';
    default:
      return 'protocol';
  }
}

function mentionsDataLoss(problem: Problem): boolean {
  return [problem.title, problem.detail, ...problem.fieldErrors.map((error) => error.detail)].some(
    (text) => text !== undefined && DATA_LOSS.test(text),
  );
}

function messageFor(kind: AdapterErrorKind, status: number, problem: Problem, operation: string, retryAfter: number | undefined): string {
  const said = [problem.title, problem.detail].filter((text) => text !== undefined && text !== '').join(': ');
  const platform = said === '' ? `${status}` : `${status} ${said}`;
  const fields = problem.fieldErrors.map((error) => (error.field ? `${error.field}: ${error.detail}` : error.detail));
  const fieldText = fields.length === 0 ? '' : ` (${fields.join('; ')})`;
  const code = problem.code === undefined ? '' : ` [${problem.code}]`;
  switch (kind) {
    case 'validation':
      return `${operation} was rejected as invalid: ${platform}${fieldText}. Fix the definition and try again.`;
    case 'data_loss':
      return `${operation} was refused because it could lose content data: ${platform}${fieldText}. catalyst overrides this only for a change approved as destructive.`;
    case 'auth':
      return `${operation} was not authorized: ${platform}. Check OPTIMIZELY_CMS_CLIENT_ID and OPTIMIZELY_CMS_CLIENT_SECRET.`;
    case 'forbidden':
      return `${operation} is not permitted for these credentials: ${platform}. Give the API client the access it needs in the CMS settings.`;
    case 'not_found':
      return `${operation}: not found (${platform}).`;
    case 'conflict':
      return `${operation} conflicts with the platform's state: ${platform}${code}.`;
    case 'stale':
      return `${operation}: the resource changed since it was read (${platform}). Run plan again.`;
    case 'rate_limited':
      return `${operation} was rate limited: ${platform}${retryAfter === undefined ? '' : ` (Retry-After ${retryAfter} s)`}.`;
    case 'server':
      return `${operation} failed on the platform: ${platform}${code}.`;
    case 'protocol':
      return `${operation}: the platform answered ${platform}, which catalyst does not expect here.`;
    case 'network':
    case 'timeout':
      return `${operation}: ${platform}.`;
    default:
      return assertNever(kind, 'adapter error kind');
  }
}

/** v1/preview3 send `[{field, detail}]`; preview2 sends an ASP.NET-style map `{field: [messages]}`. */
function fieldErrorsOf(errors: unknown): FieldError[] {
  if (Array.isArray(errors)) {
    return errors.flatMap((entry): FieldError[] => {
      if (entry === null || typeof entry !== 'object') return typeof entry === 'string' ? [{ detail: entry }] : [];
      const record = entry as Record<string, unknown>;
      const detail = stringOf(record['detail']) ?? stringOf(record['message']);
      if (detail === undefined) return [];
      const field = stringOf(record['field']);
      return [field === undefined ? { detail } : { field, detail }];
    });
  }
  if (errors !== null && typeof errors === 'object') {
    return Object.entries(errors as Record<string, unknown>).flatMap(([field, messages]) =>
      (Array.isArray(messages) ? messages : [messages])
        .filter((message): message is string => typeof message === 'string')
        .map((detail) => ({ field, detail })),
    );
  }
  return [];
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
