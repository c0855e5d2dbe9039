import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioProject } from '../scenarios/helpers/scenario-project.js';

/** `catalyst ui` as a person runs it: the address it prints, the page there, Ctrl-C (SIGTERM) to stop, and its refusals. */
describe('catalyst ui: the command', () => {
  let project: ScenarioProject;
  let taken: Server;

  beforeAll(async () => {
    project = await ScenarioProject.create({ apiUrl: 'http://127.0.0.1:9' });
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => taken?.close(resolve));
    await project?.dispose();
  });

  it('prints the 127.0.0.1 address with its token, serves the dashboard there, and stops with exit 0 on SIGTERM', async () => {
    let printed = '';
    const result = await project.run(['ui', '--port', '0'], {}, (child) => {
      child.stdout.on('data', async (chunk: Buffer) => {
        printed += chunk.toString();
        const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(printed)?.[0];
        if (!url || child.killed) return;
        const [page, project] = await Promise.all([
          fetch(url).then((response) => response.text()),
          fetch(new URL('/api/project', url), { headers: { 'x-catalyst-token': new URL(url).searchParams.get('token')! } }),
        ]);
        printed += page.includes('/app.js') && project.status === 200 ? '\n[served]' : '\n[not served]';
        child.kill('SIGTERM');
      });
    });
    expect(result.code).toBe(0);
    expect(printed).toMatch(/^Dashboard for .+:\n\n {2}http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}\n/);
    expect(printed).toContain('Only this machine can reach it (127.0.0.1)');
    expect(printed).toContain('[served]');
    expect(result.stderr).toBe('');
  });

  it('a port in use or out of range: a clear error, exit 1', async () => {
    const port = (taken.address() as { port: number }).port;
    const inUse = await project.runInProcess(['ui', '--port', String(port)]);
    expect({ code: inUse.code, stderr: inUse.stderr }).toEqual({
      code: 1,
      stderr: `Error: Port ${port} is in use\n\n  Another program listens on it. Choose another with --port (0: any free port).\n`,
    });
    const invalid = await project.runInProcess(['ui', '--port', '70000']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('Error: Invalid --port');
  });
});
