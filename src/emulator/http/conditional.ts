import type { IncomingMessage } from 'node:http';
import { HttpProblem } from './problem.js';

/** The version of one resource: a strong, quoted entity tag and the ISO time of the last change. */
export interface ResourceVersion {
  etag: string;
  lastModified: string;
}

export function versionHeaders(version: ResourceVersion): Record<string, string> {
  return { etag: version.etag, 'last-modified': new Date(version.lastModified).toUTCString() };
}

/**
 * GET: true when the client's copy is current. If-None-Match wins; If-Modified-Since counts only
 * without it. Weak tags never match [V1: "Weak ETags will always be ignored"].
 */
export function isNotModified(req: IncomingMessage, version: ResourceVersion): boolean {
  const noneMatch = strongTags(req.headers['if-none-match']);
  if (noneMatch !== undefined) return noneMatch.includes('*') || noneMatch.includes(version.etag);
  const since = httpDate(req.headers['if-modified-since']);
  return since !== undefined && seconds(version.lastModified) <= since;
}

/**
 * PATCH/PUT/DELETE: 412 when the client's precondition no longer holds. If-Unmodified-Since is
 * ignored when If-Match is present [V1]. HTTP dates have whole seconds, so two changes within one
 * second are told apart only by the entity tag.
 */
export function assertPreconditions(req: IncomingMessage, version: ResourceVersion): void {
  const match = strongTags(req.headers['if-match']);
  if (match !== undefined) {
    if (!match.includes('*') && !match.includes(version.etag)) {
      throw new HttpProblem(412, `The resource has changed: its current ETag is ${version.etag}, not ${match.join(', ')}.`);
    }
    return;
  }
  const since = httpDate(req.headers['if-unmodified-since']);
  if (since !== undefined && seconds(version.lastModified) > since) {
    throw new HttpProblem(412, `The resource was modified at ${version.lastModified}, after ${new Date(since * 1000).toUTCString()}.`);
  }
}

/** The strong tags (and `*`) of an If-Match/If-None-Match header; undefined when none remain. */
function strongTags(header: string | undefined): string[] | undefined {
  if (header === undefined) return undefined;
  const tags = header
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '' && !tag.startsWith('W/'));
  return tags.length > 0 ? tags : undefined;
}

/** Whole seconds since the epoch, or undefined for a missing or unparseable date (which RFC 9110 says to ignore). */
function httpDate(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const time = Date.parse(header);
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
}

function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
