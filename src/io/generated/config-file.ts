/* Generated from schemas/config.schema.json by scripts/gen-types.ts. Do not edit: edit the schema and run `npm run gen:types`. */

/**
 * A target name: letters, digits, `_`, `-` or `.`, starting with a letter or digit.
 *
 * This interface was referenced by `ConfigFile`'s JSON-Schema
 * via the `definition` "targetName".
 */
export type TargetName = string;

/**
 * catalyst configuration: `catalyst.config.ts` (or .mts, .js, .mjs, .cjs, .json, .yaml, .yml) or the `catalyst` member of package.json, in the directory catalyst runs in. Every member is optional; paths are relative to the directory of the config file. Credentials come from the environment only.
 */
export interface ConfigFile {
  /**
   * The JSON Schema of this file, for editors.
   */
  $schema?: string;
  /**
   * Where the content type YAML files live (default `content-types`).
   */
  contentTypesDir?: string;
  /**
   * The lockfile path (default `catalyst.lock.json`). Commit it.
   */
  lockfile?: string;
  /**
   * Sync direction: `push` (git → CMS, default), `pull` (CMS → git) or `bidirectional`.
   */
  mode?: 'push' | 'pull' | 'bidirectional';
  /**
   * What to do when YAML and the CMS both changed the same thing since the last sync: `manual` (stop and report, default), `desired-wins`, `live-wins` or `merge` (non-overlapping changes from both sides).
   */
  strategy?: 'manual' | 'desired-wins' | 'live-wins' | 'merge';
  /**
   * The target used when `--target` is not given and several are defined.
   */
  defaultTarget?: string;
  /**
   * The CMS instances to sync with, by name (used with `--target` and in the lockfile). Absent: one target named `default`, configured from the environment.
   */
  targets?: {
    [k: string]: WrittenTarget | undefined;
  };
  strategies?: Strategies1;
  cmsOwns?: CmsOwns1;
}
/**
 * One CMS instance.
 *
 * This interface was referenced by `ConfigFile`'s JSON-Schema
 * via the `definition` "target".
 */
export interface WrittenTarget {
  /**
   * The CMS platform (default `optimizely`). A `strapi` target is a Strapi 5 server run with `strapi develop` (schema writes need it): its URL comes from `url` or STRAPI_URL, its admin user from STRAPI_ADMIN_EMAIL and STRAPI_ADMIN_PASSWORD; it has no embedded stand-in.
   */
  platform?: 'optimizely' | 'strapi';
  /**
   * The platform's API version: for Optimizely `v1` (default) or `preview3` (end of life on 1 Aug 2026); for Strapi `v5` (default).
   */
  apiVersion?: 'v1' | 'preview3' | 'v5';
  /**
   * The API host as the official Optimizely CLI means it (catalyst adds the version path), e.g. `https://api.cms.optimizely.com`; or `embedded` for the built-in emulator, whose state is kept in `.catalyst/emulator.json`. The environment fills only what the target leaves out: with `url` set, an environment URL (OPTIMIZELY_CMS_API_URL) naming another host is refused, unless the target names the variable in `urlEnv`, which lets the environment override it (never for `embedded`). Absent and no URL in the environment: `https://api.cms.optimizely.com` when client credentials are in the environment, else `embedded`.
   */
  url?: string;
  /**
   * Allow a plain http:// url to a host other than this machine (loopback). The client secret and every definition then cross the network unencrypted; catalyst warns on every run. Default false: such a url is refused (C013).
   */
  insecure?: boolean;
  /**
   * The environment variable that holds the API host (default OPTIMIZELY_CMS_API_URL). Naming it lets that variable override `url`.
   */
  urlEnv?: string;
  /**
   * The environment variable that holds the client id (default OPTIMIZELY_CMS_CLIENT_ID).
   */
  clientIdEnv?: string;
  /**
   * The environment variable that holds the client secret (default OPTIMIZELY_CMS_CLIENT_SECRET).
   */
  clientSecretEnv?: string;
  /**
   * Not allowed: credentials never go in the config file. Set the environment variable OPTIMIZELY_CMS_CLIENT_ID (or the variable `clientIdEnv` names) instead.
   */
  clientId?: never;
  /**
   * Not allowed: credentials never go in the config file. Set the environment variable OPTIMIZELY_CMS_CLIENT_SECRET (or the variable `clientSecretEnv` names) instead.
   */
  clientSecret?: never;
  /**
   * This target's sync direction, over the top-level `mode`.
   */
  mode?: 'push' | 'pull' | 'bidirectional';
  /**
   * This target's conflict strategy, over the top-level `strategy`.
   */
  strategy?: 'manual' | 'desired-wins' | 'live-wins' | 'merge';
  strategies?: Strategies;
  cmsOwns?: CmsOwns;
  /**
   * Write creates and non-destructive updates in one batch request where the platform has one (Optimizely v1: `POST /manifest`), checked by a read before and a read-back after (default true). `false`: one request per resource, each with If-Match; `--no-batch` does the same for one run.
   */
  batch?: boolean;
}
/**
 * Per key or pattern, for this target; consulted before the top-level `strategies`.
 */
export interface Strategies {
  [k: string]: 'manual' | 'desired-wins' | 'live-wins' | 'merge' | undefined;
}
/**
 * Members the CMS owns on this target, in addition to the top-level `cmsOwns`.
 */
export interface CmsOwns {
  [k: string]: string[] | undefined;
}
/**
 * The conflict strategy per content type, property group or display template key: an exact key, or a pattern where `*` stands for any characters (`Blog*`). An exact key wins over a pattern; among patterns, the first that matches. Keys not listed use `strategy`.
 *
 * This interface was referenced by `ConfigFile`'s JSON-Schema
 * via the `definition` "strategies".
 */
export interface Strategies1 {
  [k: string]: 'manual' | 'desired-wins' | 'live-wins' | 'merge' | undefined;
}
/**
 * Members the CMS owns, per key or pattern (as in `strategies`; `*` for every resource): editors tune them in the CMS, so a CMS change to them is never drift, the YAML never overwrites them, and pull and bidirectional write them into YAML. Members are paths as the plan names them: `displayName`, `description`, `sortOrder`, or per property with `*` for any property (`properties.*.displayName`, `properties.*.group`).
 *
 * This interface was referenced by `ConfigFile`'s JSON-Schema
 * via the `definition` "cmsOwns".
 */
export interface CmsOwns1 {
  [k: string]: string[] | undefined;
}
