import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CliContext, ProjectArgs } from '../cli/cli-context.js';
import type { ApplyJob } from './apply-job.js';
import { errorResponse, HttpError } from './http-error.js';
import { requestContext } from './request-context.js';
import { guardRequest } from './request-guard.js';
import { sseMessage } from './sse-message.js';
import { staticFile } from './static-file.js';
import { uiRoutes } from './ui-routes.js';

/** Only the loopback interface: other machines never reach the dashboard. */
export const UI_HOST = '127.0.0.1';

/** Request bodies are small JSON objects; anything bigger is refused. */
const MAX_BODY_BYTES = 64 * 1024;

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
} as const;

export interface UiServerOptions {
  /** Who acts and where: the context of the `catalyst ui` run. */
  context: CliContext;
  project: ProjectArgs;
  /** 0: any free port. */
  port: number;
}

export interface RunningUiServer {
  /** The address to open: it carries the token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the dashboard for a project on 127.0.0.1: the static front end, and the JSON API for
 * requests that carry the token of the printed URL (those that change anything must also come
 * from the dashboard's own origin). Bugs are reported on the context's stderr, never in a response.
 */
export async function startUiServer(options: UiServerOptions): Promise<RunningUiServer> {
  const token = randomBytes(24).toString('base64url');
  const jobs = new Map<string, ApplyJob>();
  /** Applies under way, each until its target's lock is released: closing waits for them. */
  const running = new Set<Promise<void>>();
  const report = (error: unknown) =>
    options.context.stderr.write(
      `Internal error in the dashboard server (a bug in catalyst):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  const track = (run: Promise<void>) => {
    running.add(run);
    void run.finally(() => running.delete(run));
  };
  const routes = uiRoutes({ project: options.project, jobs, track, report });
  let port = options.port;
  const server = createServer((request, response) => {
    const { context, messages } = requestContext(options.context);
    handle(request, response, context).catch((error: unknown) => {
      const { status, body } = errorResponse(error, messages(), report);
      if (response.headersSent) response.end();
      else send(response, status, body);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse, context: CliContext): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${UI_HOST}:${port}`);
    guardRequest(request, url, { port, token });
    const events = /^\/api\/jobs\/([^/]+)\/events$/.exec(url.pathname);
    if (events && request.method === 'GET') return streamJob(jobs.get(events[1]!), request, response);
    if (!url.pathname.startsWith('/api/')) {
      const file = request.method === 'GET' ? await staticFile(url.pathname) : undefined;
      if (!file) throw new HttpError(404, 'Not found', `Nothing is served at ${url.pathname}.`);
      response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': file.type }).end(file.body);
      return;
    }
    const matched = routes
      .map((route) => ({ route, match: route.pattern.exec(url.pathname) }))
      .find(({ route, match }) => match !== null && route.method === request.method);
    if (!matched?.match) throw new HttpError(404, 'Not found', `There is no ${request.method} ${url.pathname} in the dashboard's API.`);
    const body = request.method === 'POST' ? await readJson(request) : {};
    const params = matched.match.slice(1).map(decodeSegment);
    const result = await matched.route.handle({ params, url, body, context });
    send(response, result.status ?? 200, result.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, UI_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${UI_HOST}:${port}/?token=${token}`,
    port,
    close: async () => {
      for (const job of jobs.values()) job.stop();
      await Promise.all(running);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'Malformed address', `The path segment "${segment}" is not valid percent-encoding.`);
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** Streams a job's events as server-sent events; the stream ends after its `end` event. */
function streamJob(job: ApplyJob | undefined, request: IncomingMessage, response: ServerResponse): void {
  if (!job) throw new HttpError(404, 'No such apply', 'The apply may belong to an earlier run of `catalyst ui`.');
  response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
  const unsubscribe = job.subscribe((id, event, data) => {
    response.write(sseMessage(id, event, data));
    if (event === 'end') response.end();
  });
  if (job.finished) response.end();
  request.on('close', unsubscribe);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request too large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let parsed: unknown;
  try {
    parsed = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Invalid JSON', 'The request body must be a JSON object.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new HttpError(400, 'Invalid JSON', 'The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}
