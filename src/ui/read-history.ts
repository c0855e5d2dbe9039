import { readFile } from 'node:fs/promises';
import { checkChain, historyFileFor, type ChainCheck } from '../io/audit/history-chain.js';
import type { Config } from '../io/config/config.js';
import type { Lockfile } from '../io/lockfile/lockfile.js';

/** A target's history as `catalyst history` reads it: the records and what fails the chain check (a missing file is an empty history). */
export async function readHistory(config: Config, lock: Lockfile, target: string): Promise<ChainCheck> {
  const text = await readFile(historyFileFor(config.lockfilePath, target), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return checkChain(text, lock.targets?.[target]?.historyHead);
}
