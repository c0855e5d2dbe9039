import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdapterError } from '../../src/adapters/errors.js';
import { secretForms } from '../../src/adapters/secret-forms.js';
import { StrapiClient } from '../../src/adapters/strapi/strapi-client.js';

const PASSWORD = 'Strapi"pass\\word+/=&x 9c1e';
const TOKEN = 'jwt-canary-token-77aa0c';

/** A Strapi that echoes: the login (with `echo` in the email) answers 400 with the request body; any other call 400 with its Authorization header, as text. */
async function echoingStrapi(): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.url === '/admin/login' && !body.includes('echo')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ data: { token: TOKEN } }));
      }
      if (request.url === '/admin/login') {
        response.writeHead(500, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ error: { message: `cannot log in with ${body}` } }));
      }
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end(
        `${'x'.repeat(280)}${request.headers.authorization ?? ''} and ${encodeURIComponent(String(request.headers.authorization))}`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('a server that echoes credentials back in an error gets none of them into the message', () => {
  let server: Server;
  const client = (email: string) =>
    new StrapiClient({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      email,
      password: PASSWORD,
      timeoutMs: 5_000,
      restartTimeoutMs: 1_000,
      sleep: async () => undefined,
      now: () => Date.now(),
    });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable(),
      (error: unknown) => error as AdapterError,
    );
  const leaks = (message: string) => [...secretForms(PASSWORD), ...secretForms(TOKEN)].filter((form) => message.includes(form));

  beforeAll(async () => {
    server = await echoingStrapi();
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('Strapi: the password in the login body, the JWT in the Authorization header (even where the detail is cut)', async () => {
    const login = await failure(client('echo@acme.example').send('GET', '/content-type-builder/content-types'));
    expect(login).toBeInstanceOf(AdapterError);
    expect(login.message).toContain('[redacted]');
    expect(leaks(login.message)).toEqual([]);
    const call = await failure(client('admin@acme.example').send('GET', '/content-type-builder/content-types'));
    expect(call.message).toContain('Strapi answered 400');
    expect(leaks(call.message)).toEqual([]);
  });

  it('secretForms: the forms an echo gives, longest first', () => {
    const forms = secretForms('a"b c');
    expect(forms).toEqual(expect.arrayContaining(['a"b c', 'a\\"b c', 'a%22b%20c', 'a%22b+c', Buffer.from('a"b c').toString('base64')]));
    expect(forms).toEqual([...forms].sort((a, b) => b.length - a.length));
  });
});
