import { AdapterError } from '../errors.js';
import type { PlatformAdapter } from '../port.js';
import { StrapiAdapter } from './strapi-adapter.js';
import { StrapiClient } from './strapi-client.js';

export { STRAPI_PROFILE } from './profile.js';

export interface StrapiAdapterOptions {
  /** The server's root URL, e.g. http://127.0.0.1:1337. */
  url: string;
  /** An admin user's email and password (from the environment, never the config file). */
  email: string;
  password: string;
  /** Per request, default 30_000. */
  timeoutMs?: number;
  /** How long the server may take to restart after a schema write, default 120_000. */
  restartTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** The Strapi 5 adapter. Throws an `AdapterError` of kind `validation` when `url` is not an http(s) URL; nothing is sent until a method is called. */
export function createStrapiAdapter(options: StrapiAdapterOptions): PlatformAdapter {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new AdapterError({
      kind: 'validation',
      message: `"${options.url}" is not a URL. Set STRAPI_URL to the Strapi server, e.g. http://127.0.0.1:1337.`,
    });
  }
  return new StrapiAdapter(
    new StrapiClient({
      url: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
      email: options.email,
      password: options.password,
      timeoutMs: options.timeoutMs ?? 30_000,
      restartTimeoutMs: options.restartTimeoutMs ?? 120_000,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      now: options.now ?? Date.now,
    }),
  );
}
