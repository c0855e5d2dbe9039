import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBoundedFile } from '../../src/io/fs/read-bounded-file.js';

describe('readBoundedFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalyst-bounded-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['an empty file', 0, 10],
    ['a file of exactly the cap', 10, 10],
    ['a file of many reads (over 1 MiB)', 3 * 1024 * 1024 + 7, 4 * 1024 * 1024],
  ])('reads %s whole', async (_, size, cap) => {
    const path = join(dir, `f${size}`);
    const content = Buffer.from(Array.from({ length: size }, (_, index) => index % 251));
    await writeFile(path, content);
    const read = await readBoundedFile(path, cap);
    expect(read.ok && read.bytes.equals(content)).toBe(true);
  });

  it('refuses one byte over the cap, a directory, and says when a file is missing', async () => {
    await writeFile(join(dir, 'over'), 'x'.repeat(11));
    expect(await readBoundedFile(join(dir, 'over'), 10)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await readBoundedFile(dir, 10)).toMatchObject({ ok: false, reason: 'not-a-file', message: 'it is a directory' });
    expect(await readBoundedFile(join(dir, 'absent'), 10)).toMatchObject({ ok: false, reason: 'missing' });
  });
});
