import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { GitHubServer } from '../helpers/github-server.js';
import { runActionBundle } from '../helpers/run-action.js';
import type { CliResult } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

/** A client secret with the characters escaping and encoding change, so an echoed encoded form is caught too. */
const CANARY = 'Canary"q\\b+p/s=e&x %7d-3f9a1c0b';
const TOKEN_PREFIX = 'tok-canary-';
const KEY = 'canary passphrase for the saved secret';
const GITHUB_TOKEN = 'ghs_canary-github-token';

/** Every form in which the canary could leak: as is, JSON-escaped, URL-encoded, form-encoded, base64 (alone and as Basic credentials). */
const NEEDLES = [
  CANARY,
  JSON.stringify(CANARY).slice(1, -1),
  encodeURIComponent(JSON.stringify(CANARY).slice(1, -1)),
  encodeURIComponent(CANARY),
  new URLSearchParams({ s: CANARY }).toString().slice(2),
  Buffer.from(CANARY).toString('base64'),
  Buffer.from(`ci-client:${CANARY}`).toString('base64'),
  TOKEN_PREFIX,
  // Any part of it, as an error message shortened mid-secret would leave.
  CANARY.slice(0, 6),
];

/**
 * A CMS that echoes what it is sent: the token endpoint answers 400 with the request body (which
 * holds the secret) in its problem detail, or as a text body long enough that the message cuts it
 * mid-secret; the API answers 400 with the Authorization header.
 */
