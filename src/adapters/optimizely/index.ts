import type { Dispatcher } from 'undici';
import type { PlatformAdapter } from '../port.js';
import { DEFAULT_RETRY_POLICY } from '../retry.js';
import { ApiClient, type AdapterEvent } from './api-client.js';
import { resolveEndpoints } from './endpoints.js';
import { OptimizelyAdapter } from './optimizely-adapter.js';

export type { AdapterEvent } from './api-client.js';
export { API_VERSIONS, DEFAULT_API_URL, resolveEndpoints, type ApiVersion, type Endpoints } from './endpoints.js';
export { contentTypeFromWire, propertyGroupFromWire } from './to-canonical.js';
export { contentTypeToWire, propertyGroupToWire } from './to-wire.js';

export interface OptimizelyAdapterOptions {
  /** The API host, as the official CLI's OPTIMIZELY_CMS_API_URL means it: default
   *  'https://api.cms.optimizely.com'. catalyst adds the version path. */
  apiUrl: string;
  apiVersion: 'v1' | 'preview3';
  clientId: string;
  clientSecret: string;
  /** Per request, default 30_000. */
  timeoutMs?: number;
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Observes requests and retries (method, path, status, attempt, waitMs) for progress and
   *  logs. Never receives secrets or tokens. */
  onEvent?: (event: AdapterEvent) => void;
  /** For tests and proxies. */
  dispatcher?: Dispatcher;
  /** Injected in unit tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Epoch milliseconds; injected in tests of token expiry. Default `Date.now`. */
  now?: () => number;
  /** Uniform in [0, 1) for the backoff jitter; injected in tests. Default `Math.random`. */
  random?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The Optimizely platform adapter. Throws an `AdapterError` of kind `validation` at once when
 * `apiUrl` is not a usable host URL; nothing is sent until a method is called.
 */
export function createOptimizelyAdapter(options: OptimizelyAdapterOptions): PlatformAdapter {
  const endpoints = resolveEndpoints(options.apiUrl, options.apiVersion);
  const api = new ApiClient({
    endpoints,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: { ...DEFAULT_RETRY_POLICY, ...definedOnly(options.retry ?? {}) },
    dispatcher: options.dispatcher,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    onEvent: options.onEvent,
  });
  return new OptimizelyAdapter(api, options.apiVersion, endpoints);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;
}
