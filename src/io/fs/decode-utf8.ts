export type Decoded = { ok: true; text: string } | { ok: false; line: number; reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

/** Strict UTF-8 decoding (a leading byte order mark is dropped), or the line of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, line: 1, reason: 'it is UTF-16 (it starts with a UTF-16 byte order mark)' };
  }
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    const lenient = UTF8_LENIENT.decode(bytes);
    const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
    return {
      ok: false,
      line: before.split('\n').length,
      reason: 'it holds bytes that are not UTF-8 (often a file saved as Latin-1 or Windows-1252)',
    };
  }
}