async function echoServer(): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const send = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      if (request.url?.endsWith('/oauth/token') && body.includes('echo-cut')) {
        response.writeHead(400, { 'content-type': 'text/plain' });
        return response.end(`${'x'.repeat(110)} ${body}`);
      }
      if (request.url?.endsWith('/oauth/token') && body.includes('echo-token'))
        return send(400, { code: 'invalid_request', title: 'Bad request', detail: `Could not use ${body} (${encodeURIComponent(body)})` });
      if (request.url?.endsWith('/oauth/token')) return send(200, { access_token: `${TOKEN_PREFIX}${Date.now()}`, expires_in: 300 });
      return send(400, { title: 'Bad request', detail: `You sent ${request.headers.authorization ?? ''} ${body}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The secret canary: a representative run of every command that handles the client secret — sign
 * in and save it, plan, save and show a plan, apply it, status, history, rollback, a policy
 * denial, logout — and CMS servers that echo it back in errors, through the CLI and the Action;
 * then the canary, in any encoding, must be in no output, no file written and no comment.
 */
describe('secret canary', () => {
  let emulator: RunningEmulator;
  let echo: Server;
  let github: GitHubServer;
  let root: string;
  let dir: string;
  const outputs: Array<{ args: string[]; text: string }> = [];

  const env = (extra: Record<string, string | undefined> = {}) => ({
    OPTIMIZELY_CMS_API_URL: undefined,
    OPTIMIZELY_CMS_CLIENT_ID: 'ci-client',
    OPTIMIZELY_CMS_CLIENT_SECRET: CANARY,
    ECHO_CLIENT_ID: 'echo-token',
    ECHO_CUT_ID: 'echo-cut',
    CATALYST_ACTOR: 'canary-test',
    CATALYST_CREDENTIALS_FILE: join(root, 'user-config', 'catalyst', 'credentials.json'),
    CATALYST_KEY: KEY,
    ...extra,
  });
  const run = async (args: string[], extra: Record<string, string | undefined> = {}): Promise<CliResult> => {
    const result = await runInProcess(args, { cwd: dir, env: env(extra) });
    outputs.push({ args, text: `${result.stdout}\n${result.stderr}` });
    return result;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, clientId: 'ci-client', clientSecret: CANARY });
    echo = await echoServer();
    github = await GitHubServer.start({ token: GITHUB_TOKEN, repository: 'acme/website' });
    root = await mkdtemp(join(tmpdir(), 'catalyst-canary-'));
    dir = join(root, 'project');
    const echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    await mkdir(join(dir, 'content-types'), { recursive: true });
    await writeFile(
      join(dir, 'catalyst.config.json'),
      JSON.stringify({
        defaultTarget: 'cms',
        targets: {
          cms: { url: emulator.url },
          'echo-token': { url: echoUrl, clientIdEnv: 'ECHO_CLIENT_ID' },
          'echo-cut': { url: echoUrl, clientIdEnv: 'ECHO_CUT_ID' },
          'echo-api': { url: echoUrl },
        },
      }),
    );
    await writeFile(join(dir, 'content-types', 'Article.yaml'), 'key: Article\nbaseType: page\ndisplayName: Article\n');
  });
  afterAll(async () => {
    await emulator?.close();
    await new Promise((resolve) => echo?.close(resolve));
    await github?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('runs the commands that touch the secret, on success', async () => {
    expect((await run(['login'])).code).toBe(0);
    expect((await run(['login', '--save'])).code).toBe(0);
    expect((await run(['plan'])).code).toBe(0);
    expect((await run(['plan', '--json', '--out', 'plan.json'])).code).toBe(0);
    expect((await run(['show', 'plan.json'])).code).toBe(0);
    expect((await run(['apply', 'plan.json'])).code).toBe(0);
    expect((await run(['status', '--json'])).code).toBe(0);
    expect((await run(['history'])).code).toBe(0);
    expect((await run(['history', 'verify', '--json'])).code).toBe(0);
    expect((await run(['rollback', '--last', '--out', 'rollback.json'])).code).toBe(0);
    await writeFile(join(dir, 'content-types', 'Teaser.yaml'), 'key: Teaser\nbaseType: component\ndisplayName: Teaser\n');
    expect((await run(['apply', '--auto-approve'], { OPTIMIZELY_CMS_CLIENT_SECRET: undefined })).code).toBe(0);
  });

  it('runs them on failure: a wrong passphrase, a policy denial, servers that echo the secret', async () => {
    expect((await run(['plan'], { OPTIMIZELY_CMS_CLIENT_SECRET: undefined, CATALYST_KEY: 'a wrong passphrase!' })).code).toBe(1);
    await writeFile(join(dir, 'catalyst.policy.yaml'), "targets:\n  cms:\n    grants:\n      plan: ['*']\n");
    await writeFile(join(dir, 'content-types', 'Denied.yaml'), 'key: Denied\nbaseType: page\ndisplayName: Denied\n');
    const denied = await run(['apply', '--auto-approve']);
    expect(denied.stderr).toContain('A010');
    await rm(join(dir, 'catalyst.policy.yaml'));
    const token = await run(['plan', '--target', 'echo-token']);
    expect(token.code).toBe(1);
    expect(token.stderr).toContain('invalid_request: Could not use');
    expect((await run(['login', '--target', 'echo-token'])).code).toBe(1);
    const cut = await run(['plan', '--target', 'echo-cut']);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('xxxxxxxx');
    const api = await run(['apply', '--auto-approve', '--target', 'echo-api']);
    expect(api.code).toBe(1);
    expect(api.stderr).toContain('[redacted]');
    expect((await run(['status', '--target', 'echo-api'])).code).toBe(1);
    expect((await run(['logout'])).code).toBe(0);
  });

  it('runs the Action on a pull request against the CMS and the echoing one', async () => {
    for (const target of ['cms', 'echo-token']) {
      const result = await runActionBundle(
        dir,
        { target },
        { github, token: GITHUB_TOKEN, tempRoot: root, env: env({ CATALYST_KEY: undefined, CATALYST_CREDENTIALS_FILE: undefined }) },
      );
      const log = result.log
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n');
      outputs.push({ args: ['action', target], text: `${log}\n${JSON.stringify(result.outputs)}\n${result.summary}` });
    }
    const comments = [...github.comments.values()].flat().map((comment) => comment.body);
    expect(comments.some((body) => body.includes('catalyst plan'))).toBe(true);
    outputs.push({ args: ['pull request comments'], text: comments.join('\n') });
  });

  it('the canary, in any encoding, is in no output, no file written, no comment', async () => {
    expect(outputs.length).toBeGreaterThanOrEqual(20);
    const files = [...(await filesUnder(dir)), ...(await filesUnder(join(root, 'user-config')).catch(() => []))];
    expect(files.map((file) => file.slice(dir.length + 1))).toEqual(
      expect.arrayContaining(['plan.json', 'rollback.json', 'catalyst.lock.json', 'catalyst.history/cms.jsonl']),
    );
    const texts = [
      ...outputs.map(({ args, text }) => ({ where: args.join(' '), text })),
      ...(await Promise.all(files.map(async (file) => ({ where: file, text: await readFile(file, 'latin1') })))),
    ];
    for (const { where, text } of texts)
      for (const needle of NEEDLES) expect({ where, needle, leaks: text.includes(needle) }).toEqual({ where, needle, leaks: false });
  });
});
