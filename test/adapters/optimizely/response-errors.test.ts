import { describe, expect, it } from 'vitest';
import type { AdapterErrorKind } from '../../../src/adapters/errors.js';
import type { HttpResponse } from '../../../src/adapters/optimizely/http-client.js';
import { errorFromResponse, parseJsonBody, parseRetryAfter } from '../../../src/adapters/optimizely/response-errors.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const problem = (body: object): string => JSON.stringify(body);

function response(status: number, text: string, headers: Record<string, string> = {}): HttpResponse {
  return { status, text, headers };
}

describe('errorFromResponse maps statuses to kinds', () => {
  const cases: Array<{ name: string; response: HttpResponse; kind: AdapterErrorKind; code?: string; message: RegExp }> = [
    {
      name: '400 validation',
      response: response(
        400,
        problem({ title: 'Bad Request', detail: 'Invalid', errors: [{ field: 'properties.x.type', detail: 'Unknown type' }] }),
      ),
      kind: 'validation',
      message: /rejected as invalid: 400 Bad Request: Invalid \(properties\.x\.type: Unknown type\)/,
    },
    {
      name: '400 data loss (option name)',
      response: response(
        400,
        problem({
          detail: "The changes to 'A' are considered breaking. Use the 'ignoreDataLossWarnings' option to apply the changes anyway.",
        }),
      ),
      kind: 'data_loss',
      message: /could lose content data/,
    },
    {
      name: '400 data loss (words, in a field error)',
      response: response(400, problem({ title: 'Bad Request', errors: [{ detail: 'could potentially result in data loss' }] })),
      kind: 'data_loss',
      message: /data loss/,
    },
    { name: '401', response: response(401, problem({ title: 'Unauthorized' })), kind: 'auth', message: /OPTIMIZELY_CMS_CLIENT_ID/ },
    {
      name: '403',
      response: response(403, problem({ detail: "Required access is 'create'" })),
      kind: 'forbidden',
      message: /Required access is 'create'/,
    },
    { name: '404', response: response(404, ''), kind: 'not_found', message: /not found \(404\)/ },
    {
      name: '409 keeps the code',
      response: response(409, problem({ title: 'Conflict', code: 'DependencyConflict' })),
      kind: 'conflict',
      code: 'DependencyConflict',
      message: /\[DependencyConflict\]/,
    },
    { name: '412', response: response(412, problem({ title: 'Precondition Failed' })), kind: 'stale', message: /Run plan again/ },
    {
      name: '429',
      response: response(429, problem({ title: 'Too Many Requests' }), { 'retry-after': '3' }),
      kind: 'rate_limited',
      message: /Retry-After 3 s/,
    },
    { name: '500', response: response(500, '<html>oops</html>'), kind: 'server', message: /500 <html>oops<\/html>/ },
    { name: '503', response: response(503, ''), kind: 'server', message: /failed on the platform: 503/ },
    { name: '415', response: response(415, problem({ title: 'Unsupported Media Type' })), kind: 'protocol', message: /does not expect/ },
    {
      name: 'preview2 error map',
      response: response(400, problem({ title: 'One or more validation errors occurred.', errors: { Key: ['The key is invalid.'] } })),
      kind: 'validation',
      message: /Key: The key is invalid\./,
    },
  ];
  it.each(cases)('$name', ({ response: answer, kind, code, message }) => {
    const error = errorFromResponse(answer, 'PATCH /contenttypes/A', () => NOW);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(answer.status);
    expect(error.operation).toBe('PATCH /contenttypes/A');
    expect(error.message).toMatch(message);
    expect(error.message.startsWith('PATCH /contenttypes/A')).toBe(true);
    if (code !== undefined) expect(error.code).toBe(code);
  });

  it('keeps field errors', () => {
    const error = errorFromResponse(
      response(400, problem({ errors: [{ field: 'key', detail: 'Too short' }, { detail: 'General' }] })),
      'POST /contenttypes',
      () => NOW,
    );
    expect(error.fieldErrors).toEqual([{ field: 'key', detail: 'Too short' }, { detail: 'General' }]);
  });
});

describe('parseRetryAfter', () => {
  const cases: Array<{ value: string | undefined; seconds: number | undefined }> = [
    { value: '5', seconds: 5 },
    { value: ' 0 ', seconds: 0 },
    { value: 'Thu, 01 Jan 2026 00:00:10 GMT', seconds: 10 },
    { value: 'Wed, 31 Dec 2025 23:59:00 GMT', seconds: 0 },
    { value: 'soon', seconds: undefined },
    { value: '', seconds: undefined },
    { value: undefined, seconds: undefined },
  ];
  it.each(cases)('$value', ({ value, seconds }) => {
    expect(parseRetryAfter(value, () => NOW)).toBe(seconds);
  });
});

describe('parseJsonBody', () => {
  it('reads an empty body as undefined and JSON as JSON', () => {
    expect(parseJsonBody(response(204, ''), 'X')).toBeUndefined();
    expect(parseJsonBody(response(201, '  \n'), 'X')).toBeUndefined();
    expect(parseJsonBody(response(200, '{"a":1}'), 'X')).toEqual({ a: 1 });
  });

  it('calls a body that is not JSON a protocol error', () => {
    expect(() => parseJsonBody(response(200, '<html>gateway</html>'), 'GET /contenttypes')).toThrow(
      expect.objectContaining({
        kind: 'protocol',
        message: expect.stringMatching(/GET \/contenttypes: .*not JSON \(<html>gateway<\/html>\)/),
      }),
    );
  });
});
