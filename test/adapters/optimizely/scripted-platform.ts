import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the scripted platform saw it. */
export interface SeenRequest {
  method: string;
  /** Path with query, e.g. '/_cms/v1/contenttypes?pageIndex=0&pageSize=100'. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

export type ScriptedAnswer =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  /** Destroy the socket without answering. */
  | 'reset'
  /** Never answer (until the server closes). */
  | 'hang';

export interface ScriptedPlatform {
  /** The host URL to give the adapter as `apiUrl`. */
  url: string;
  requests: SeenRequest[];
  /** API requests, without the token requests. */
  apiRequests(): SeenRequest[];
  tokenRequests(): SeenRequest[];
  close(): Promise<void>;
}

export const TOKEN_PATH = '/_cms/v1/oauth/token';

/**
 * A real HTTP server whose answers a test scripts request by request, for the edge cases a
 * faithful emulator does not produce (weak ETags, bodies that are not JSON, servers that ignore
 * paging). `answer` sees API requests only; token requests get a fresh token each time unless
 * `answerToken` answers them.
 */
export async function startScriptedPlatform(
  answer: (request: SeenRequest, index: number) => ScriptedAnswer | undefined,
  answerToken: (request: SeenRequest) => ScriptedAnswer | undefined = () => undefined,
): Promise<ScriptedPlatform> {
  const requests: SeenRequest[] = [];
  let tokens = 0;
  let apiIndex = 0;
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const seen: SeenRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: flat(req.headers), body };
      requests.push(seen);
      const isToken = seen.path.endsWith('/oauth/token');
      const scripted = isToken ? answerToken(seen) : answer(seen, apiIndex++);
      const reply =
        scripted ??
        (isToken
          ? { status: 200, body: { access_token: `token-${(tokens += 1)}`, token_type: 'Bearer', expires_in: 300 } }
          : { status: 500, body: { title: 'Unscripted request' } });
      if (reply === 'reset') {
        req.socket.destroy();
        return;
      }
      if (reply === 'hang') return;
      const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { ...(text === '' ? {} : { 'content-type': 'application/json' }), ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    apiRequests: () => requests.filter((request) => !request.path.endsWith('/oauth/token')),
    tokenRequests: () => requests.filter((request) => request.path.endsWith('/oauth/token')),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function flat(headers: IncomingMessage['headers']): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) result[name] = Array.isArray(value) ? value.join(', ') : value;
  return result;
}
