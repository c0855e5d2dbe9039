/** Why a platform call failed, named for who must act. */
export const ADAPTER_ERROR_KINDS = [
  'validation', // 400: the request was rejected as invalid; fix the definition
  'auth', // 401 or a rejected token request: credentials are wrong or missing
  'forbidden', // 403: the credentials lack a permission
  'not_found', // 404
  'conflict', // 409: the key exists, or the resource is still in use
  'stale', // 412: the resource changed since it was read; re-plan
  'data_loss', // the platform refused a change that could lose data without explicit approval
  'rate_limited', // 429 after the retries were used up
  'server', // 5xx after the retries were used up
  'network', // connection refused/reset after the retries were used up
  'timeout', // no answer in time after the retries were used up
  'protocol', // the platform answered something the adapter cannot understand
] as const;
export type AdapterErrorKind = (typeof ADAPTER_ERROR_KINDS)[number];

const RETRYABLE: ReadonlySet<AdapterErrorKind> = new Set(['rate_limited', 'server', 'network', 'timeout']);

export interface FieldError {
  field?: string;
  detail: string;
}

export interface AdapterErrorInit {
  kind: AdapterErrorKind;
  message: string;
  status?: number;
  /** The platform's machine code, e.g. "DependencyConflict". */
  code?: string;
  fieldErrors?: FieldError[];
  /** Seconds the platform asked us to wait (Retry-After). */
  retryAfterSeconds?: number;
  /** What was being done, e.g. "PATCH /contenttypes/ArticlePage". Never contains secrets. */
  operation?: string;
  cause?: unknown;
}

/** A failed platform call. Messages never contain credentials or tokens. */
export class AdapterError extends Error {
  readonly kind: AdapterErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds: number | undefined;
  readonly operation: string | undefined;

  constructor(init: AdapterErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AdapterError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.operation = init.operation;
  }

  /** Retryable failures may succeed if the same call is made again later. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

export function isAdapterError(error: unknown): error is AdapterError {
  return error instanceof AdapterError;
}
