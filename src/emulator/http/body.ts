import type { IncomingMessage } from 'node:http';
import type { Json } from '../json.js';
import { HttpProblem } from './problem.js';

/** Reads the whole body, refusing (413) as soon as it is known to exceed `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.resume();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The media type of a Content-Type header, lower-cased and without parameters; '' when absent. */
export function mediaTypeOf(req: IncomingMessage): string {
  const header = req.headers['content-type'] ?? '';
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

/** 415 unless the request's media type is one of `accepted`. */
export function requireMediaType(req: IncomingMessage, accepted: readonly string[]): string {
  const mediaType = mediaTypeOf(req);
  if (!accepted.includes(mediaType)) {
    const sent = mediaType === '' ? 'no Content-Type' : `Content-Type '${mediaType}'`;
    throw new HttpProblem(415, `The request has ${sent}; this operation accepts ${accepted.map((type) => `'${type}'`).join(' or ')}.`);
  }
  return mediaType;
}

export function parseJson(body: Buffer): Json {
  const text = body.toString('utf8');
  if (text.trim() === '') throw new HttpProblem(400, 'The request body is empty; this operation needs a JSON document.');
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HttpProblem(400, `The request body is not valid JSON: ${reason}`, {
      errors: [{ field: null, detail: 'The request body is not valid JSON.' }],
    });
  }
}

function tooLarge(maxBytes: number): HttpProblem {
  return new HttpProblem(413, `The request body is larger than the limit of ${maxBytes} bytes.`, {
    headers: { connection: 'close' },
  });
}
