import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../../src/emulator/index.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; `undefined` when the body is empty. */
  json: any;
}

export interface RequestOptions {
  /** Serialized as JSON unless it is a string. */
  body?: unknown;
  /** Defaults: application/json for bodies, application/merge-patch+json for PATCH. */
  contentType?: string | null;
  headers?: Record<string, string>;
  /** Send no Authorization header. */
  anonymous?: boolean;
}

/**
 * A small client for the emulator's HTTP API, holding a bearer token. The base URL may be given
 * as a function, for a client made before its emulator has started (see useEmulator).
 */
export class Api {
  private token: string | undefined;
  private readonly url: () => string;

  constructor(
    baseUrl: string | (() => string),
    private readonly credentials = { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET },
  ) {
    this.url = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  }

  get baseUrl(): string {
    return this.url();
  }

  async bearer(): Promise<string> {
    if (this.token === undefined) {
      const response = await this.request('POST', '/oauth/token', {
        anonymous: true,
        body: { grant_type: 'client_credentials', client_id: this.credentials.clientId, client_secret: this.credentials.clientSecret },
      });
      if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${response.text}`);
      this.token = response.json.access_token as string;
    }
    return this.token;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (!options.anonymous && headers.authorization === undefined) headers.authorization = `Bearer ${await this.bearer()}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      const contentType =
        options.contentType === undefined
          ? method === 'PATCH'
            ? 'application/merge-patch+json'
            : 'application/json'
          : options.contentType;
      if (contentType !== null) headers['content-type'] = contentType;
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: text === '' ? undefined : JSON.parse(text) };
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }
  post(path: string, body: unknown, options?: RequestOptions) {
    return this.request('POST', path, { ...options, body });
  }
  put(path: string, body: unknown, options?: RequestOptions) {
    return this.request('PUT', path, { ...options, body });
  }
  patch(path: string, body: unknown, options?: RequestOptions) {
    return this.request('PATCH', path, { ...options, body });
  }
  delete(path: string, options?: RequestOptions) {
    return this.request('DELETE', path, options);
  }
}

/** The prefixes each dialect is served under. */
export const PREFIX = { v1: '/v1', cmsV1: '/_cms/v1', preview3: '/preview3', preview2: '/_cms/preview2' } as const;

/** A clock tests move by hand. */
export class ManualClock {
  constructor(private current = new Date('2026-03-01T10:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

/** A v1 content type with one string property, for tests that need any valid type. */
export function sampleType(key: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    key,
    displayName: `${key} type`,
    baseType: '_page',
    properties: { title: { type: 'string', displayName: 'Title', isRequired: true } },
    ...extra,
  };
}
