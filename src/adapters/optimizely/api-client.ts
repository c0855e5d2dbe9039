import type { Dispatcher } from 'undici';
import { secretForms } from '../secret-forms.js';
import { AdapterError, isAdapterError, type AdapterErrorKind } from '../errors.js';
import { withRetry, type RetryPolicy } from '../retry.js';
import type { Endpoints } from './endpoints.js';
import { sendHttp, type HttpMethod, type HttpRequest, type HttpResponse } from './http-client.js';
import { RequestPacer } from '../request-pacer.js';
import { errorFromResponse, parseJsonBody, parseRetryAfter } from './response-errors.js';
import { readTokenResponse, tokenRequest, TokenSource } from './token-source.js';

/**
 * What the adapter reports for progress and logs. Paths include the query; none of these ever
 * carries a credential or a token.
 */
export type AdapterEvent =
  | {
      type: 'request';
      method: HttpMethod;
      path: string;
      /** `null` when no answer came (connection failure, timeout). */
      status: number | null;
      attempt: number;
      durationMs: number;
      /** Set when the exchange failed. */
      errorKind?: AdapterErrorKind;
    }
  | {
      type: 'retry';
      method: HttpMethod;
      path: string;
      status: number | null;
      /** The attempt that failed; the next one is `attempt + 1`. */
      attempt: number;
      waitMs: number;
      reason: 'retry-after' | 'backoff';
      errorKind: AdapterErrorKind;
    };

export interface ApiClientOptions {
  endpoints: Endpoints;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  retry: RetryPolicy;
  dispatcher: Dispatcher | undefined;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  onEvent: ((event: AdapterEvent) => void) | undefined;
}

export interface ApiCall {
  method: HttpMethod;
  /** Relative to the API root, starting with '/'. */
  path: string;
  /** A list value repeats the parameter (`sections=a&sections=b`). */
  query?: Record<string, string | number | readonly string[]>;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Defaults to application/json when there is a body. */
  contentType?: string;
}

export interface ApiResult {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON; `undefined` for an empty body. */
  body: unknown;
}

/**
 * Authenticated, retried JSON calls to one Optimizely API root. Every failure leaves as an
 * `AdapterError` whose message is scrubbed of the client secret and of access tokens.
 */
export class ApiClient {
  private readonly tokens: TokenSource;
  private readonly issuedTokens = new Set<string>();
  private readonly pacer: RequestPacer;

  constructor(private readonly options: ApiClientOptions) {
    this.tokens = new TokenSource(() => this.issueToken(), options.now);
    this.pacer = new RequestPacer(options.now, options.sleep);
  }

  /** One call with retries; any non-2xx answer rejects. */
  send(call: ApiCall): Promise<ApiResult> {
    return this.retrying(call, (attempt) => this.attempt(call, attempt));
  }

  /**
   * Runs `run` with the retry policy, reporting retries of `call`. For calls whose outcome after
   * an ambiguous failure needs a look at the platform (a retried POST answered 409, …).
   */
  async retrying<T>(call: ApiCall, run: (attempt: number) => Promise<T>): Promise<T> {
    const { method } = call;
    const path = this.displayPath(call);
    try {
      return await withRetry(run, this.options.retry, {
        // The wait before a retry pauses every request, not only the retried one; the next attempt's
        // `acquire` does the waiting.
        sleep: async (ms) => this.pacer.pause(ms),
        random: this.options.random,
        onRetry: ({ error, attempt, waitMs, reason }) =>
          this.emit({ type: 'retry', method, path, status: error.status ?? null, attempt, waitMs, reason, errorKind: error.kind }),
      });
    } catch (error) {
      throw this.scrub(error);
    }
  }

