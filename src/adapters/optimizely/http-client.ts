import { request, type Dispatcher } from 'undici';
import { AdapterError, isAdapterError } from '../errors.js';

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
    const headers = flattenHeaders(response.headers);
    const text = await readCapped(response.body, headers['content-length'], req, operation);
    return { status: response.statusCode, headers, text };
  } catch (error) {
    throw transportError(error, controller.signal.aborted, req, options.timeoutMs, operation);
  } finally {
    clearTimeout(timer);
  }
}

/** The largest response body catalyst reads (50 MiB): a bigger answer is refused, never buffered whole. */
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

async function readCapped(body: Dispatcher.ResponseData['body'], contentLength: string | undefined, req: HttpRequest, operation: string) {
  const tooLarge = () => {
    body.destroy();
    return new AdapterError({
      kind: 'protocol',
      message: `${operation}: ${new URL(req.url).origin} sent a response larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB, the most catalyst reads. Nothing was read from it. Check that the target URL is the CMS's API.`,
      operation,
    });
  };
  if (contentLength !== undefined && Number(contentLength) > MAX_RESPONSE_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_RESPONSE_BYTES) throw tooLarge();
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Certificate problems: the server is reachable but not trusted, so retrying cannot help. */
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

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
  if (isAdapterError(error)) return error;
  const tls = tlsCode(error);
  if (tls !== undefined) {
    const host = new URL(req.url).host;
    return new AdapterError({
      kind: 'protocol',
      message: `${operation}: the TLS certificate of ${host} was not accepted (${tls}: ${messageOf(error)}). If the server uses a certificate from a private or corporate CA, give that CA's certificates (PEM) to catalyst with NODE_EXTRA_CA_CERTS=/path/to/ca.pem.`,
      operation,
      cause: error,
    });
  }
  return new AdapterError({
    kind: 'protocol',
    message: `${operation}: ${origin} answered with something that is not valid HTTP (${codeOf(error) ?? 'no code'}: ${messageOf(error)}). Check that the target URL is the CMS's API and that no proxy in between alters the answer.`,
    operation,
    cause: error,
  });
}

function tlsCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && TLS_CODES.has(code)) return code;
  }
  return undefined;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
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
