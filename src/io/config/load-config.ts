import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../../core/diagnostic.js';
import { CONFIG_CODES } from '../diagnostic-codes.js';
import { displayPath } from '../fs/display-path.js';
import { schemaDiagnostics, type SpecialCase } from '../schema/schema-diagnostics.js';
import { schemaValidator } from '../schema/schema-validator.js';
import type { Config, ResolvedTarget, SelectedTarget, TargetPlatforms, WrittenConfig } from './config.js';
import { CONFIG_FILE_NAMES, ConfigLoadError, readConfigFile } from './read-config-file.js';
import { resolveConfig, selectTarget, type Environment } from './resolve-config.js';

export interface LoadConfigOptions {
  /** Where to look for a config file, and what relative paths mean without one. */
  cwd: string;
  /** `--config`: this file and no other (relative to `cwd`). */
  configPath?: string;
  /** `--target`. */
  targetName?: string;
  /** The process environment (passed in: io never reads `process.env`). */
  env: Environment;
  /** What each platform's targets read from the environment and default to (their profiles). */
  platforms: TargetPlatforms;
  /**
   * False for commands that never talk to a CMS (`validate`): no target is selected and its
   * credentials are not checked. Default true.
   */
  requireTarget?: boolean;
  /**
   * Credentials saved with `catalyst login --save`, for a remote target whose secret the
   * environment does not set (the environment always wins): the credentials, the problems that
   * keep them from being used (a wrong passphrase), or undefined when none are saved.
   */
  savedCredentials?: SavedCredentialsLookup;
}

export type SavedCredentialsLookup = (
  target: ResolvedTarget & { endpoint: { kind: 'remote' } },
) => Promise<{ clientId: string; clientSecret: string } | Diagnostic[] | undefined>;

export interface LoadConfigResult {
  /** Absent when the config file is missing (`--config`), cannot be loaded, or is invalid. */
  config?: Config;
  /** Absent when `config` is, when no target is required, or when the target cannot be used. */
  target?: SelectedTarget;
  /** Every problem found (errors and warnings), each naming the file, key and fix. */
  diagnostics: Diagnostic[];
}

/** Finds, loads, validates and resolves the configuration; see `resolveConfig` for the rules. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadConfigResult> {
  const cwd = resolve(options.cwd);
  const show = (path: string) => displayPath(path, cwd);
  const diagnostics: Diagnostic[] = [];
  let explicit: string | undefined;
  if (options.configPath !== undefined) {
    explicit = resolve(cwd, options.configPath);
    const info = await stat(explicit).catch(() => undefined);
    if (!info?.isFile()) {
      return {
        diagnostics: [
          {
            code: CONFIG_CODES.configNotFound,
            severity: 'error',
            summary: `Config file ${show(explicit)} not found`,
            detail: `\`--config\` names ${show(explicit)}, which ${info ? 'is not a file' : 'does not exist'}. Correct the path, or leave \`--config\` out to use ${CONFIG_FILE_NAMES.slice(0, 3).join(', ')}, … in the working directory.`,
          },
        ],
      };
    }
  }

  let file: Awaited<ReturnType<typeof readConfigFile>>;
  try {
    file = await readConfigFile({ cwd, path: explicit, displayPath: show });
  } catch (error) {
    if (error instanceof ConfigLoadError) return { diagnostics: [error.diagnostic] };
    throw error;
  }
  if (file && explicit === undefined) diagnostics.push(...(await severalConfigFiles(dirname(file.path), file.path, show)));

  let written: WrittenConfig = {};
  if (file) {
    const errors = schemaValidator('config.schema.json').validate(file.value);
    if (errors.length > 0) {
      diagnostics.push(
        ...schemaDiagnostics(errors, {
          locator: file.locator,
          pathPrefix: file.prefix,
          codes: { schemaViolation: CONFIG_CODES.schemaViolation, unknownMember: CONFIG_CODES.unknownMember },
          rootName: 'The config',
          special: (error, path) => configSpecialCases(error, path, options.platforms),
        }),
      );
      return { diagnostics };
    }
    written = file.value as WrittenConfig;
  }

  const locate = file ? (path: readonly string[]) => file.locator.locate([...file.prefix, ...path]) : undefined;
  const resolveContext = {
    rootDir: file ? dirname(file.path) : cwd,
    ...(file ? { configFile: file.path } : {}),
    env: options.env,
    platforms: options.platforms,
    ...(locate ? { locate } : {}),
  };
  const resolved = resolveConfig(written, resolveContext);
  if (options.requireTarget === false) {
    const named = options.targetName;
    if (named !== undefined && !resolved.config.targets.some((target) => target.name === named))
      diagnostics.push(...selectTarget(resolved, named, locate ? { locate } : {}).diagnostics);
    return { config: resolved.config, diagnostics };
  }
  const selected = selectTarget(resolved, options.targetName, locate ? { locate } : {});
  const saved = selected.target ? undefined : await withSavedCredentials(resolved.config, options);
  if (saved && !Array.isArray(saved)) {
    const again = selectTarget(resolveConfig(written, { ...resolveContext, env: { ...options.env, ...saved } }), options.targetName, {
      ...(locate ? { locate } : {}),
    });
    diagnostics.push(...again.diagnostics);
    return again.target ? { config: resolved.config, target: again.target, diagnostics } : { config: resolved.config, diagnostics };
  }
  diagnostics.push(
    ...(saved
      ? [...selected.diagnostics.filter((diagnostic) => diagnostic.code !== CONFIG_CODES.missingCredentials), ...saved]
      : selected.diagnostics),
  );
  return selected.target ? { config: resolved.config, target: selected.target, diagnostics } : { config: resolved.config, diagnostics };
}

/**
 * For the chosen target, when it is remote and the environment lacks its secret: the saved
 * credentials as the environment variables the target reads (not used when the environment sets
 * another client id: the secret belongs to the id it was saved with), or the problems that keep
 * them from being used; undefined when there are none.
 */
