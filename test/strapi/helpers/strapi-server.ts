import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_DIR } from './install-fixture.js';

/** A Strapi 5 server of its own, on a free loopback port, with a fresh database and a registered admin. */
export interface StrapiServer {
  url: string;
  email: string;
  password: string;
  /** The project directory it runs in (a scratch copy of the fixture). */
  dir: string;
  /** An admin JWT, for changing the server behind catalyst's back. */
  token: string;
  /** Sends an admin API request with the token; resolves with the status and the parsed body. */
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Resolves once a schema write has restarted the server and it answers again. */
  waitUntilReady(): Promise<void>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;
const ADMIN = { firstname: 'Catalyst', lastname: 'Tests', email: 'admin@catalyst.test', password: 'Catalyst-Tests-1' };

/**
 * Starts Strapi (`develop`, which schema writes need) from a scratch copy of test/strapi/fixture
 * whose node_modules is a symlink to the cached install, so every test file has its own project
 * directory and SQLite file. `stop` kills the whole process group (develop runs a cluster).
 */
export async function startStrapi(install: string): Promise<StrapiServer> {
  const dir = await mkdtemp(join(tmpdir(), 'catalyst-strapi-'));
  await cp(join(FIXTURE_DIR, 'config'), join(dir, 'config'), { recursive: true });
  await cp(join(FIXTURE_DIR, 'package.json'), join(dir, 'package.json'));
  await mkdir(join(dir, 'public', 'uploads'), { recursive: true });
  await symlink(join(install, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(dir, 'strapi.log');
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [
      join(dir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'),
      'develop',
      '--no-watch-admin',
      '--no-build-admin',
      '--no-install-deps',
    ],
    {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        STRAPI_TELEMETRY_DISABLED: 'true',
        NODE_ENV: 'development',
        BROWSER: 'none',
      },
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = signal ?? `code ${code}`));

  const stop = async () => {
    await killGroup(child);
    log.end();
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  const tail = async () => (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-30).join('\n');

  const waitUntilReady = async () => {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (exited !== undefined) throw new Error(`Strapi exited (${exited}) in ${dir}. Its log ends:\n${await tail()}`);
      const health = await fetch(`${url}/_health`).catch(() => undefined);
      if (health?.status === 204) return;
      if (Date.now() > deadline)
        throw new Error(`Strapi did not answer ${url}/_health within ${START_TIMEOUT_MS / 1000} s. Its log ends:\n${await tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  try {
    await waitUntilReady();
    const registered = await fetch(`${url}/admin/register-admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const body = (await registered.json()) as { data?: { token?: string } };
    if (!registered.ok || !body.data?.token) throw new Error(`registering the Strapi admin answered ${registered.status}`);
    const token = body.data.token;
    const request = async (method: string, path: string, payload?: unknown) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await response.text();
      let parsed: unknown = text === '' ? null : text;
      try {
        parsed = JSON.parse(text) as unknown;
      } catch {
        // not JSON (e.g. "Method Not Allowed"): the text is the body
      }
      return { status: response.status, body: parsed };
    };
    return { url, email: ADMIN.email, password: ADMIN.password, dir, token, request, waitUntilReady, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // the group is already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
