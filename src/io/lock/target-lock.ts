import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { unlinkSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../core/user-error.js';

/** Who holds a target's lock, as written in its lock file. */
export interface LockInfo {
  id: string;
  target: string;
  /** The actor (never a secret). */
  owner: string;
  operation: string;
  host: string;
  pid: number;
  createdAt: string;
}

export interface HeldLock {
  info: LockInfo;
  /** Removes the lock file if it is still this lock's. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for another run's lock, in ms; 0 refuses at once (the default). */
  timeoutMs?: number;
  pollMs?: number;
  now?: () => Date;
}

/** Where a project keeps its target locks: local state, never committed. */
export function lockDirectory(rootDir: string): string {
  return join(rootDir, '.catalyst', 'locks');
}

/**
 * Takes the lock of one target for one run (Terraform's state lock, per project): a file created
 * exclusively, holding its owner. A lock left by a run that died on this host (its process is
 * gone) is taken over; one held by a live run is waited for up to `timeoutMs`, then refused with
 * who holds it and how to break it (`catalyst force-unlock <id>`).
 */
export async function acquireTargetLock(
  dir: string,
  target: string,
  who: { owner: string; operation: string },
  options: LockOptions = {},
): Promise<HeldLock> {
  const path = lockPath(dir, target);
  const now = options.now ?? (() => new Date());
  const deadline = Date.now() + (options.timeoutMs ?? 0);
  const info: LockInfo = { id: randomUUID(), target, ...who, host: hostname(), pid: process.pid, createdAt: now().toISOString() };
  await mkdir(dir, { recursive: true });
  for (;;) {
    try {
      const file = await open(path, 'wx');
      try {
        await file.writeFile(`${JSON.stringify(info, null, 2)}\n`);
      } finally {
        await file.close();
      }
      return held(path, info);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLock(path);
    if (holder && holder.host === hostname() && !isAlive(holder.pid)) {
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline) throw lockedError(target, path, holder);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
}

/** Removes a target's lock whatever holds it, if its id is `id`. */
export async function forceUnlock(dir: string, target: string, id: string): Promise<LockInfo> {
  const path = lockPath(dir, target);
  const holder = await readLock(path);
  if (!holder) {
    throw new UserError(`Target ${target} is not locked`, `There is no lock for target ${target} (${path}). Nothing to unlock.`);
  }
  if (holder.id !== id) {
    throw new UserError(
      `Lock ID ${id} does not match`,
      `Target ${target} is locked with ID ${holder.id} (by ${holder.owner}, ${holder.operation}, since ${holder.createdAt}), not ${id}. Give the ID the error showed you.`,
    );
  }
  await unlink(path);
  return holder;
}

export async function readLock(path: string): Promise<LockInfo | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

function lockPath(dir: string, target: string): string {
  return join(dir, `${encodeURIComponent(target)}.json`);
}

function held(path: string, info: LockInfo): HeldLock {
  const releaseNow = () => {
    try {
      if ((JSON.parse(readFileSync(path, 'utf8')) as LockInfo).id === info.id) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', releaseNow);
  return {
    info,
    release: async () => {
      process.removeListener('exit', releaseNow);
      const holder = await readLock(path);
      if (holder?.id === info.id) await unlink(path).catch(() => undefined);
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(target: string, path: string, holder: LockInfo | undefined): UserError {
  if (!holder) {
    return new UserError(
      `Target ${target} is locked`,
      `Another catalyst run holds the lock of target ${target}, and its lock file (${path}) cannot be read. If no run is under way, delete that file.`,
    );
  }
  return new UserError(
    `Target ${target} is locked`,
    `${holder.owner} is running ${holder.operation} on target ${target} (process ${holder.pid} on ${holder.host}, since ${holder.createdAt}); lock ID ${holder.id}. ` +
      `Two runs on one target never interleave. Wait for it and run again, or pass --lock-timeout SECONDS to wait. If that run died, \`catalyst force-unlock ${holder.id} --target ${target}\` removes the lock.`,
  );
}
