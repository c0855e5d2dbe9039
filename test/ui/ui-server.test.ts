import { rm } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { DEMO_CLIENT_SECRET, startScenarioEmulator } from '../scenarios/helpers/scenario-cms.js';
import { readFixture } from '../scenarios/helpers/read-fixture.js';
import { ScenarioProject } from '../scenarios/helpers/scenario-project.js';
import { startUi, type RunningUi } from './helpers/start-ui.js';
import { acquireTargetLock, lockDirectory } from '../../src/io/lock/target-lock.js';

const PROMO = 'key: PromoBlock\nbaseType: component\ndisplayName: Promo\nproperties:\n  text: string\n';

/** A CMS user's edit of HeroBlock: drift for the plan to show (undone by the test that makes it). */
async function editInCmsStore(emulator: RunningEmulator): Promise<void> {
  emulator.store.editContentType('HeroBlock', (doc) => ({ ...doc, description: 'Edited in the CMS' }));
}

/** A raw request, so the Host and Origin headers are exactly what a test says (fetch would set them). */
function send(
  ui: RunningUi,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port: ui.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { ...options.headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('catalyst ui: the server', () => {
  let emulator: RunningEmulator;
  let project: ScenarioProject;
  let ui: RunningUi;
  const withToken = () => ({ 'x-catalyst-token': ui.token });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    send(ui, {
      method: 'POST',
      path,
      headers: { ...withToken(), origin: ui.origin, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const get = async <T>(path: string): Promise<T> => {
    const answer = await send(ui, { path, headers: withToken() });
    expect(answer.status, answer.text).toBe(200);
    return JSON.parse(answer.text) as T;
  };

  beforeAll(async () => {
    emulator = await startScenarioEmulator();
    project = await ScenarioProject.create({ apiUrl: emulator.url });
    await project.setContentTypes(await readFixture('lifecycle/v1'));
    expect((await project.runInProcess(['apply', '--auto-approve'])).code).toBe(0);
    ui = await startUi(project.dir);
  });

  afterAll(async () => {
    await ui?.close();
    await emulator?.close();
    await project?.dispose();
  });

  it('listens on 127.0.0.1 only, with a random token in the URL it gives', async () => {
    expect(ui.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    expect(ui.port).toBeGreaterThan(0);
    // Another loopback address of this machine: nothing listens there.
    await expect(send(ui, { path: '/', host: '127.0.0.2' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const other = await startUi(project.dir);
    try {
      expect(other.token).not.toBe(ui.token);
    } finally {
      await other.close();
    }
  });

  it('serves the page without the token, with a content security policy that allows nothing from elsewhere', async () => {
    const page = await send(ui, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<script type="module" src="/app.js"></script>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await send(ui, { path: '/app.js' })).headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('refuses the API without the token, with a wrong one, or addressed by another host name (DNS rebinding): 403 JSON', async () => {
    const refused: Array<Record<string, string>> = [{}, { 'x-catalyst-token': 'wrong' }, { 'x-catalyst-token': `${ui.token}x` }];
    for (const headers of refused) {
      const answer = await send(ui, { path: '/api/project', headers });
      expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({
        status: 403,
        body: { error: { summary: 'Missing or wrong token', detail: expect.stringContaining('URL `catalyst ui` printed') } },
      });
    }
    const rebound = await send(ui, { path: '/api/project', headers: { ...withToken(), host: `evil.example:${ui.port}` } });
    expect({ status: rebound.status, summary: JSON.parse(rebound.text).error.summary }).toEqual({ status: 403, summary: 'Unknown host' });
    const page = await send(ui, { path: '/', headers: { host: `evil.example:${ui.port}` } });
    expect(page.status).toBe(403);
    expect((await send(ui, { path: '/api/project', headers: withToken() })).status).toBe(200);
    expect((await send(ui, { path: '/api/project', headers: { ...withToken(), host: `localhost:${ui.port}` } })).status).toBe(200);
    // The token in the query is for the event stream only (EventSource cannot send headers); elsewhere it would end up in logs and history.
    expect((await send(ui, { path: `/api/project?token=${ui.token}` })).status).toBe(403);
  });

  it('refuses a change without the dashboard’s Origin, even with the token, and a token in the query for a change', async () => {
    const body = JSON.stringify({ conflict: 'HeroBlock', take: 'yaml' });
    const path = '/api/targets/cms/resolve';
    for (const origin of [undefined, 'http://evil.example', `http://127.0.0.1:${ui.port + 1}`, 'null']) {
      const headers: Record<string, string> = { ...withToken(), ...(origin ? { origin } : {}) };
      const answer = await send(ui, { method: 'POST', path, headers, body });
      expect({ origin, status: answer.status, summary: JSON.parse(answer.text).error.summary }).toEqual({
        origin,
        status: 403,
        summary: 'Request from another origin',
      });
    }
    const queryOnly = await send(ui, { method: 'POST', path: `${path}?token=${ui.token}`, headers: { origin: ui.origin }, body });
    expect(queryOnly.status).toBe(403);
    const allowed = await post(path, { conflict: 'HeroBlock', take: 'yaml' });
    expect({ status: allowed.status, summary: JSON.parse(allowed.text).error.summary }).toEqual({
      status: 400,
      summary: 'No conflicts to resolve',
    });
  });

  it('the plan is the document `catalyst plan --json` prints', async () => {
    await editInCmsStore(emulator);
    const [answer, cli] = await Promise.all([
      get<{ plan: Record<string, unknown> }>('/api/targets/cms/plan'),
      project.runInProcess(['plan', '--json']),
    ]);
    const printed = JSON.parse(cli.stdout) as Record<string, unknown>;
    expect((printed.drift as unknown[]).length).toBe(1);
    expect({ ...answer.plan, createdAt: null }).toEqual({ ...printed, createdAt: null });
    emulator.store.editContentType('HeroBlock', ({ description: _edited, ...doc }) => doc);
  });

  it('answers bad input with a 4xx JSON message, never an internal error or a stack trace', async () => {
    const cases = [
      { answer: await post('/api/targets/cms/apply', 'not an object'), status: 400, summary: 'Invalid JSON' },
      { answer: await post('/api/targets/cms/apply', {}), status: 400, summary: 'Bad apply request' },
      { answer: await post('/api/targets/cms/resolve', { take: 'both' }), status: 400, summary: 'Bad resolve request' },
      { answer: await post('/api/targets/nowhere/resolve', { conflict: 'X', take: 'cms' }), status: 404, summary: 'No target nowhere' },
      { answer: await send(ui, { path: '/api/targets/cms/rollback', headers: withToken() }), status: 400, summary: 'Which run?' },
      { answer: await send(ui, { path: '/api/targets/cms/rollback?run=nope', headers: withToken() }), status: 400, summary: 'No run nope' },
      { answer: await send(ui, { path: '/api/nothing', headers: withToken() }), status: 404, summary: 'Not found' },
      { answer: await send(ui, { path: '/api/targets/%E0%A4%A/plan', headers: withToken() }), status: 400, summary: 'Malformed address' },
      { answer: await send(ui, { path: '/api/jobs/none/events', headers: withToken() }), status: 404, summary: 'No such apply' },
      { answer: await send(ui, { path: '/etc/passwd' }), status: 404, summary: 'Not found' },
    ];
    for (const { answer, status, summary } of cases) {
      expect({ status: answer.status, summary: JSON.parse(answer.text).error.summary }).toEqual({ status, summary });
      expect(answer.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
    const invalid = await send(ui, {
      method: 'POST',
      path: '/api/targets/cms/apply',
      headers: { ...withToken(), origin: ui.origin },
      body: '{"changes":',
    });
    expect({ status: invalid.status, summary: JSON.parse(invalid.text).error.summary }).toEqual({ status: 400, summary: 'Invalid JSON' });
    expect(ui.stderr()).toBe('');
  });

  it('an apply: refused while another run holds the target, or when the plan changed since it was shown; then its steps as server-sent events, ending with the outcome', async () => {
    await project.write({ 'content-types/PromoBlock.yaml': PROMO });
    const planned = await get<{ plan: { steps: Array<{ action: string; key: string }> }; changes: string; hasChanges: boolean }>(
      '/api/targets/cms/plan',
    );
    expect(planned.plan.steps.map((step) => `${step.action} ${step.key}`)).toEqual(['create PromoBlock']);
    expect(JSON.stringify(planned)).not.toContain(DEMO_CLIENT_SECRET);

    const held = await acquireTargetLock(lockDirectory(project.dir), 'cms', { owner: 'another run', operation: 'apply' });
    try {
      const locked = await post('/api/targets/cms/apply', { changes: planned.changes });
      expect({ status: locked.status, summary: JSON.parse(locked.text).error.summary }).toEqual({
        status: 409,
        summary: 'Target cms is locked',
      });
    } finally {
      await held.release();
    }

    const stale = await post('/api/targets/cms/apply', { changes: 'sha256:0' });
    expect({ status: stale.status, summary: JSON.parse(stale.text).error.summary }).toEqual({ status: 409, summary: 'The plan changed' });
    expect(await project.locked()).not.toHaveProperty('contentTypes.PromoBlock');

    const started = await post('/api/targets/cms/apply', { changes: planned.changes });
    expect(started.status, started.text).toBe(202);
    const { job } = JSON.parse(started.text) as { job: string };
    const stream = await send(ui, { path: `/api/jobs/${job}/events?token=${ui.token}` });
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    const messages = stream.text.split('\n\n').filter((block) => block !== '');
    expect(stream.text.endsWith('\n\n')).toBe(true);
    const parsed = messages.map((block) => {
      const [id, event, data, ...rest] = block.split('\n');
      expect(rest).toEqual([]);
      return {
        id: id!.replace(/^id: /, ''),
        event: event!.replace(/^event: /, ''),
        data: JSON.parse(data!.replace(/^data: /, '')) as unknown,
      };
    });
    expect(parsed).toEqual([
      {
        id: '1',
        event: 'start',
        data: {
          index: 0,
          total: 1,
          action: 'create',
          kind: 'contentType',
          key: 'PromoBlock',
          line: '[1/1] Creating content type PromoBlock…',
        },
      },
      {
        id: '2',
        event: 'done',
        data: {
          index: 0,
          total: 1,
          action: 'create',
          kind: 'contentType',
          key: 'PromoBlock',
          line: '[1/1] Created content type PromoBlock',
        },
      },
      {
        id: '3',
        event: 'end',
        data: { outcome: 'complete', created: 1, updated: 0, deleted: 0, lockfileOnly: 0, skipped: 0, yamlFiles: [] },
      },
    ]);
    expect(await project.locked()).toHaveProperty('contentTypes.PromoBlock');
    expect(emulator.store.contentTypes.has('PromoBlock')).toBe(true);
    const history = await project.history();
    expect(history.at(-1)).toMatchObject({ action: 'create', key: 'PromoBlock', actor: 'scenario-tests' });
    // A late subscriber gets the whole run again.
    expect((await send(ui, { path: `/api/jobs/${job}/events?token=${ui.token}` })).text).toBe(stream.text);
  });

  it('destructive changes need the target name typed, and approve exactly those shown', async () => {
    await project.edit('content-types/PromoBlock.yaml', (text) => text.replace('  text: string\n', '  body: string\n'));
    const planned = await get<{ plan: { requiresApproval: Array<{ key: string; path: string }> }; changes: string }>(
      '/api/targets/cms/plan',
    );
    expect(planned.plan.requiresApproval.map((item) => `${item.key}.${item.path}`)).toEqual(['PromoBlock.properties.text']);
    const unconfirmed = await post('/api/targets/cms/apply', { changes: planned.changes, approve: ['PromoBlock.properties.text'] });
    expect({ status: unconfirmed.status, summary: JSON.parse(unconfirmed.text).error.summary }).toEqual({
      status: 400,
      summary: 'Confirmation needed',
    });
    const wrongName = await post('/api/targets/cms/apply', { changes: planned.changes, confirm: 'production', approve: ['PromoBlock'] });
    expect(wrongName.status).toBe(400);
    for (const approve of [['HeroBlock'], ['PromoBlock'], ['PromoBlock.properties.text', 'HeroBlock'], []]) {
      const notShown = await post('/api/targets/cms/apply', { changes: planned.changes, confirm: 'cms', approve });
      expect({ approve, status: notShown.status, summary: JSON.parse(notShown.text).error.summary }).toEqual({
        approve,
        status: 409,
        summary: 'Approval does not match the plan',
      });
    }
    expect(emulator.store.contentTypes.get('PromoBlock')!.doc.properties).toHaveProperty('text');
    const approved = await post('/api/targets/cms/apply', {
      changes: planned.changes,
      confirm: 'cms',
      approve: ['PromoBlock.properties.text'],
    });
    expect(approved.status, approved.text).toBe(202);
    const { job } = JSON.parse(approved.text) as { job: string };
    const stream = await send(ui, { path: `/api/jobs/${job}/events?token=${ui.token}` });
    expect(stream.text).toContain('"outcome":"complete"');
    expect(emulator.store.contentTypes.get('PromoBlock')!.doc.properties).not.toHaveProperty('text');
  });

  it('an apply or a resolve the access policy denies is refused before any write, with the rule and why', async () => {
    await project.write({ 'catalyst.policy.yaml': "targets:\n  cms:\n    grants:\n      plan: ['*']\n" });
    try {
      await project.write({ 'content-types/Banner.yaml': 'key: Banner\nbaseType: component\ndisplayName: Banner\n' });
      const planned = await get<{ changes: string }>('/api/targets/cms/plan');
      const denied = await post('/api/targets/cms/apply', { changes: planned.changes });
      expect(denied.status).toBe(400);
      const { error } = JSON.parse(denied.text) as { error: { summary: string; messages: string } };
      expect(error.summary).toBe('Access denied');
      expect(error.messages).toContain(
        'catalyst.policy.yaml:2:3: error A010 catalyst apply on target "cms" is denied by the access policy',
      );
      expect(error.messages).toContain('grant apply to nobody');
      expect(emulator.store.contentTypes.has('Banner')).toBe(false);
      const resolve = await post('/api/targets/cms/resolve', { conflict: 'HeroBlock.description', take: 'yaml' });
      expect(resolve.status).toBe(400);
      expect(JSON.parse(resolve.text).error.messages).toContain('grant resolve to nobody');
      const history = await get<{ runs: Array<{ denied?: { operation: string; grant: string } }> }>('/api/targets/cms/history');
      expect(history.runs.slice(0, 2).map((run) => run.denied)).toEqual([
        expect.objectContaining({ operation: 'resolve', grant: 'resolve' }),
        expect.objectContaining({ operation: 'apply', grant: 'apply' }),
      ]);
    } finally {
      await rm(join(project.dir, 'catalyst.policy.yaml'));
    }
  });

  it('showing a plan needs the plan grant, as `catalyst plan` does', async () => {
    await project.write({ 'catalyst.policy.yaml': "targets:\n  cms:\n    grants:\n      apply: ['*']\n" });
    try {
      const denied = await send(ui, { path: '/api/targets/cms/plan', headers: withToken() });
      expect(denied.status).toBe(400);
      expect(JSON.parse(denied.text).error.messages).toContain('grant plan to nobody');
    } finally {
      await rm(join(project.dir, 'catalyst.policy.yaml'));
    }
  });
});
