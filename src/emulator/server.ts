import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { assertAuthenticated } from './auth.js';
import type { EmulatorConfig } from './config.js';
import { MOUNTS, V1, type Dialect } from './dialect/dialect.js';
import { readBody } from './http/body.js';
import { HttpProblem, renderProblem } from './http/problem.js';
import { Router, type HandlerContext, type Reply } from './http/router.js';
import type { Json } from './json.js';
import { buildRouter } from './routes.js';
import type { EmulatorStore } from './store/emulator-store.js';
import { EMULATOR_CONTROL_PREFIX, type TrafficControl } from './traffic/index.js';

export interface ServerDeps {
  store: EmulatorStore;
  traffic: TrafficControl;
  config: EmulatorConfig;
  /** The API's routes; tests may add their own to a router from buildRouter(). */
  router?: Router;
}

/**
 * The HTTP server. Per request: `/_emulator/*` control routes are answered directly; everything
 * else passes the traffic layer (rate limit, latency, faults), then the router, authentication
 * and the handler. Every failure becomes a ProblemDetails in the route's dialect; a handler that
 * throws something unexpected gives a 500 and the server keeps serving.
 */
export function createEmulatorServer(deps: ServerDeps): Server {
  const router = deps.router ?? buildRouter();
  return createServer((req, res) => {
    void handle(req, res, router, deps).catch((error: unknown) => {
      sendProblem(res, internalError(error), V1, req.url ?? '/');
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, router: Router, deps: ServerDeps): Promise<void> {
  const rawUrl = req.url ?? '/';
  if (!rawUrl.startsWith('/')) {
    sendProblem(res, new HttpProblem(400, 'The request target must be a path.'), V1, rawUrl);
    return;
  }
  const url = new URL(`http://emulator.invalid${rawUrl}`);
  if (url.pathname === EMULATOR_CONTROL_PREFIX || url.pathname.startsWith(`${EMULATOR_CONTROL_PREFIX}/`)) {
    await respond(req, res, url, () => control(req.method ?? 'GET', url.pathname, deps.traffic), V1);
    return;
  }
  await deps.traffic.middleware(req, res, () => dispatch(req, res, url, router, deps));
}

async function dispatch(req: IncomingMessage, res: ServerResponse, url: URL, router: Router, deps: ServerDeps): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const match = router.match(method, url.pathname);
  const dialect = match.kind === 'found' ? match.route.dialect : dialectOfPath(url.pathname);
  await respond(
    req,
    res,
    url,
    async () => {
      if (match.kind === 'not-found') throw new HttpProblem(404, `There is no resource at ${url.pathname}.`);
      if (match.kind === 'method-not-allowed') {
        throw new HttpProblem(405, `${method} is not allowed on ${url.pathname}; use ${match.allowed.join(', ')}.`, {
          headers: { allow: match.allowed.join(', ') },
        });
      }
      const { route, params } = match;
      if (route.auth) assertAuthenticated(req, deps.config);
      let body: Promise<Buffer> | undefined;
      const context: HandlerContext = {
        req,
        url,
        params,
        dialect: route.dialect,
        prefix: route.prefix,
        store: deps.store,
        config: deps.config,
        body: () => (body ??= readBody(req, deps.config.maxBodyBytes)),
      };
      return route.handler(context);
    },
    dialect,
  );
}

/** Runs a handler and writes its reply or its problem. */
async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  run: () => Promise<Reply> | Reply,
  dialect: Dialect,
): Promise<void> {
  let reply: Reply;
  try {
    reply = await run();
  } catch (error) {
    sendProblem(res, error instanceof HttpProblem ? error : internalError(error), dialect, url.pathname);
    drain(req);
    return;
  }
  drain(req);
  send(res, reply.status, reply.headers ?? {}, reply.body, 'application/json; charset=utf-8');
}

function control(method: string, pathname: string, traffic: TrafficControl): Reply {
  const routes: Record<string, { method: string; reply: () => Reply }> = {
    [`${EMULATOR_CONTROL_PREFIX}/counters`]: { method: 'GET', reply: () => ({ status: 200, body: traffic.counters() as unknown as Json }) },
    [`${EMULATOR_CONTROL_PREFIX}/reset-counters`]: {
      method: 'POST',
      reply: () => {
        traffic.reset();
        return { status: 204 };
      },
    },
  };
  const route = routes[pathname];
  if (route === undefined) throw new HttpProblem(404, `There is no control endpoint at ${pathname}.`);
  if (route.method !== method.toUpperCase()) {
    throw new HttpProblem(405, `${method} is not allowed on ${pathname}; use ${route.method}.`, { headers: { allow: route.method } });
  }
  return route.reply();
}

function sendProblem(res: ServerResponse, problem: HttpProblem, dialect: Dialect, instance: string): void {
  send(
    res,
    problem.status,
    { ...problem.headers },
    renderProblem(problem, dialect.errorShape, instance),
    'application/problem+json; charset=utf-8',
  );
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: Json | undefined, contentType: string): void {
  if (res.headersSent || res.destroyed) return;
  const text = body === undefined ? undefined : JSON.stringify(body);
  const all: Record<string, string | number> = { ...headers };
  if (text !== undefined) {
    all['content-type'] = contentType;
    all['content-length'] = Buffer.byteLength(text);
  }
  res.writeHead(status, all);
  res.end(text);
}

function internalError(error: unknown): HttpProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return new HttpProblem(500, `The emulator failed while handling the request: ${reason}`);
}

/** Discards a request body nobody read, so the connection can serve the next request. */
function drain(req: IncomingMessage): void {
  if (!req.complete) req.resume();
}

function dialectOfPath(pathname: string): Dialect {
  return MOUNTS.find(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.dialect ?? V1;
}
