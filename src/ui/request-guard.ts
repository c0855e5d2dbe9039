import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** The header the dashboard sends its token in; EventSource, which cannot set headers, sends `?token=` (accepted there only). */
export const TOKEN_HEADER = 'x-catalyst-token';

/** The one route a browser reads with EventSource, which cannot send the header: progress of an apply. */
const EVENT_STREAM = /^\/api\/jobs\/[^/]+\/events$/;

/** Methods that only read. Everything else changes state and must also come from the dashboard's own origin. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Who may use the server: requests addressed to it by its loopback name (so a page on another site
 * cannot reach it through DNS rebinding), carrying the token of the URL it printed for the API,
 * and for anything that changes state, sent from the dashboard itself (its Origin). Throws a 403
 * HttpError for anything else.
 */
export function guardRequest(request: IncomingMessage, url: URL, server: { port: number; token: string }): void {
  const origins = [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`];
  if (!origins.some((origin) => `http://${request.headers.host ?? ''}` === origin))
    throw new HttpError(403, 'Unknown host', 'The dashboard answers only at the 127.0.0.1 address `catalyst ui` printed.');
  if (!url.pathname.startsWith('/api/')) return;
  const header = request.headers[TOKEN_HEADER];
  const streamed = SAFE_METHODS.has(request.method ?? '') && EVENT_STREAM.test(url.pathname);
  const given = typeof header === 'string' ? header : streamed ? url.searchParams.get('token') : null;
  if (given === null || !sameToken(given, server.token))
    throw new HttpError(403, 'Missing or wrong token', 'Open the dashboard with the URL `catalyst ui` printed: it carries the token.');
  if (SAFE_METHODS.has(request.method ?? '')) return;
  if (!origins.includes(request.headers.origin ?? ''))
    throw new HttpError(403, 'Request from another origin', 'Changes are accepted only from the dashboard page itself.');
}

function sameToken(given: string, token: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}
