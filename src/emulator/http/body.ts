import type { IncomingMessage } from 'node:http';
import type { Json } from '../json.js';
import { HttpProblem } from './problem.js';

/**
 * Reads the whole body, refusing (413) as soon as it is known to exceed `maxBytes`. The rest of
 * an oversized body is read and dropped rather than left in the socket, so the 413 reaches the
 * client instead of a reset connection.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new HttpProblem(400, 'The client closed the connection before the request body was complete.'));
    });
  });
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
