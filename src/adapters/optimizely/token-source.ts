import { AdapterError } from '../errors.js';
import type { HttpRequest, HttpResponse } from './http-client.js';
import { errorFromResponse, parseJsonBody, readProblem } from './response-errors.js';
import { WireReader } from './wire-reader.js';

export interface IssuedToken {
  accessToken: string;
  /** `expires_in`; absent when the platform did not say. */
  expiresInSeconds: number | undefined;
}

/** The documented lifetime of an Optimizely token, assumed when `expires_in` is missing. */
const DOCUMENTED_LIFETIME_SECONDS = 300;
/** Renew this long before expiry (at most 10% of the lifetime), so a token never dies in flight. */
const RENEW_MARGIN_MS = 30_000;
const BAD_CREDENTIALS = new Set(['invalid_client', 'AUTHENTICATION_ERROR', 'unauthorized_client']);

/**
 * The access token, shared: reused until shortly before it expires; callers that ask while a
 * token request is in flight wait for that one request instead of starting their own.
 */
export class TokenSource {
  private current: { token: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly now: () => number,
  ) {}

  get(): Promise<string> {
    if (this.current !== undefined && this.now() < this.current.renewAt) return Promise.resolve(this.current.token);
    this.pending ??= this.renew().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Forget `token` after the platform rejected it (401), unless a newer one already replaced it. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }

  private async renew(): Promise<string> {
    this.current = undefined;
    const issuedAt = this.now();
    const issued = await this.issue();
    const lifetimeMs = (issued.expiresInSeconds ?? DOCUMENTED_LIFETIME_SECONDS) * 1000;
    this.current = { token: issued.accessToken, renewAt: issuedAt + lifetimeMs - Math.min(RENEW_MARGIN_MS, lifetimeMs / 10) };
    return issued.accessToken;
  }
}

/** The client-credentials request in the JSON form the official CLI uses. */
export function tokenRequest(tokenUrl: string, clientId: string, clientSecret: string): HttpRequest {
  return {
    method: 'POST',
    url: tokenUrl,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  };
}

/**
 * Reads the token endpoint's answer. Rejected credentials are `auth` errors that name the
 * variables to check; the secret is never part of a message.
 */
export function readTokenResponse(response: HttpResponse, tokenUrl: string, operation: string, now: () => number): IssuedToken {
  if (response.status >= 200 && response.status < 300) {
    const wire = WireReader.of('the token response', parseJsonBody(response, operation) ?? null);
    const accessToken = wire.string('access_token');
    if (accessToken === undefined || accessToken === '') {
      throw new AdapterError({
        kind: 'protocol',
        message: `${operation}: the token response has no access_token.`,
        status: response.status,
        operation,
      });
    }
    return { accessToken, expiresInSeconds: wire.number('expires_in') };
  }
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    const problem = readProblem(response.text);
    const code = problem.code ?? 'no error code';
    const rejected = problem.code !== undefined && BAD_CREDENTIALS.has(problem.code);
    return throwAuth(
      rejected
        ? `Optimizely rejected the client credentials (${code}). Check OPTIMIZELY_CMS_CLIENT_ID and OPTIMIZELY_CMS_CLIENT_SECRET, and that OPTIMIZELY_CMS_API_URL names the CMS they belong to.`
        : `The token request to ${tokenUrl} failed with ${response.status} (${code}${problem.detail ? `: ${problem.detail}` : ''}). Check OPTIMIZELY_CMS_CLIENT_ID, OPTIMIZELY_CMS_CLIENT_SECRET and OPTIMIZELY_CMS_API_URL.`,
      response.status,
      problem.code,
      operation,
    );
  }
  if (response.status === 404 || response.status === 405) {
    throw new AdapterError({
      kind: 'not_found',
      message: `There is no token endpoint at ${tokenUrl} (${response.status}). Check OPTIMIZELY_CMS_API_URL (the API host, e.g. https://api.cms.optimizely.com) and the API version.`,
      status: response.status,
      operation,
    });
  }
  throw errorFromResponse(response, operation, now);
}

function throwAuth(message: string, status: number, code: string | undefined, operation: string): never {
  throw new AdapterError({ kind: 'auth', message, status, code, operation });
}
