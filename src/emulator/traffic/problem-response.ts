import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { RateLimit } from './types.js';

/**
 * RFC section URIs in the tools.ietf.org form of ASP.NET Core's default problem types; Optimizely
 * CMS is built on ASP.NET Core, so this is the likeliest real shape (an inference, see README).
 */
const TYPE_BY_STATUS: Readonly<Record<number, string>> = {
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
  501: 'https://tools.ietf.org/html/rfc9110#section-15.6.2',
  502: 'https://tools.ietf.org/html/rfc9110#section-15.6.3',
  503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
  504: 'https://tools.ietf.org/html/rfc9110#section-15.6.5',
  505: 'https://tools.ietf.org/html/rfc9110#section-15.6.6',
};

/** 429 as v1 declares it: Retry-After in whole seconds and a ProblemDetails body as application/json. */
export function sendTooManyRequests(res: ServerResponse, retryAfterSeconds: number, limit: RateLimit): void {
  const perMinute = Math.round(limit.refillPerSecond * 60 * 1000) / 1000;
  send(
    res,
    429,
    'application/json',
    { 'retry-after': String(retryAfterSeconds) },
    {
      type: TYPE_BY_STATUS[429],
      title: 'Too Many Requests',
      status: 429,
      detail:
        `The emulator's rate limit (a burst of ${limit.capacity}, then ${perMinute} requests per minute) is used up. ` +
        `Retry after ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
      code: 'TooManyRequests',
    },
  );
}

/** A scripted 5xx: ProblemDetails as application/problem+json, like the API's other errors. */
export function sendInjectedStatus(res: ServerResponse, status: number, ruleText: string): void {
  send(
    res,
    status,
    'application/problem+json',
    { 'x-emulator-fault': ruleText },
    {
      type: TYPE_BY_STATUS[status] ?? 'about:blank',
      title: STATUS_CODES[status] ?? 'Server Error',
      status,
      detail: `Injected by the emulator's fault rule "${ruleText}".`,
    },
  );
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  headers: Record<string, string>,
  body: Record<string, unknown>,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': `${contentType}; charset=utf-8`,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