async function withSavedCredentials(
  config: Config,
  options: LoadConfigOptions,
): Promise<Record<string, string> | Diagnostic[] | undefined> {
  const name = options.targetName ?? config.defaultTarget;
  const target = config.targets.find((candidate) => candidate.name === name);
  if (!options.savedCredentials || !target || target.credentials || target.endpoint.kind !== 'remote' || target.endpoint.apiUrl === '')
    return undefined;
  if (options.env[target.env.clientSecret]?.trim()) return undefined;
  const found = await options.savedCredentials(target as ResolvedTarget & { endpoint: { kind: 'remote' } });
  if (found === undefined || Array.isArray(found)) return found;
  // The secret was sealed with its client id: with another id in the environment it is not this pair.
  const id = options.env[target.env.clientId]?.trim();
  if (id && id !== found.clientId) return undefined;
  return { [target.env.clientId]: found.clientId, [target.env.clientSecret]: found.clientSecret };
}

const CREDENTIAL_NAME = /secret|password|passwd|token|api[-_]?key|client[-_]?id|credential/i;

/** Config errors phrased better than the generic ones. */
function configSpecialCases(error: ErrorObject, path: string[], platforms: TargetPlatforms): SpecialCase | undefined {
  if (error.keyword === 'pattern' && path[0] === 'targets' && path[2] === 'url' && path.length === 3) {
    return {
      code: CONFIG_CODES.invalidUrl,
      severity: 'error',
      summary: `Invalid URL for target "${path[1]}"`,
      detail: `${JSON.stringify(error.data)} is not an http or https URL. Set \`url\` to the API host, e.g. ${platforms.optimizely.defaultApiUrl} (catalyst adds the version path), or to \`embedded\` for the built-in emulator.`,
    };
  }
  return literalCredential(error, path, platforms);
}

/** A credential written in the file: refused, with the environment variable to use instead. */
function literalCredential(error: ErrorObject, path: string[], platforms: TargetPlatforms): SpecialCase | undefined {
  const member =
    error.keyword === 'not' ? path.at(-1) : error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
  if (member === undefined || !CREDENTIAL_NAME.test(member)) return undefined;
  const { env } = platforms.optimizely;
  const variable = /id/i.test(member) && !/secret/i.test(member) ? env.clientId : env.clientSecret;
  return {
    code: CONFIG_CODES.literalCredential,
    severity: 'error',
    summary: `Credential "${member}" in the config file`,
    detail:
      `Credentials never go in the config file, which is committed and shared. Remove "${member}" and set the environment variable ${variable} ` +
      `(or name another variable with ${/id/i.test(member) && !/secret/i.test(member) ? '`clientIdEnv`' : '`clientSecretEnv`'}); in CI, fill it from the secret store.`,
    at: error.keyword === 'not' ? path : [...path, member],
  };
}

/** A warning when the working directory holds more than one config file. */
async function severalConfigFiles(cwd: string, used: string, show: (path: string) => string): Promise<Diagnostic[]> {
  const present: string[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    const path = join(cwd, name);
    if (name === 'package.json') {
      const text = await readFile(path, 'utf8').catch(() => undefined);
      const hasMember =
        text !== undefined &&
        (() => {
          try {
            return (JSON.parse(text) as Record<string, unknown>)?.catalyst !== undefined;
          } catch {
            return false;
          }
        })();
      if (hasMember) present.push(path);
    } else if ((await stat(path).catch(() => undefined))?.isFile()) {
      present.push(path);
    }
  }
  if (present.length < 2) return [];
  const others = present
    .filter((path) => path !== used)
    .map((path) => (path.endsWith('package.json') ? `${show(path)} (catalyst)` : show(path)));
  return [
    {
      code: CONFIG_CODES.severalConfigFiles,
      severity: 'warning',
      summary: 'Several config files',
      detail: `catalyst uses ${show(used)} and ignores ${others.join(', ')}. Delete the ones you do not use, so nobody edits the wrong file.`,
      location: { file: show(used), line: 1, column: 1 },
    },
  ];
}
