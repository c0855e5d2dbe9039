import type { PlatformRules, StorableRules } from '../core/platform-profile.js';

/** The environment variables a platform's targets read, unless the config names others. */
export interface PlatformEnvironment {
  url: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Everything catalyst assumes about a platform, in one place: the rules core plans with (server
 * defaults, built-in groups, system types), the API versions and which members each can store,
 * the environment variables, the default API host and the credentials of its embedded emulator.
 * Starting that emulator is the composition root's job (src/engine/platforms.ts).
 */
export interface PlatformProfile extends PlatformRules {
  /** As configs name it: `optimizely`. */
  platform: string;
  /** As messages name it: `Optimizely`. */
  displayName: string;
  /** What a target's client id and secret are, for messages: `the client credentials of an Optimizely API key`. */
  credentialsHint: string;
  /** API versions, the default first. */
  apiVersions: readonly string[];
  /** Per API version, what it can store: plan and validate check the desired state against the target's. */
  versions: Readonly<Record<string, StorableRules>>;
  env: PlatformEnvironment;
  /** The API host when the config and environment name none; absent: a target must name one. */
  defaultApiUrl?: string;
  /** The client credentials the embedded emulator accepts; not secret (they only open a local demo). Absent: the platform has no emulator. */
  embeddedCredentials?: { clientId: string; clientSecret: string };
}
