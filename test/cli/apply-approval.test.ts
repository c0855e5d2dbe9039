import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-in-process.js';

let dir: string;
const env = { OPTIMIZELY_CMS_API_URL: undefined, OPTIMIZELY_CMS_CLIENT_ID: undefined, OPTIMIZELY_CMS_CLIENT_SECRET: undefined };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-approval-'));
  await mkdir(join(dir, 'content-types'));
  await writeFile(join(dir, 'catalyst.config.json'), JSON.stringify({ targets: { local: { url: 'embedded' } } }));
  await writeFile(join(dir, 'content-types', 'Keep.yaml'), 'key: Keep\nbaseType: component\ndisplayName: Keep\n');
  await writeFile(join(dir, 'content-types', 'Drop.yaml'), 'key: Drop\nbaseType: component\ndisplayName: Drop\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('catalyst apply and destructive changes', () => {
  it('says a destructive plan needs --allow-destructive before asking anything, and writes nothing', async () => {
    expect((await runInProcess(['apply', '--auto-approve'], { cwd: dir, env })).code).toBe(0);
    await rm(join(dir, 'content-types', 'Drop.yaml'));

    const refused = await runInProcess(['apply'], { cwd: dir, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Destructive changes need approval');
    expect(refused.stderr).toContain('DS101 Drop');
    expect(refused.stderr).not.toContain('Approval needed');

    const still = await runInProcess(['plan', '--detailed-exitcode'], { cwd: dir, env });
    expect(still.code).toBe(2);
    expect(still.stdout).toContain('- content type Drop');

    const saved = await runInProcess(['plan', '--out', 'plan.json'], { cwd: dir, env });
    expect(saved.stdout).toContain(
      'Apply exactly this plan with: catalyst apply plan.json --target local --allow-destructive=Drop (1 destructive change: the list approves exactly them)',
    );
    const shown = await runInProcess(['show', 'plan.json', '--no-color'], { cwd: dir, env });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('- content type Drop');
    expect(JSON.parse((await runInProcess(['show', 'plan.json', '--json'], { cwd: dir, env })).stdout).steps).toHaveLength(1);
    expect((await runInProcess(['show', 'plan.json', '--markdown'], { cwd: dir, env })).stdout).toContain('Drop');
    const missing = await runInProcess(['show', 'nowhere.json'], { cwd: dir, env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere.json');

    const approved = await runInProcess(['apply', '--auto-approve', '--allow-destructive'], { cwd: dir, env });
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain('0 created, 0 updated, 1 deleted');
    expect((await runInProcess(['plan', '--detailed-exitcode'], { cwd: dir, env })).code).toBe(0);
  });

  it('--allow-destructive=Type approves exactly the named changes; --only-safe applies the rest and leaves them planned', async () => {
    await writeFile(join(dir, 'content-types', 'Also.yaml'), 'key: Also\nbaseType: component\ndisplayName: Also\n');
    await writeFile(join(dir, 'content-types', 'Gone.yaml'), 'key: Gone\nbaseType: component\ndisplayName: Gone\n');
    expect((await runInProcess(['apply', '--auto-approve'], { cwd: dir, env })).code).toBe(0);
    await rm(join(dir, 'content-types', 'Also.yaml'));
    await rm(join(dir, 'content-types', 'Gone.yaml'));
    await writeFile(join(dir, 'content-types', 'Fresh.yaml'), 'key: Fresh\nbaseType: component\ndisplayName: Fresh\n');

    const partly = await runInProcess(['apply', '--auto-approve', '--allow-destructive=Also'], { cwd: dir, env });
    expect(partly.code).toBe(1);
    expect(partly.stderr).toContain('were not approved: DS101 Gone');
    expect(partly.stderr).toContain('--allow-destructive=Gone');

    const safe = await runInProcess(['apply', '--auto-approve', '--allow-destructive=Also', '--only-safe'], { cwd: dir, env });
    expect(safe.code).toBe(0);
    expect(safe.stdout).toContain('--only-safe: left planned, not approved: DS101 Gone.');
    expect(safe.stdout).toContain('1 created, 0 updated, 1 deleted');
    const rest = await runInProcess(['plan', '--json'], { cwd: dir, env });
    expect(
      (JSON.parse(rest.stdout) as { steps: Array<{ action: string; key: string }> }).steps.map((step) => `${step.action} ${step.key}`),
    ).toEqual(['delete Gone']);
    expect((await runInProcess(['apply', '--auto-approve', '--allow-destructive=Gone'], { cwd: dir, env })).code).toBe(0);
    expect((await runInProcess(['plan', '--detailed-exitcode'], { cwd: dir, env })).code).toBe(0);
  });
});
