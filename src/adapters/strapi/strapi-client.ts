import { AdapterError, type AdapterErrorKind } from '../errors.js';
import { secretForms } from '../secret-forms.js';

export interface StrapiClientOptions {
  /** The server's root URL, e.g. http://127.0.0.1:1337 (no trailing slash). */
  url: string;
  email: string;
  password: string;
  /** Per request. */
  timeoutMs: number;
  /** How long a schema write may keep the server restarting before it counts as down. */
  restartTimeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export interface StrapiResponse {
  status: number;
  body: unknown;
}

/**
 * Strapi's admin API over HTTP with an admin JWT from `POST /admin/login`, renewed once on a 401.
 * Errors are `AdapterError`s whose messages name the request and never the password or token.
 */
export class StrapiClient {
  private token: string | undefined;

  constructor(readonly options: StrapiClientOptions) {}

  /** Sends one request; `allow` lists statuses that are answers, not errors (e.g. 404 for "absent"). */
  async send(method: string, path: string, body?: unknown, allow: readonly number[] = []): Promise<StrapiResponse> {
    let response = await this.raw(method, path, body, await this.authorization());
    if (response.status === 401) {
      this.token = undefined;
      response = await this.raw(method, path, body, await this.authorization());
    }
    if ((response.status >= 200 && response.status < 300) || allow.includes(response.status)) return response;
    throw responseError(method, path, response, this.redact);
  }

  /**
   * Resolves once the server answers `GET /_health` with 204 and no schema update is running.
   * A schema write restarts Strapi's worker, so requests fail for a moment after it.
   */
  async waitUntilReady(what: string): Promise<void> {
    const deadline = this.options.now() + this.options.restartTimeoutMs;
    for (;;) {
      if (await this.ready()) return;
      if (this.options.now() > deadline) {
        throw new AdapterError({
          kind: 'timeout',
          message: `Strapi at ${this.options.url} did not become ready within ${Math.round(this.options.restartTimeoutMs / 1000)} s ${what} (GET /_health must answer 204 and no schema update may be running). Check the server's log; schema writes need \`strapi develop\`. Nothing else was written.`,
          operation: 'GET /_health',
        });
      }
      await this.options.sleep(250);
    }
  }

  private async ready(): Promise<boolean> {
    try {
      const health = await this.raw('GET', '/_health', undefined, undefined);
      if (health.status !== 204) return false;
      const status = await this.send('GET', '/content-type-builder/update-schema-status');
      const data = (status.body as { data?: { isUpdating?: unknown } } | null)?.data;
      return data?.isUpdating !== true;
    } catch (error) {
      if (error instanceof AdapterError && (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server')) return false;
      throw error;
    }
  }

  /** Defence in depth: the password and the token, in every form a server echoing a request gives them, become `[redacted]`. */
  private readonly redact = (text: string): string =>
    [this.options.password, ...(this.token ? [this.token] : [])]
      .flatMap(secretForms)
      .sort((a, b) => b.length - a.length)
      .reduce((result, secret) => result.split(secret).join('[redacted]'), text);

  private async authorization(): Promise<string> {
    this.token ??= await this.login();
    return `Bearer ${this.token}`;
  }

  private async login(): Promise<string> {
    const { email, password } = this.options;
    const response = await this.raw('POST', '/admin/login', { email, password }, undefined);
    const token = (response.body as { data?: { token?: unknown } } | null)?.data?.token;
    if (response.status >= 200 && response.status < 300 && typeof token === 'string') return token;
    if (response.status === 400 || response.status === 401) {
      throw new AdapterError({
        kind: 'auth',
        status: response.status,
        operation: 'POST /admin/login',
        message: `Strapi at ${this.options.url} refused the admin login for ${email}. Check STRAPI_ADMIN_EMAIL and STRAPI_ADMIN_PASSWORD (or the variables the target names).`,
      });
    }
    throw responseError('POST', '/admin/login', response, this.redact);
  }

  private async raw(method: string, path: string, body: unknown, authorization: string | undefined): Promise<StrapiResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authorization) headers.authorization = authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.options.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new AdapterError({
        kind: timedOut ? 'timeout' : 'network',
        operation: `${method} ${path}`,
        message: timedOut
          ? `Strapi at ${this.options.url} did not answer ${method} ${path} within ${this.options.timeoutMs / 1000} s.`
          : `Strapi at ${this.options.url} could not be reached (${method} ${path}). Check that it runs and that STRAPI_URL names it.`,
        cause: error,
      });
    }
    const text = await response.text();
    let parsed: unknown = null;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed };
  }
}

function responseError(method: string, path: string, response: StrapiResponse, redact: (text: string) => string): AdapterError {
  const kind = errorKind(response.status);
  // Redacted before errorDetail shortens a text body, so no part of a secret survives a cut.
  const found = errorDetail(typeof response.body === 'string' ? redact(response.body) : response.body);
  const detail = found === undefined ? undefined : redact(found);
  return new AdapterError({
    kind,
    status: response.status,
    operation: `${method} ${path}`,
    message: `Strapi answered ${response.status} to ${method} ${path}${detail ? `: ${detail}` : ''}${kind === 'forbidden' ? '. Schema writes need `strapi develop` and an admin with content-type-builder permissions.' : ''}`,
  });
}

function errorKind(status: number): AdapterErrorKind {
  if (status === 400) return 'validation';
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'protocol';
}

/** Strapi's error bodies: `{error: "text"}` (content-type-builder) or `{error: {message, details}}`. */
function errorDetail(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 300);
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const { message, details } = error as { message?: unknown; details?: { errors?: Array<{ path?: unknown; message?: unknown }> } };
    const fields = (details?.errors ?? []).map(
      (field) => `${Array.isArray(field.path) ? field.path.join('.') : ''}: ${String(field.message)}`,
    );
    return [typeof message === 'string' ? message : undefined, ...fields].filter(Boolean).join('; ');
  }
  return undefined;
}
