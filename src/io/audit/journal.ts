import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ResourceKind } from '../../core/model.js';

/** The write a run had under way: written before it is sent, removed once it is recorded. */
export interface InFlight {
  run: string;
  actor: string;
  at: string;
  action: string;
  kind: ResourceKind;
  key: string;
}

/** A target's journal: local state, one entry at most (apply writes one resource at a time). */
export function journalFileFor(rootDir: string, target: string): string {
  return join(rootDir, '.catalyst', 'journal', `${encodeURIComponent(target)}.json`);
}

export async function writeInFlight(path: string, entry: InFlight): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(entry)}\n`, 'utf8');
}

export async function clearInFlight(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** The write a run left in flight when it was killed, if any. */
export async function readInFlight(path: string): Promise<InFlight | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as InFlight;
  } catch {
    return undefined;
  }
}
