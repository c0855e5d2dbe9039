import { issueToken, sameSecret } from '../auth.js';
import { parseJson, requireMediaType } from '../http/body.js';
import { HttpProblem } from '../http/problem.js';
import type { HandlerContext, Reply } from '../http/router.js';
import { isJsonObject } from '../json.js';

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * `POST /oauth/token`, client credentials only [P2][DOC]: a JSON body (what the official CLI
 * sends), or a form body with the credentials in HTTP Basic auth or in the form. Errors are OAuth
 * errors, 400 `{error, error_description}` [P2 OauthTokenError].
 */
export async function postToken(context: HandlerContext): Promise<Reply> {
  const mediaType = requireMediaType(context.req, [JSON_TYPE, FORM_TYPE]);
  const body = await context.body();
  const fields = mediaType === JSON_TYPE ? jsonFields(parseJson(body)) : formFields(body);
  const basic = basicCredentials(context.req.headers.authorization);
  const grantType = fields.grant_type;
  const clientId = basic?.clientId ?? fields.client_id;
  const clientSecret = basic?.clientSecret ?? fields.client_secret;

  if (grantType === undefined) return oauthError('invalid_request', 'The grant_type parameter is required.');
  if (grantType !== 'client_credentials') {
    return oauthError('unsupported_grant_type', `The grant type '${grantType}' is not supported; use 'client_credentials'.`);
  }
  if (clientId === undefined || clientSecret === undefined) {
    return oauthError('invalid_request', 'The client_id and client_secret are required (in the body, or as HTTP Basic credentials).');
  }
  const { config } = context;
  if (!sameSecret(clientId, config.clientId) || !sameSecret(clientSecret, config.clientSecret)) {
    return oauthError('invalid_client', 'The client credentials are invalid.');
  }
  const token = issueToken(config);
  return {
    status: 200,
    headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
    body: { access_token: token.accessToken, token_type: 'Bearer', expires_in: token.expiresIn },
  };
}

type TokenFields = Partial<Record<'grant_type' | 'client_id' | 'client_secret', string>>;

function jsonFields(value: unknown): TokenFields {
  if (!isJsonObject(value)) throw new HttpProblem(400, 'The token request must be a JSON object.');
  const fields: TokenFields = {};
  for (const name of ['grant_type', 'client_id', 'client_secret'] as const) {
    const member = value[name];
    if (typeof member === 'string') fields[name] = member;
  }
  return fields;
}

function formFields(body: Buffer): TokenFields {
  const form = new URLSearchParams(body.toString('utf8'));
  const fields: TokenFields = {};
  for (const name of ['grant_type', 'client_id', 'client_secret'] as const) {
    const member = form.get(name);
    if (member !== null) fields[name] = member;
  }
  return fields;
}

/** RFC 6749 §2.3.1: `Basic base64(urlencode(id):urlencode(secret))`. */
function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const match = header === undefined ? null : /^Basic\s+(\S+)\s*$/i.exec(header);
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return value;
  }
}

function oauthError(error: string, description: string): Reply {
  return { status: 400, headers: { 'cache-control': 'no-store' }, body: { error, error_description: description } };
}
