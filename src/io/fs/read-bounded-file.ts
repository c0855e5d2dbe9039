import { open, stat } from 'node:fs/promises';

const CHUNK_BYTES = 1024 * 1024;

export type BoundedRead =
  { ok: true; bytes: Buffer } | { ok: false; reason: 'missing' | 'not-a-file' | 'too-large' | 'unreadable'; message: string };

/**
 * Reads a whole file of at most `maxBytes`, refusing before reading anything that is not a regular
 * file (a FIFO would block, a link to /dev/zero never end) and never reading more than the cap,
 * whatever the file's size said a moment before.
 */
export async function readBoundedFile(path: string, maxBytes: number): Promise<BoundedRead> {
  try {
    const info = await stat(path);
    if (!info.isFile())
      return { ok: false, reason: 'not-a-file', message: info.isDirectory() ? 'it is a directory' : 'it is not a regular file' };
    if (info.size > maxBytes) return { ok: false, reason: 'too-large', message: `it is larger than ${maxBytes} bytes` };
    const handle = await open(path, 'r');
    try {
      const chunks: Buffer[] = [];
      let total = 0;
      // The first read is sized by what stat said, plus one byte: a short read is the end of a regular
      // file, so one read usually does; a file that grew since is read on, up to the cap.
      let want = Math.min(info.size + 1, maxBytes + 1);
      for (;;) {
        const chunk = Buffer.allocUnsafe(want);
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        total += bytesRead;
        if (total > maxBytes) return { ok: false, reason: 'too-large', message: `it is larger than ${maxBytes} bytes` };
        chunks.push(chunk.subarray(0, bytesRead));
        if (bytesRead < chunk.length) return { ok: true, bytes: Buffer.concat(chunks, total) };
        want = Math.min(CHUNK_BYTES, maxBytes + 1 - total);
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { ok: false, reason: 'missing', message: 'it does not exist' }
      : { ok: false, reason: 'unreadable', message: (error as Error).message };
  }
}
