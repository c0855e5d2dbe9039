import { request, type Dispatcher } from 'undici';
import { AdapterError } from '../errors.js';

export const HTTP_METHODS = ['GET', 'POST', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body as text, read whole; '' when there is none. */
  text: string;
}

export interface HttpClientOptions {
  dispatcher?: Dispatcher;
  /** Budget for one exchange: connecting, sending, the headers and the whole body. */
  timeoutMs: number;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const NETWORK_CODES = new Set([
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
]);

/**
 * One HTTP exchange with undici. Resolves with any status (mapping statuses is the caller's
 * job); rejects only with an `AdapterError` of kind `network` (no usable connection) or `timeout`
 * (no complete answer within `timeoutMs`).
 */
export async function sendHttp(req: HttpRequest, options: HttpClientOptions, operation: string): Promise<HttpResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await request(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: controller.signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: flattenHeaders(response.headers), text };
  } catch (error) {
    throw transportError(error, controller.signal.aborted, req, options.timeoutMs, operation);
  } finally {
    clearTimeout(timer);
  }
}

function transportError(error: unknown, timedOut: boolean, req: HttpRequest, timeoutMs: number, operation: string): unknown {
  const origin = new URL(req.url).origin;
  const code = errorCode(error);
  if (timedOut || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return new AdapterError({
      kind: 'timeout',
      message: `${operation}: ${origin} did not answer within ${timeoutMs} ms.`,
      operation,
      cause: error,
    });
  }
  if (code !== undefined && NETWORK_CODES.has(code)) {
    const reason = error instanceof Error ? error.message : code;
    return new AdapterError({
      kind: 'network',
      message: `${operation}: the connection to ${origin} failed (${code}: ${reason}).`,
      operation,
      cause: error,
    });
  }
  return error;
}

/** undici puts the system error code on the error or on its cause. */
function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (TIMEOUT_CODES.has(code) || NETWORK_CODES.has(code))) return code;
  }
  return undefined;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
