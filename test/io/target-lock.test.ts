import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserError } from '../../src/core/user-error.js';
import { acquireTargetLock, forceUnlock, readLock } from '../../src/io/lock/target-lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const who = { owner: 'alice', operation: 'apply' };

describe('acquireTargetLock', () => {
  it('refuses a second run on the same target, naming who holds it and the ID to force-unlock; another target is free', async () => {
    const first = await acquireTargetLock(dir, 'prod', who);
    const error = await acquireTargetLock(dir, 'prod', { owner: 'bob', operation: 'pull' }).catch((caught: Error) => caught);
    expect((error as UserError).summary).toBe('Target prod is locked');
    expect((error as UserError).detail).toContain(`alice is running apply on target prod (process ${process.pid} on ${hostname()}`);
    expect((error as UserError).detail).toContain(`catalyst force-unlock ${first.info.id} --target prod`);
    const other = await acquireTargetLock(dir, 'staging', who);
    await other.release();
    await first.release();
    const again = await acquireTargetLock(dir, 'prod', { owner: 'bob', operation: 'pull' });
    expect((await readLock(join(dir, 'prod.json')))?.owner).toBe('bob');
    await again.release();
    expect(await readLock(join(dir, 'prod.json'))).toBeUndefined();
  });

  it('waits up to the timeout for the holder to finish', async () => {
    const first = await acquireTargetLock(dir, 'prod', who);
    setTimeout(() => void first.release(), 300);
    const second = await acquireTargetLock(dir, 'prod', who, { timeoutMs: 5_000, pollMs: 50 });
    expect(second.info.id).not.toBe(first.info.id);
    await second.release();
  });

  it('takes over a lock whose process died on this host', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    await writeFile(
      join(dir, 'prod.json'),
      JSON.stringify({
        id: 'old',
        target: 'prod',
        owner: 'crashed',
        operation: 'apply',
        host: hostname(),
        pid: dead,
        createdAt: '2026-01-01T00:00:00Z',
      }),
    );
    const held = await acquireTargetLock(dir, 'prod', who);
    expect(JSON.parse(await readFile(join(dir, 'prod.json'), 'utf8')).owner).toBe('alice');
    await held.release();
  });

  it('force-unlock removes the lock only with its ID', async () => {
    const held = await acquireTargetLock(dir, 'prod', who);
    await expect(forceUnlock(dir, 'prod', 'not-the-id')).rejects.toThrow(`Lock ID not-the-id does not match`);
    expect((await forceUnlock(dir, 'prod', held.info.id)).owner).toBe('alice');
    await expect(forceUnlock(dir, 'prod', held.info.id)).rejects.toThrow('Target prod is not locked');
  });
});
