import type { JsonObject } from '../json.js';

/** One problem with one member of a request, e.g. `properties.heading.type`. */
export interface FieldError {
  /** Dotted path of the member in the request's own spelling; `null` when no member is to blame. */
  field: string | null;
  detail: string;
}

/**
 * An RFC 7807 answer. Handlers throw it; the server renders it in the dialect's error shape.
 * `code` is set only where the real API's code is known (e.g. "DependencyConflict").
 */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly errors: FieldError[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    detail?: string,
    options: { title?: string; code?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? STATUS_TITLES[status] ?? `HTTP ${status}`);
    this.status = status;
    this.title = options.title ?? STATUS_TITLES[status] ?? `HTTP ${status}`;
    this.detail = detail;
    this.code = options.code;
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
  }
}

/** 400 for a request whose members break the API's rules; every problem is listed, not just the first. */
export function validationProblem(errors: FieldError[], detail = 'The request is not valid; see errors for each problem.'): HttpProblem {
  return new HttpProblem(400, detail, { title: VALIDATION_TITLE, errors });
}

/** How each dialect shapes `errors`: v1 and preview3 a list, preview2 an ASP.NET-style map. */
export type ErrorShape = 'list' | 'map';

export function renderProblem(problem: HttpProblem, shape: ErrorShape, instance: string): JsonObject {
  const body: JsonObject = {
    type: TYPE_URIS[problem.status] ?? null,
    title: problem.title,
    status: problem.status,
  };
  if (problem.detail !== undefined) body.detail = problem.detail;
  body.instance = instance;
  if (problem.code !== undefined) body.code = problem.code;
  if (problem.errors.length > 0) body.errors = shape === 'list' ? errorList(problem.errors) : errorMap(problem.errors);
  return body;
}

function errorList(errors: FieldError[]): JsonObject[] {
  return errors.map((error) => ({ field: error.field, detail: error.detail }));
}

function errorMap(errors: FieldError[]): JsonObject {
  const map: Record<string, string[]> = {};
  for (const error of errors) (map[error.field ?? ''] ??= []).push(error.detail);
  return map;
}

const VALIDATION_TITLE = 'One or more validation errors occurred.';

const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'An error occurred while processing your request.',
};

/** The type URIs ASP.NET Core writes by default; the CMS API is an ASP.NET Core service [INF]. */
const TYPE_URIS: Readonly<Record<number, string>> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  405: 'https://tools.ietf.org/html/rfc9110#section-15.5.6',
  409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
  412: 'https://tools.ietf.org/html/rfc9110#section-15.5.13',
  413: 'https://tools.ietf.org/html/rfc9110#section-15.5.14',
  415: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
};
