import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT_SECRET, startEmulator } from '../../src/emulator/index.js';
import { CLI_MAIN, runCli } from '../helpers/run-cli.js';
import { Api, sampleType } from './helpers/api.js';

const READY = /^Optimizely CMS emulator listening on (http:\/\/127\.0\.0\.1:\d+) \(client id: ([^)]+)\)\n$/;

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  firstLine: string;
  output: () => { stdout: string; stderr: string };
}

/** Starts `catalyst emulator` as a user would and waits for its ready line. */
async function startCommand(args: string[], env: Record<string, string | undefined> = {}): Promise<Running> {
  const child = spawn(process.execPath, [CLI_MAIN, 'emulator', ...args], {
    env: { ...process.env, NO_COLOR: '1', OPTIMIZELY_CMS_CLIENT_ID: undefined, OPTIMIZELY_CMS_CLIENT_SECRET: undefined, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('\n')) resolve(stdout);
    });
    child.once('exit', (code) => reject(new Error(`catalyst emulator exited with ${code} before it was ready: ${stderr}`)));
  });
  const match = READY.exec(firstLine);
  if (match === null) throw new Error(`unexpected first output: ${JSON.stringify(firstLine)}`);
  return { child, url: match[1]!, firstLine, output: () => ({ stdout, stderr }) };
}

async function stop(running: Running, signal: NodeJS.Signals): Promise<number | string | null> {
  const exited = once(running.child, 'exit');
  running.child.kill(signal);
  const [code, killedBy] = (await exited) as [number | null, NodeJS.Signals | null];
  return code ?? `killed by ${killedBy}; stderr: ${running.output().stderr}`;
}

describe('catalyst emulator', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalyst-emulator-command-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints exactly one line when ready, serves the API, and stops cleanly on SIGTERM, flushing --data', async () => {
    const dataFile = join(dir, 'sigterm.json');
    const running = await startCommand(['--port', '0', '--data', dataFile]);
    expect(running.firstLine).toMatch(READY);
    expect(READY.exec(running.firstLine)![2]).toBe('catalyst-demo');
    const api = new Api(running.url);
    expect((await api.post('/v1/contenttypes', sampleType('FromCommand'))).status).toBe(201);
    expect(await stop(running, 'SIGTERM')).toBe(0);
    expect(running.output().stdout).toBe(running.firstLine);
    expect(running.output().stdout + running.output().stderr).not.toContain(DEMO_CLIENT_SECRET);
    const state = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(state.contentTypes.map((stored: { doc: { key: string } }) => stored.doc.key)).toContain('FromCommand');
  });

  it('stops cleanly on SIGINT too, and serves the saved state on the next start', async () => {
    const dataFile = join(dir, 'sigint.json');
    const first = await startCommand(['--port', '0', '--data', dataFile]);
    await new Api(first.url).post('/v1/contenttypes', sampleType('Survivor'));
    expect(await stop(first, 'SIGINT')).toBe(0);
    const second = await startCommand(['--port', '0', '--data', dataFile]);
    try {
      expect((await new Api(second.url).get('/v1/contenttypes/Survivor')).status).toBe(200);
    } finally {
      await stop(second, 'SIGTERM');
    }
  });

  it('takes credentials from the environment, and never prints the secret', async () => {
    const running = await startCommand(['--port', '0'], {
      OPTIMIZELY_CMS_CLIENT_ID: 'env-client',
      OPTIMIZELY_CMS_CLIENT_SECRET: 'env-secret-value',
    });
    try {
      expect(READY.exec(running.firstLine)![2]).toBe('env-client');
      expect(
        (await new Api(running.url, { clientId: 'env-client', clientSecret: 'env-secret-value' }).get('/v1/contenttypes')).status,
      ).toBe(200);
      expect(
        (
          await new Api(running.url).post(
            '/oauth/token',
            { grant_type: 'client_credentials', client_id: 'catalyst-demo', client_secret: DEMO_CLIENT_SECRET },
            { anonymous: true },
          )
        ).status,
      ).toBe(400);
    } finally {
      await stop(running, 'SIGTERM');
    }
    expect(running.output().stdout + running.output().stderr).not.toContain('env-secret-value');
  });

  it('prefers --client-id/--client-secret to the environment', async () => {
    const running = await startCommand(['--port', '0', '--client-id', 'flag-client', '--client-secret', 'flag-secret'], {
      OPTIMIZELY_CMS_CLIENT_ID: 'env-client',
    });
    try {
      expect(READY.exec(running.firstLine)![2]).toBe('flag-client');
      expect((await new Api(running.url, { clientId: 'flag-client', clientSecret: 'flag-secret' }).get('/v1/contenttypes')).status).toBe(
        200,
      );
    } finally {
      await stop(running, 'SIGTERM');
    }
    expect(running.output().stdout).not.toContain('flag-secret');
  });

  it('passes --token-ttl, --strict-references and the traffic flags to the emulator', async () => {
    const running = await startCommand([
      '--port',
      '0',
      '--token-ttl',
      '42',
      '--strict-references',
      '--rate-limit',
      '100/min',
      '--fault',
      'GET /v1/info=503@1',
    ]);
    try {
      const api = new Api(running.url);
      expect(
        (
          await api.post(
            '/oauth/token',
            { grant_type: 'client_credentials', client_id: 'catalyst-demo', client_secret: DEMO_CLIENT_SECRET },
            { anonymous: true },
          )
        ).json.expires_in,
      ).toBe(42);
      expect((await api.post('/v1/contenttypes', sampleType('Strict', { mayContainTypes: ['Nobody'] }))).status).toBe(400);
      expect((await api.get('/v1/info', { anonymous: true })).status).toBe(503);
      expect((await api.get('/v1/info', { anonymous: true })).status).toBe(200);
    } finally {
      await stop(running, 'SIGTERM');
    }
  });

  it.each([
    [['--fault', 'sometimes'], /Invalid --fault "sometimes"/],
    [['--rate-limit', 'fast'], /Invalid --rate-limit "fast"/],
    [['--latency', '9-1'], /Invalid --latency "9-1"/],
    [['--port', '70000'], /--port must be a whole number from 0 to 65535/],
  ])('refuses %j with a message and exit code 1', async (args, message) => {
    const result = await runCli(['emulator', ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('Internal error');
    expect(result.stdout).toBe('');
  });

  it('says which port is taken', async () => {
    const busy = await startEmulator({ port: 0 });
    try {
      const result = await runCli(['emulator', '--port', String(busy.port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${busy.port} on 127.0.0.1 is already in use`);
      expect(result.stderr).not.toContain('Internal error');
    } finally {
      await busy.close();
    }
  });

  it('documents the demo defaults in its help', async () => {
    const result = await runCli(['emulator', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('catalyst-demo');
    expect(result.stdout).toContain('catalyst-demo-secret');
    expect(result.stdout).toContain('OPTIMIZELY_CMS_CLIENT_SECRET');
  });
});
