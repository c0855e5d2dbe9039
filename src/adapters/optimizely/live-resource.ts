import type { LiveResource, VersionToken } from '../../core/model.js';
import { sourceFromWire } from './to-canonical.js';
import { WireReader } from './wire-reader.js';

/**
 * A resource from a response body (or a list entry, which has no headers) with its version
 * token. Resources with a non-empty `source` belong to the platform and are read-only.
 */
export function liveResource<T>(fromWire: (body: unknown) => T, body: unknown, headers: Record<string, string> = {}): LiveResource<T> {
  const source = sourceFromWire(body);
  const live: LiveResource<T> = { def: fromWire(body), version: versionToken(body, headers), readOnly: source !== undefined };
  if (source !== undefined) live.source = source;
  const modifiedBy = WireReader.of('a resource', body).string('lastModifiedBy');
  if (modifiedBy !== undefined && modifiedBy !== '') live.modifiedBy = modifiedBy;
  return live;
}

/**
 * The precondition for the next write. Weak ETags are left out: the platform ignores them in
 * If-Match, so relying on one would send a write with no precondition at all.
 * `lastModified` prefers the body's ISO timestamp and falls back to the Last-Modified header.
 */
export function versionToken(body: unknown, headers: Record<string, string>): VersionToken {
  const token: VersionToken = {};
  const etag = headers['etag']?.trim();
  if (etag !== undefined && etag !== '' && !etag.startsWith('W/')) token.etag = etag;
  const fromBody = WireReader.of('a resource', body).string('lastModified');
  const fromHeader = headers['last-modified'];
  const lastModified = fromBody ?? (fromHeader === undefined ? undefined : isoFromHttpDate(fromHeader));
  if (lastModified !== undefined) token.lastModified = lastModified;
  return token;
}

/** `If-Unmodified-Since` wants an HTTP-date (RFC 9110), with whole seconds. */
export function httpDate(iso: string): string | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toUTCString();
}

function isoFromHttpDate(value: string): string | undefined {
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
