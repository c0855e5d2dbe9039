import { AdapterError } from '../errors.js';
import { assertNever } from '../../core/assert-never.js';

export const API_VERSIONS = ['v1', 'preview3'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** The SaaS gateway, as the official CLI defaults `OPTIMIZELY_CMS_API_URL`. */
export const DEFAULT_API_URL = 'https://api.cms.optimizely.com';

/** The official CLI's test for a SaaS gateway host (api.cms…, api.cmstest…, api-<tenant>.cms…). */
const SAAS_GATEWAY = /^https:\/\/api(-[^.]+)?\.cms[^.]*\.optimizely\.com$/;

/** A trailing version segment means the user gave an API root where a host is expected. */
const VERSION_SUFFIX = /\/(?:_cms\/)?(?:v1|preview[0-9])$/i;

export interface Endpoints {
  /** Where the versioned resources live, without a trailing slash, e.g. `https://api.cms.optimizely.com/v1`. */
  apiRoot: string;
  tokenUrl: string;
}

/**
 * Resolves the API root and the token endpoint from the host, the way the official CLI does:
 * a SaaS gateway serves `${host}/v1` with its token at `${host}/oauth/token`; any other host
 * (CMS 13, the emulator) serves `${host}/_cms/v1` with the token under that root. preview3 only
 * ever lived on the gateway layout, at `${host}/preview3` with the token at `${host}/oauth/token`.
 */
export function resolveEndpoints(apiUrl: string, version: ApiVersion): Endpoints {
  const host = apiUrlHost(apiUrl);
  switch (version) {
    case 'v1':
      if (SAAS_GATEWAY.test(host)) return { apiRoot: `${host}/v1`, tokenUrl: `${host}/oauth/token` };
      return { apiRoot: `${host}/_cms/v1`, tokenUrl: `${host}/_cms/v1/oauth/token` };
    case 'preview3':
      return { apiRoot: `${host}/preview3`, tokenUrl: `${host}/oauth/token` };
    default: {
      const unknown: never = version;
      throw new AdapterError({
        kind: 'validation',
        message: `Unknown Optimizely API version '${String(unknown)}'. Use one of: ${API_VERSIONS.join(', ')}.`,
      });
    }
  }
}

/** The host URL without trailing slashes; '' means the default gateway. Rejects what is not a host URL. */
export function apiUrlHost(apiUrl: string): string {
  const trimmed = apiUrl.trim().replace(/\/+$/, '');
  const host = trimmed === '' ? DEFAULT_API_URL : trimmed;
  let parsed: URL;
  try {
    parsed = new URL(host);
  } catch {
    throw invalidUrl(host, 'it is not a URL');
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw invalidUrl(
      parsed.origin,
      'it must not contain credentials; they come from OPTIMIZELY_CMS_CLIENT_ID and OPTIMIZELY_CMS_CLIENT_SECRET',
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalidUrl(host, 'it must start with https:// or http://');
  if (parsed.search !== '' || parsed.hash !== '') throw invalidUrl(host, 'it must not have a query or fragment');
  if (VERSION_SUFFIX.test(parsed.pathname)) {
    throw invalidUrl(host, `it ends in a version path ('${parsed.pathname}'), which catalyst adds itself; give the host only`);
  }
  return host;
}

function invalidUrl(url: string, why: string): AdapterError {
  return new AdapterError({
    kind: 'validation',
    message: `The Optimizely API URL '${url}' is not usable: ${why}. Set OPTIMIZELY_CMS_API_URL (or the target's url) to the API host, e.g. ${DEFAULT_API_URL}.`,
  });
}

/**
 * The key of the CMS root page, the container under which item counts are asked for (see
 * `countContentItems` and src/emulator/FIDELITY.md).
 */
export const ROOT_CONTENT_KEY = '43f936c99b234ea397b261c538ad07c9';

/** Where the content API lists a container's items: v1 at the root, preview3 under `experimental`. */
export function contentItemsPath(version: ApiVersion, containerKey: string): string {
  const container = encodeURIComponent(containerKey);
  switch (version) {
    case 'v1':
      return `/content/${container}/items`;
    case 'preview3':
      return `/experimental/content/${container}/items`;
    default:
      return assertNever(version, 'API version');
  }
}
