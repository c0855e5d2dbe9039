import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { digest } from '../../core/digest.js';
import type { HistoryEntry, HistoryRecord } from './history-record.js';

/**
 * A history record as the file holds it: numbered, tied to its run, and chained to the one
 * before by hash, so that an edited, removed, inserted or reordered record breaks the chain.
 */
export type ChainedRecord = HistoryEntry & ChainFields;

interface ChainFields {
  /** 1, 2, 3… in file order. */
  seq: number;
  /** The run (one apply, pull or import, or one refused by the access policy) that wrote it. */
  run: string;
  /** `hash` of the record before; null for the first. */
  prev: string | null;
  /** Digest of the record's canonical JSON without `hash`. */
  hash: string;
}

/** A chained record of a step (not a denial). */
export type ChainedStep = HistoryRecord & ChainFields;

export function isStep(record: ChainedRecord): record is ChainedStep {
  return record.action !== 'denied';
}

/** A target's history: `catalyst.history/<target>.jsonl` beside the lockfile, committed with it. */
export function historyFileFor(lockfilePath: string, target: string): string {
  return join(dirname(lockfilePath), 'catalyst.history', `${encodeURIComponent(target)}.jsonl`);
}

export function recordHash(record: Omit<ChainFields, 'hash'> & Partial<HistoryEntry>): string {
  return digest(record);
}

/** The last record of a history file, or undefined when there is none (the file may be missing). */
export async function lastRecord(path: string): Promise<ChainedRecord | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const lines = text.trimEnd().split('\n');
  const last = lines.at(-1);
  if (!last) return undefined;
  try {
    return JSON.parse(last) as ChainedRecord;
  } catch {
    return undefined;
  }
}

/** The problems `catalyst history verify` reports: a line and what is wrong with it. */
export interface ChainProblem {
  line: number;
  problem: string;
}

export interface ChainCheck {
  records: ChainedRecord[];
  problems: ChainProblem[];
}

/**
 * Checks a history file's chain: every line a record, numbered in order, its hash its own, its
 * `prev` the hash of the line before. `head`, when given (the lockfile's), must be in the chain:
 * records removed from the end show there.
 */
export function checkChain(text: string, head?: string): ChainCheck {
  const records: ChainedRecord[] = [];
  const problems: ChainProblem[] = [];
  let previous: ChainedRecord | undefined;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '' && index === lines.length - 1) return;
    const at = index + 1;
    let record: ChainedRecord;
    try {
      record = JSON.parse(line) as ChainedRecord;
    } catch {
      problems.push({ line: at, problem: 'is not a JSON record' });
      return;
    }
    if (typeof record !== 'object' || record === null || typeof record.hash !== 'string') {
      problems.push({ line: at, problem: 'has no hash: it was not written by catalyst, or was edited' });
      return;
    }
    const { hash, ...rest } = record;
    if (recordHash(rest) !== hash) problems.push({ line: at, problem: 'was edited: its content does not match its hash' });
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (record.seq !== expectedSeq)
      problems.push({ line: at, problem: `is record ${record.seq}, expected ${expectedSeq}: a record was removed, inserted or moved` });
    if (record.prev !== (previous?.hash ?? null))
      problems.push({
        line: at,
        problem: 'does not follow the record before it (prev hash differs): a record was removed, inserted or moved',
      });
    records.push(record);
    previous = record;
  });
  if (head !== undefined && !records.some((record) => record.hash === head)) {
    problems.push({
      line: lines.length,
      problem: `the lockfile's last recorded history entry (${head.slice(0, 19)}…) is not in the file: records were removed from its end`,
    });
  }
  return { records, problems };
}

/**
 * Appends to a target's history, chaining each record to the last. One writer per run (the
 * target lock keeps runs apart); the file's last record is read once, when the writer opens.
 */
export class HistoryWriter {
  private constructor(
    private readonly path: string,
    private readonly run: string,
    private last: { seq: number; hash: string | null },
  ) {}

  static async open(path: string, run: string): Promise<HistoryWriter> {
    await mkdir(dirname(path), { recursive: true });
    const last = await lastRecord(path);
    return new HistoryWriter(path, run, { seq: last?.seq ?? 0, hash: last?.hash ?? null });
  }

  /** The hash of the newest record (null while the history is empty). */
  get head(): string | null {
    return this.last.hash;
  }

  async append(records: readonly HistoryEntry[]): Promise<void> {
    if (records.length === 0) return;
    const lines: string[] = [];
    for (const record of records) {
      const body = { ...record, seq: this.last.seq + 1, run: this.run, prev: this.last.hash };
      const hash = recordHash(body);
      lines.push(JSON.stringify({ ...body, hash }));
      this.last = { seq: body.seq, hash };
    }
    const file = await open(this.path, 'a');
    try {
      await file.appendFile(`${lines.join('\n')}\n`, 'utf8');
    } finally {
      await file.close();
    }
  }
}
