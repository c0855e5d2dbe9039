import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBoundedFile } from '../../src/io/fs/read-bounded-file.js';
import { useTempDir } from '../helpers/temp-dir.js';

describe('readBoundedFile', () => {
  const temp = useTempDir('bounded');

  it.each([
    ['an empty file', 0, 10],
    ['a file of exactly the cap', 10, 10],
    ['a file of many reads (over 1 MiB)', 3 * 1024 * 1024 + 7, 4 * 1024 * 1024],
  ])('reads %s whole', async (_, size, cap) => {
    const path = join(temp.path, `f${size}`);
    const content = Buffer.from(Array.from({ length: size }, (_, index) => index % 251));
    await writeFile(path, content);
    const read = await readBoundedFile(path, cap);
    expect(read.ok && read.bytes.equals(content)).toBe(true);
  });

  it('refuses one byte over the cap, a directory, and says when a file is missing', async () => {
    await writeFile(join(temp.path, 'over'), 'x'.repeat(11));
    expect(await readBoundedFile(join(temp.path, 'over'), 10)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await readBoundedFile(temp.path, 10)).toMatchObject({ ok: false, reason: 'not-a-file', message: 'it is a directory' });
    expect(await readBoundedFile(join(temp.path, 'absent'), 10)).toMatchObject({ ok: false, reason: 'missing' });
  });
});
