import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EmulatorConfig } from './config.js';
import { HttpProblem } from './http/problem.js';

/**
 * Access tokens are JWTs (HS256) signed with a key derived from the client credentials, so they
 * stay valid across a restart with the same credentials and `--data`, expire on the emulator's
 * clock, and cannot be made without the secret. The real service also issues JWTs [P2][DOC].
 */
export function issueToken(config: EmulatorConfig): { accessToken: string; expiresIn: number } {
  const issuedAt = Math.floor(config.now().getTime() / 1000);
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const payload = encode({
    iss: 'catalyst-emulator',
    sub: config.clientId,
    client_id: config.clientId,
    iat: issuedAt,
    exp: issuedAt + config.tokenTtlSeconds,
    jti: randomUUID(),
  });
  return { accessToken: `${header}.${payload}.${sign(`${header}.${payload}`, config)}`, expiresIn: config.tokenTtlSeconds };
}

/** 401 ProblemDetails unless the request carries a valid, unexpired bearer token [V1]. */
export function assertAuthenticated(req: IncomingMessage, config: EmulatorConfig): void {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) {
    throw unauthorized(
      'The request has no bearer token. Get one from POST /oauth/token and send it as "Authorization: Bearer <token>".',
      'Bearer',
    );
  }
  const problem = tokenProblem(match[1]!, config);
  if (problem !== undefined) throw unauthorized(problem, 'Bearer error="invalid_token"');
}

function tokenProblem(token: string, config: EmulatorConfig): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return 'The bearer token is not a token this server issued.';
  const [header, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${header}.${payload}`, config));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'The bearer token is not a token this server issued.';
  let claims: { exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
  } catch {
    return 'The bearer token is not a token this server issued.';
  }
  const now = Math.floor(config.now().getTime() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now) return 'The bearer token has expired; request a new one from POST /oauth/token.';
  return undefined;
}

function unauthorized(detail: string, challenge: string): HttpProblem {
  return new HttpProblem(401, detail, { headers: { 'www-authenticate': challenge } });
}

function sign(input: string, config: EmulatorConfig): string {
  const key = createHash('sha256').update(`catalyst-emulator-token\u0000${config.clientId}\u0000${config.clientSecret}`).digest();
  return createHmac('sha256', key).update(input).digest('base64url');
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Constant-time comparison of a presented credential with the configured one. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
