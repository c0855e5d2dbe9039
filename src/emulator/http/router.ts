import type { IncomingMessage } from 'node:http';
import type { Json } from '../json.js';
import type { Dialect } from '../dialect/dialect.js';
import type { EmulatorStore } from '../store/emulator-store.js';
import type { EmulatorConfig } from '../config.js';

/** What a handler sees of one request. */
export interface HandlerContext {
  req: IncomingMessage;
  url: URL;
  params: Readonly<Record<string, string>>;
  dialect: Dialect;
  /** The mount the route lives under, e.g. '/v1'; '' for root routes. */
  prefix: string;
  store: EmulatorStore;
  config: EmulatorConfig;
  /** The request body, read once, refused with 413 past the configured limit. */
  body(): Promise<Buffer>;
}

/** A handler's answer; the server writes it. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: Json;
}

export type Handler = (context: HandlerContext) => Promise<Reply> | Reply;

export interface Route {
  method: string;
  /** Literal segments and `:name` parameters, e.g. '/v1/contenttypes/:key'. */
  path: string;
  dialect: Dialect;
  prefix: string;
  /** Whether a valid bearer token is needed. */
  auth: boolean;
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/** A fixed route table matched segment by segment; parameters are percent-decoded. */
export class Router {
  private readonly routes: Array<Route & { segments: string[] }> = [];

  add(route: Route): void {
    this.routes.push({ ...route, segments: split(route.path) });
  }

  match(method: string, pathname: string): RouteMatch {
    const segments = split(pathname);
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (params === undefined) continue;
      if (route.method === method) return { kind: 'found', route, params };
      allowed.add(route.method);
    }
    return allowed.size > 0 ? { kind: 'method-not-allowed', allowed: [...allowed].sort() } : { kind: 'not-found' };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const expected = pattern[index]!;
    const given = actual[index]!;
    if (expected.startsWith(':')) {
      const decoded = safeDecode(given);
      if (decoded === undefined) return undefined;
      params[expected.slice(1)] = decoded;
    } else if (expected !== given) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