  /** One attempt: a 401 renews the token and resends once. */
  async attempt(call: ApiCall, attempt: number): Promise<ApiResult> {
    const operation = `${call.method} ${call.path}`;
    const token = await this.tokens.get();
    let response = await this.exchange(this.toHttp(call, token), operation, attempt);
    if (response.status === 401) {
      this.tokens.invalidate(token);
      response = await this.exchange(this.toHttp(call, await this.tokens.get()), operation, attempt);
    }
    if (response.status < 200 || response.status >= 300) throw errorFromResponse(response, operation, this.options.now);
    return { status: response.status, headers: response.headers, body: parseJsonBody(response, operation) };
  }

  /**
   * One token request. Not retried here: the failure surfaces in the API call that needed the
   * token, whose own retry loop tries again, so attempts never multiply.
   */
  private async issueToken(): Promise<{ accessToken: string; expiresInSeconds: number | undefined }> {
    const { tokenUrl } = this.options.endpoints;
    const operation = 'POST /oauth/token';
    const response = await this.exchange(tokenRequest(tokenUrl, this.options.clientId, this.options.clientSecret), operation, 1);
    const issued = readTokenResponse(response, tokenUrl, operation, this.options.now);
    this.issuedTokens.add(issued.accessToken);
    return issued;
  }

  private async exchange(request: HttpRequest, operation: string, attempt: number): Promise<HttpResponse> {
    const ticket = await this.pacer.acquire();
    const started = this.options.now();
    const url = new URL(request.url);
    const base = { type: 'request' as const, method: request.method, path: `${url.pathname}${url.search}`, attempt };
    try {
      const response = await sendHttp(request, { dispatcher: this.options.dispatcher, timeoutMs: this.options.timeoutMs }, operation);
      if (response.status === 429) this.pacer.throttled(parseRetryAfter(response.headers['retry-after'], this.options.now) ?? 1, ticket);
      else this.pacer.succeeded(ticket);
      this.emit({ ...base, status: response.status, durationMs: this.options.now() - started });
      // An error body becomes messages, shortened: redacted first, so no part of a secret survives a cut.
      return response.status >= 200 && response.status < 300 ? response : { ...response, text: this.redact(response.text) };
    } catch (error) {
      this.emit({
        ...base,
        status: null,
        durationMs: this.options.now() - started,
        errorKind: isAdapterError(error) ? error.kind : 'network',
      });
      throw error;
    }
  }

  private toHttp(call: ApiCall, token: string): HttpRequest {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}`, ...call.headers };
    const request: HttpRequest = { method: call.method, url: this.url(call), headers };
    if (call.body !== undefined) {
      headers['content-type'] = call.contentType ?? 'application/json';
      request.body = JSON.stringify(call.body);
    }
    return request;
  }

  private url(call: ApiCall): string {
    const url = new URL(`${this.options.endpoints.apiRoot}${call.path}`);
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, item);
      else url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  private displayPath(call: ApiCall): string {
    const url = new URL(this.url(call));
    return `${url.pathname}${url.search}`;
  }

  private emit(event: AdapterEvent): void {
    this.options.onEvent?.(event);
  }

  /** The client secret and every token issued, in each form an echo gives them, as `[redacted]`. */
  private redact(text: string): string {
    return [this.options.clientSecret, ...this.issuedTokens]
      .flatMap(secretForms)
      .sort((a, b) => b.length - a.length)
      .reduce((result, secret) => result.split(secret).join('[redacted]'), text);
  }

  /** Defence in depth: no message that leaves the adapter may contain the secret or a token, in any form an echo gives them. */
  private scrub(error: unknown): unknown {
    if (!isAdapterError(error)) return error;
    const clean = (text: string): string => this.redact(text);
    const message = clean(error.message);
    const fieldErrors = error.fieldErrors.map((fieldError) => ({ ...fieldError, detail: clean(fieldError.detail) }));
    if (message === error.message && fieldErrors.every((fieldError, index) => fieldError.detail === error.fieldErrors[index]?.detail))
      return error;
    return new AdapterError({
      kind: error.kind,
      message,
      status: error.status,
      code: error.code,
      fieldErrors,
      retryAfterSeconds: error.retryAfterSeconds,
      operation: error.operation,
    });
  }
}
