import type { Secret } from './secret.js';

export type { ConfigFile as WrittenConfig, WrittenTarget } from '../generated/config-file.js';

export const SYNC_MODES = ['push', 'pull', 'bidirectional'] as const;
export type SyncMode = (typeof SYNC_MODES)[number];

export const CONFLICT_STRATEGIES = ['manual', 'desired-wins', 'live-wins', 'merge'] as const;
export type ConflictStrategy = (typeof CONFLICT_STRATEGIES)[number];

/** Optimizely's API versions. */
export const API_VERSIONS = ['v1', 'preview3'] as const;
/** Strapi's API versions. */
export const STRAPI_API_VERSIONS = ['v5'] as const;
/** Every platform's API versions; which belong to a platform is its profile's `apiVersions`. */
export type ApiVersion = (typeof API_VERSIONS)[number] | (typeof STRAPI_API_VERSIONS)[number];

export const PLATFORMS = ['optimizely', 'strapi'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * What the configuration needs to know about a platform, from its profile (src/adapters): the
 * environment variables a target reads unless the config names others, the API host when none is
 * given, and the credentials its embedded emulator accepts.
 */
export interface TargetPlatform {
  env: { url: string; clientId: string; clientSecret: string };
  /** As messages name the platform: `Optimizely`. */
  displayName: string;
  /** What the client id and secret are, for messages: `the client credentials of an Optimizely API key`. */
  credentialsHint: string;
  /** API versions, the default first. */
  apiVersions: readonly string[];
  /** The API host when the config and environment name none; absent: a target must name one. */
  defaultApiUrl?: string;
  /** The credentials of the platform's embedded emulator; absent when it has none. */
  embeddedCredentials?: { clientId: string; clientSecret: string };
}

/** Per platform a config may name. */
export type TargetPlatforms = Readonly<Record<ResolvedTarget['platform'], TargetPlatform>>;

export const DEFAULT_CONTENT_TYPES_DIR = 'content-types';
export const DEFAULT_TARGET_NAME = 'default';
/** Where an embedded target keeps the emulator's state, relative to the root directory. */
export const EMULATOR_DATA_FILE = '.catalyst/emulator.json';

export type TargetEndpoint =
  /** The in-process emulator, persisting its state in `dataFile` so separate runs see one CMS. */
  | { kind: 'embedded'; dataFile: string }
  /** A real CMS: `apiUrl` is the API host without the version path (no trailing slash). */
  | { kind: 'remote'; apiUrl: string };

export interface Credentials {
  clientId: string;
  clientSecret: Secret;
}

/** How a target syncs: its own settings over the top-level ones. */
export interface SyncSettings {
  mode: SyncMode;
  strategy: ConflictStrategy;
  /** Per key or pattern (`*` any characters): the target's first, then the top level's; exact keys are matched first. */
  strategies: ReadonlyArray<readonly [pattern: string, strategy: ConflictStrategy]>;
  /** Members the CMS owns, per key or pattern: the target's and the top level's. */
  cmsOwns: ReadonlyArray<readonly [pattern: string, members: readonly string[]]>;
}

export interface ResolvedTarget {
  name: string;
  sync: SyncSettings;
  platform: Platform;
  /** One of the platform's API versions (resolution reports any other). */
  apiVersion: ApiVersion;
  /** Batch writes where the platform has them (see `applyBatch`); the target's `batch`, default true. */
  batch: boolean;
  endpoint: TargetEndpoint;
  /**
   * From the environment (the emulator's demo credentials for an embedded target). Undefined
   * when the environment lacks them: an error only for the target a command uses.
   */
  credentials: Credentials | undefined;
  /** The environment variables this target reads, for messages. */
  env: { url: string; clientId: string; clientSecret: string };
}

/** A target a command can use: its credentials are known. */
export type SelectedTarget = ResolvedTarget & { credentials: Credentials };

/** The configuration the program uses: every default applied, every path absolute. */
export interface Config {
  /** Absolute path of the config file; absent when catalyst runs on defaults alone. */
  configFile?: string;
  /** The directory relative paths are resolved against: the config file's, else the working directory. */
  rootDir: string;
  contentTypesDir: string;
  lockfilePath: string;
  mode: SyncMode;
  strategy: ConflictStrategy;
  targets: ResolvedTarget[];
  /** The target to use when none is named (`defaultTarget`, or the only one). */
  defaultTarget?: string;
}
