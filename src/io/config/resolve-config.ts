import { resolve } from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { SourceLocation } from '../../core/model.js';
import { CONFIG_CODES } from '../diagnostic-codes.js';
import { didYouMean } from '../../core/did-you-mean.js';
import { DEFAULT_LOCKFILE } from '../lockfile/lockfile.js';
import {
  DEFAULT_CONTENT_TYPES_DIR,
  DEFAULT_TARGET_NAME,
  EMULATOR_DATA_FILE,
  type ApiVersion,
  type Config,
  type ResolvedTarget,
  type SelectedTarget,
  type SyncSettings,
  type TargetPlatforms,
  type WrittenConfig,
  type WrittenTarget,
} from './config.js';
import { Secret } from './secret.js';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface ResolveContext {
  rootDir: string;
  configFile?: string;
  env: Environment;
  /** What each platform's targets read from the environment and default to (their profiles). */
  platforms: TargetPlatforms;
  /** Where a path was written in the config file; undefined when there is no file. */
  locate?: (path: readonly string[]) => SourceLocation | undefined;
}

export interface ResolvedConfig {
  config: Config;
  /** Problems that matter only when that target is used (its environment), by target name. */
  targetDiagnostics: ReadonlyMap<string, Diagnostic[]>;
}

/**
 * What users write + the environment → the configuration the program uses. Pure: the
 * environment is a parameter. `written` must be valid against schemas/config.schema.json.
 *
 * Endpoint rule: the environment fills what a target leaves out. A target without `url` takes
 * its URL variable (the platform's, e.g. OPTIMIZELY_CMS_API_URL); a target with `url` keeps it,
 * and an environment URL naming another host is an error (C012) unless the target opts in by
 * naming the variable itself (`urlEnv`), in which case the environment wins. `embedded` in the file always means the emulator (an environment
 * URL is then ignored with a warning, so a demo never writes to a real CMS by accident). With no
 * URL anywhere, a target is remote at https://api.cms.optimizely.com when client credentials are
 * in the environment (as for the official CLI), else embedded (so a new checkout works with no
 * setup).
 */
export function resolveConfig(written: WrittenConfig, context: ResolveContext): ResolvedConfig {
  const entries = Object.entries(written.targets ?? {}).filter((entry): entry is [string, WrittenTarget] => entry[1] !== undefined);
  const targetEntries: Array<[string, WrittenTarget]> = entries.length > 0 ? entries : [[DEFAULT_TARGET_NAME, {}]];
  const targetDiagnostics = new Map<string, Diagnostic[]>();
  const sync: SyncSettings = {
    mode: written.mode ?? 'push',
    strategy: written.strategy ?? 'manual',
    strategies: defined(written.strategies),
    cmsOwns: defined(written.cmsOwns),
  };
  const targets = targetEntries.map(([name, target]) => {
    const resolved = resolveTarget(name, target, { ...context, sync });
    targetDiagnostics.set(name, resolved.diagnostics);
    return resolved.target;
  });
  const config: Config = {
    rootDir: context.rootDir,
    contentTypesDir: resolve(context.rootDir, written.contentTypesDir ?? DEFAULT_CONTENT_TYPES_DIR),
    lockfilePath: resolve(context.rootDir, written.lockfile ?? DEFAULT_LOCKFILE),
    mode: sync.mode,
    strategy: sync.strategy,
    targets,
  };
  if (context.configFile !== undefined) config.configFile = context.configFile;
  const defaultTarget = written.defaultTarget ?? (targets.length === 1 ? targets[0]!.name : undefined);
  if (defaultTarget !== undefined) config.defaultTarget = defaultTarget;
  return { config, targetDiagnostics };
}

/** The target a command uses: `name` if given, else the default; with its credentials checked. */
export function selectTarget(
  resolved: ResolvedConfig,
  name: string | undefined,
  context: Pick<ResolveContext, 'locate'>,
): { target?: SelectedTarget; diagnostics: Diagnostic[] } {
  const { config } = resolved;
  const known = config.targets.map((target) => target.name);
  const wanted = name ?? config.defaultTarget;
  if (wanted === undefined) {
    return {
      diagnostics: [
        {
          code: CONFIG_CODES.ambiguousTarget,
          severity: 'error',
          summary: 'No target chosen',
          detail: `The config defines several targets (${known.join(', ')}). Choose one with \`--target <name>\`, or set \`defaultTarget\` in the config.`,
          ...at(context.locate?.(['targets'])),
        },
      ],
    };
  }
  const target = config.targets.find((candidate) => candidate.name === wanted);
  if (!target) {
    const suggestion = didYouMean(wanted, known);
    const fromFlag = name !== undefined;
    return {
      diagnostics: [
        {
          code: CONFIG_CODES.unknownTarget,
          severity: 'error',
          summary: `Unknown target "${wanted}"`,
          detail:
            `${fromFlag ? '`--target`' : '`defaultTarget`'} names "${wanted}", but the ${config.configFile ? 'config defines' : 'default configuration has'} only: ${known.join(', ')}. ` +
            (suggestion ? `Did you mean "${suggestion}"? ` : '') +
            (fromFlag ? 'Use one of those names.' : 'Set `defaultTarget` to one of those names.'),
          ...(fromFlag ? {} : at(context.locate?.(['defaultTarget']))),
        },
      ],
    };
  }
  const diagnostics = [...(resolved.targetDiagnostics.get(target.name) ?? [])];
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error') || !target.credentials) return { diagnostics };
  return { target: target as SelectedTarget, diagnostics };
}

