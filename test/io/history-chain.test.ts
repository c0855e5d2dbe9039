import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkChain, HistoryWriter, isStep, recordHash, type ChainedRecord } from '../../src/io/audit/history-chain.js';
import type { HistoryRecord } from '../../src/io/audit/history-record.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalyst-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const step = (key: string, action: HistoryRecord['action'] = 'create'): HistoryRecord => ({
  at: '2026-12-04T00:00:00.000Z',
  actor: 'alice',
  target: 'prod',
  action,
  kind: 'contentType',
  key,
  after: `sha256:${'a'.repeat(64)}`,
});

/** Five records over two runs, and the lines of the file. */
async function written(): Promise<{ path: string; lines: string[]; head: string }> {
  const path = join(dir, 'catalyst.history', 'prod.jsonl');
  const first = await HistoryWriter.open(path, 'run-1');
  await first.append([step('A'), step('B')]);
  await first.append([step('C')]);
  const second = await HistoryWriter.open(path, 'run-2');
  await second.append([step('A', 'update'), step('B', 'delete')]);
  const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
  return { path, lines, head: second.head! };
}

const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('the history hash chain', () => {
  it('an untouched history passes, across runs, with the lockfile’s head', async () => {
    const { lines, head } = await written();
    const check = checkChain(text(lines), head);
    expect(check.problems).toEqual([]);
    expect(check.records.filter(isStep).map((record) => `${record.seq} ${record.run} ${record.key}`)).toEqual([
      '1 run-1 A',
      '2 run-1 B',
      '3 run-1 C',
      '4 run-2 A',
      '5 run-2 B',
    ]);
  });

  const tampering: Array<[string, (lines: string[]) => string[]]> = [
    [
      'an edited record',
      (lines) => lines.map((line, index) => (index === 2 ? line.replace('"actor":"alice"', '"actor":"mallory"') : line)),
    ],
    ['a removed record', (lines) => lines.filter((_, index) => index !== 1)],
    ['two records swapped', (lines) => [lines[0]!, lines[2]!, lines[1]!, lines[3]!, lines[4]!]],
    [
      'an inserted record with its own valid hash',
      (lines) => {
        const forged = { ...(JSON.parse(lines[1]!) as ChainedRecord), key: 'Forged' };
        const { hash: _hash, ...body } = forged;
        return [lines[0]!, lines[1]!, JSON.stringify({ ...body, hash: recordHash(body) }), ...lines.slice(2)];
      },
    ],
    [
      'a record rewritten with a recomputed hash',
      (lines) => {
        const { hash: _hash, ...body } = { ...(JSON.parse(lines[3]!) as ChainedRecord), action: 'update' as const, key: 'Z' };
        return lines.map((line, index) => (index === 3 ? JSON.stringify({ ...body, hash: recordHash(body) }) : line));
      },
    ],
    ['the newest record removed', (lines) => lines.slice(0, -1)],
    ['a line that is not JSON', (lines) => [...lines.slice(0, 2), 'not json', ...lines.slice(2)]],
  ];
  it.each(tampering)('%s is detected', async (_name, tamper) => {
    const { lines, head } = await written();
    expect(checkChain(text(tamper(lines)), head).problems.length).toBeGreaterThan(0);
  });
});
