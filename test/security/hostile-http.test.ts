import { readFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../src/adapters/errors.js';
import { MAX_RESPONSE_BYTES, sendHttp } from '../../src/adapters/optimizely/http-client.js';
import { ScenarioProject } from '../scenarios/helpers/scenario-project.js';

/** A server that answers every connection with `answer` (raw bytes), for responses no real HTTP server would send. */
async function rawServer(answer: (socket: Socket) => void): Promise<Server> {
  const server = createNetServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', () => answer(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const urlOf = (server: Server, scheme = 'http') => `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}/v1/contenttypes`;

describe('hostile HTTP answers are AdapterErrors that say what happened, never internal errors', () => {
  let server: Server | undefined;
  afterEach(async () => {
    (server as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  async function failure(url: string): Promise<AdapterError> {
    const error = await sendHttp({ method: 'GET', url, headers: {} }, { timeoutMs: 10_000 }, 'GET /contenttypes').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AdapterError);
    return error as AdapterError;
  }

  it('an answer that is not HTTP', async () => {
    server = await rawServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\nnot http at all\r\n\r\n'));
    const error = await failure(urlOf(server));
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('answered with something that is not valid HTTP');
  });

  it('a 200 KB header', async () => {
    server = await rawServer((socket) => socket.end(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(200_000)}\r\nContent-Length: 2\r\n\r\n{}`));
    const error = await failure(urlOf(server));
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/UND_ERR_HEADERS_OVERFLOW|not valid HTTP/);
  });

  it('a body announced larger than the cap', async () => {
    server = await rawServer((socket) => socket.end(`HTTP/1.1 200 OK\r\nContent-Length: ${600 * 1024 * 1024}\r\n\r\n{}`));
    const error = await failure(urlOf(server));
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('larger than 50 MB');
  });

  it('a chunked body that grows past the cap', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    server = await rawServer((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
      let sent = 0;
      const more = () => {
        while (sent <= MAX_RESPONSE_BYTES + chunk.length) {
          sent += chunk.length;
          socket.write(`${chunk.length.toString(16)}\r\n`);
          socket.write(chunk);
          if (!socket.write('\r\n')) return void socket.once('drain', more);
        }
        socket.end('0\r\n\r\n');
      };
      more();
    });
    const error = await failure(urlOf(server));
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('larger than 50 MB');
  });

  it('a self-signed certificate: names the host and NODE_EXTRA_CA_CERTS', async () => {
    const [key, cert] = await Promise.all([
      readFile(new URL('../fixtures/tls/self-signed-key.pem', import.meta.url)),
      readFile(new URL('../fixtures/tls/self-signed-cert.pem', import.meta.url)),
    ]);
    const https = createHttpsServer({ key, cert }, (_request, response) => response.end('{}'));
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    server = https as unknown as Server;
    const error = await failure(urlOf(server, 'https'));
    expect(error.kind).toBe('protocol');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(`the TLS certificate of 127.0.0.1:${(server.address() as AddressInfo).port} was not accepted`);
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('through the CLI: a malformed answer is an error that names the CMS call, exit 1, no internal error', async () => {
    server = await rawServer((socket) => socket.end('HTTP/1.1 ZZZ broken\r\n\r\n'));
    const project = await ScenarioProject.create({ apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    try {
      const result = await project.runInProcess(['plan']);
      expect(result.stderr).toContain('Error: The CMS call failed: protocol');
      expect(result.stderr).not.toContain('Internal error');
      expect(result.code).toBe(1);
    } finally {
      await project.dispose();
    }
  });
});