function resolveTarget(
  name: string,
  written: WrittenTarget,
  context: ResolveContext & { sync: SyncSettings },
): { target: ResolvedTarget; diagnostics: Diagnostic[] } {
  const platformName = written.platform ?? 'optimizely';
  const platform = context.platforms[platformName];
  const env = {
    url: written.urlEnv ?? platform.env.url,
    clientId: written.clientIdEnv ?? platform.env.clientId,
    clientSecret: written.clientSecretEnv ?? platform.env.clientSecret,
  };
  const value = (variable: string) => {
    const text = context.env[variable]?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  const envUrl = value(env.url);
  const clientId = value(env.clientId);
  const clientSecret = value(env.clientSecret);
  const sync: SyncSettings = {
    mode: written.mode ?? context.sync.mode,
    strategy: written.strategy ?? context.sync.strategy,
    strategies: [...defined(written.strategies), ...context.sync.strategies],
    cmsOwns: [...defined(written.cmsOwns), ...context.sync.cmsOwns],
  };
  const apiVersion = written.apiVersion ?? (platform.apiVersions[0] as ApiVersion);
  const base = { name, platform: platformName, apiVersion, batch: written.batch ?? true, env, sync } as const;
  const diagnostics: Diagnostic[] = [];
  const urlPath = ['targets', name, 'url'];
  if (!platform.apiVersions.includes(apiVersion)) {
    diagnostics.push({
      code: CONFIG_CODES.platformMismatch,
      severity: 'error',
      summary: `${platform.displayName} has no API version ${apiVersion}`,
      detail: `Target "${name}" is a ${platformName} target with \`apiVersion: ${apiVersion}\`, but ${platform.displayName} targets use ${platform.apiVersions.join(' or ')}. Set apiVersion to one of those, or remove it for the default (${platform.apiVersions[0]}).`,
      ...at(context.locate?.(['targets', name, 'apiVersion'])),
    });
  }

  const embeddedCredentials = platform.embeddedCredentials;
  if (!embeddedCredentials && written.url === 'embedded') {
    diagnostics.push({
      code: CONFIG_CODES.platformMismatch,
      severity: 'error',
      summary: `${platform.displayName} has no embedded emulator`,
      detail: `Target "${name}" is a ${platformName} target with \`url: embedded\`, but only Optimizely targets have a built-in emulator. Set url to the ${platform.displayName} server (or remove it and set ${env.url} in the environment).`,
      ...at(context.locate?.(urlPath)),
    });
  }
  const embedded =
    embeddedCredentials !== undefined &&
    (written.url === 'embedded' ||
      (written.url === undefined && envUrl === undefined && clientId === undefined && clientSecret === undefined));
  if (embedded) {
    if (written.url === 'embedded' && envUrl !== undefined) {
      diagnostics.push({
        code: CONFIG_CODES.embeddedIgnoresEnvironment,
        severity: 'warning',
        summary: `${env.url} is ignored for target "${name}"`,
        detail: `Target "${name}" is \`url: embedded\`, so it uses the built-in emulator and not ${env.url} (${envUrl}). To use that CMS, remove \`url: embedded\` or choose another target.`,
        ...at(context.locate?.(urlPath)),
      });
    }
    return {
      target: {
        ...base,
        endpoint: { kind: 'embedded', dataFile: resolve(context.rootDir, EMULATOR_DATA_FILE) },
        credentials: { clientId: embeddedCredentials.clientId, clientSecret: new Secret(embeddedCredentials.clientSecret) },
      },
      diagnostics,
    };
  }

  if (envUrl !== undefined && written.url !== undefined && written.urlEnv === undefined && !sameHost(envUrl, written.url)) {
    diagnostics.push({
      code: CONFIG_CODES.environmentOverridesUrl,
      severity: 'error',
      summary: `${env.url} would redirect target "${name}"`,
      detail:
        `Target "${name}" states its url (${written.url}), and ${env.url} in the environment names another CMS (${envUrl}). ` +
        `catalyst will not send a target to a CMS its config does not name. Unset ${env.url}, choose the target meant for that CMS, ` +
        `or let the environment decide for this target by adding \`urlEnv: ${env.url}\` to it.`,
      ...at(context.locate?.(urlPath)),
    });
  }
  const fromEnv = envUrl !== undefined && (written.url === undefined || written.urlEnv !== undefined);
  const url = (fromEnv ? envUrl : undefined) ?? (written.url === 'embedded' ? undefined : written.url) ?? platform.defaultApiUrl;
  if (url === undefined) {
    diagnostics.push({
      code: CONFIG_CODES.invalidUrl,
      severity: 'error',
      summary: `No URL for target "${name}"`,
      detail: `Target "${name}" names no ${platform.displayName} server. Set ${env.url} in the environment (e.g. http://127.0.0.1:1337), or \`url\` in the target.`,
    });
    return { target: { ...base, endpoint: { kind: 'remote', apiUrl: '' }, credentials: undefined }, diagnostics };
  }
  const source = fromEnv ? `${env.url} in the environment` : `url of target "${name}"`;
  const location = fromEnv ? undefined : context.locate?.(urlPath);
  const parsed = parseUrl(url);
  if (!parsed) {
    diagnostics.push({
      code: CONFIG_CODES.invalidUrl,
      severity: 'error',
      summary: `Invalid URL for target "${name}"`,
      detail:
        `The ${source} is "${url}", which is not an http or https URL. Set it to the API host, e.g. ${platform.defaultApiUrl ?? 'http://127.0.0.1:1337'}` +
        (platform.embeddedCredentials ? ' (catalyst adds the version path)' : '') +
        (fromEnv ? `, or unset ${env.url}.` : platform.embeddedCredentials ? ', or to `embedded` for the built-in emulator.' : '.'),
      ...at(location),
    });
  } else if (parsed.username !== '' || parsed.password !== '') {
    diagnostics.push({
      code: CONFIG_CODES.literalCredential,
      severity: 'error',
      summary: `Credentials in the URL of target "${name}"`,
      detail: `The ${source} carries a user name or password. Remove them from the URL: catalyst authenticates with the credentials in ${env.clientId} and ${env.clientSecret}.`,
      ...at(location),
    });
  } else if (parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    diagnostics.push(
      written.insecure === true
        ? {
            code: CONFIG_CODES.insecureUrlAllowed,
            severity: 'warning',
            summary: `Target "${name}" uses plain http`,
            detail: `The ${source} is ${parsed.origin}: the client secret and every definition cross the network unencrypted, because the target says \`insecure: true\`. Use https, then remove \`insecure\`.`,
            ...at(location),
          }
        : {
            code: CONFIG_CODES.insecureUrl,
            severity: 'error',
            summary: `Plain http to target "${name}"`,
            detail:
              `The ${source} is ${parsed.origin}: catalyst would send the client secret unencrypted to a host other than this machine. ` +
              `Use https://${parsed.host}${fromEnv ? ` in ${env.url}` : ''} (for a private CA, set NODE_EXTRA_CA_CERTS to its certificates), or, on a network you trust, add \`insecure: true\` to the target.`,
            ...at(location),
          },
    );
  }
  const apiUrl = parsed ? `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}` : url;
  const credentials =
    clientId !== undefined && clientSecret !== undefined ? { clientId, clientSecret: new Secret(clientSecret) } : undefined;
  if (!credentials) {
    const missing = [...(clientId === undefined ? [env.clientId] : []), ...(clientSecret === undefined ? [env.clientSecret] : [])];
    diagnostics.push({
      code: CONFIG_CODES.missingCredentials,
      severity: 'error',
      summary: `No credentials for target "${name}"`,
      detail:
        `Target "${name}" talks to ${apiUrl}, but the environment does not set ${missing.join(' or ')}. ` +
        `Set ${missing.length > 1 ? 'them' : 'it'} to ${platform.credentialsHint} (in CI, from the secret store). ` +
        'Credentials are never read from the config file.',
    });
  }
  const target: ResolvedTarget = { ...base, endpoint: { kind: 'remote', apiUrl }, credentials };
  return { target, diagnostics };
}

function parseUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function at(location: SourceLocation | undefined): { location?: SourceLocation } {
  return location ? { location } : {};
}

/** The same API host, whatever the trailing slashes: an environment repeating the file's URL is no redirect. */
function sameHost(a: string, b: string): boolean {
  const normal = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  return normal(a) === normal(b);
}

/** The entries of a written map, in the order written, without absent values. */
function defined<T>(map: Readonly<Record<string, T | undefined>> | undefined): Array<[string, T]> {
  return Object.entries(map ?? {}).filter((entry): entry is [string, T] => entry[1] !== undefined);
}

/** Hosts on this machine: plain http to them never crosses a network. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
