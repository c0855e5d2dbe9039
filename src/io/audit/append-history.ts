import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ResourceKind } from '../../core/model.js';

/** One line of the audit history: who changed what on which target, and when. Never holds secrets. */
export interface HistoryRecord {
  at: string;
  actor: string;
  target: string;
  /** A step on the CMS (create … forget), an import, or a change apply wrote into the YAML (`yaml-*`). */
  action: 'create' | 'update' | 'delete' | 'adopt' | 'forget' | 'import' | 'yaml-write' | 'yaml-create' | 'yaml-remove';
  kind: ResourceKind;
  key: string;
  /** Digest of the definition before and after the step (absent where there is none). */
  before?: string;
  after?: string;
  /** Risk codes of the change (e.g. DS102), when any. */
  codes?: string[];
  /** Where the definition was backed up before a destructive step, relative to the history file's folder. */
  backup?: string;
}

/** Appends records to the JSON Lines history file, one object per line. */
export async function appendHistory(path: string, records: readonly HistoryRecord[]): Promise<void> {
  if (records.length === 0) return;
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, records.map((record) => `${JSON.stringify(record)}\n`).join(''), 'utf8');
}
