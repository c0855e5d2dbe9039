import { PLATFORM_PROFILES, storableRules } from '../../../src/engine/platforms.js';
import { OPTIMIZELY_DEFAULTS, OPTIMIZELY_PROFILE } from '../../../src/adapters/optimizely/profile.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createOptimizelyAdapter } from '../../../src/adapters/optimizely/index.js';
import type { PlatformAdapter } from '../../../src/adapters/port.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import type { ContentTypeDef, PropertyGroupDef } from '../../../src/core/model.js';
import { normalizeContentType, normalizePropertyGroup } from '../../../src/core/normalize.js';
import type { Plan } from '../../../src/core/plan.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../../src/emulator/index.js';
import { applyPlan, type ApplyResult } from '../../../src/engine/apply-plan.js';
import { importLive, type ImportLiveResult } from '../../../src/engine/import-live.js';
import { checkDesired, loadDesired } from '../../../src/engine/load-desired.js';
import { readLive } from '../../../src/engine/read-live.js';
import { reconcile } from '../../../src/engine/reconcile.js';
import type { ApiVersion, Config, SelectedTarget } from '../../../src/io/config/config.js';
import { loadConfig } from '../../../src/io/config/load-config.js';
import { readLockfile } from '../../../src/io/lockfile/read-lockfile.js';
import type { Lockfile } from '../../../src/io/lockfile/lockfile.js';

export const TARGET_NAME = 'corpus';
export const ACTOR = 'e2e-corpus';

/** The environment a user of a remote target sets: the emulator's (non-secret) demo credentials. */
export function targetEnv(emulatorUrl: string): Record<string, string> {
  return {
    OPTIMIZELY_CMS_API_URL: emulatorUrl,
    OPTIMIZELY_CMS_CLIENT_ID: DEMO_CLIENT_ID,
    OPTIMIZELY_CMS_CLIENT_SECRET: DEMO_CLIENT_SECRET,
  };
}

/**
 * Writes a fresh project to a temporary directory: a config whose one target is the running
 * emulator as a remote CMS (its URL and credentials come from the environment, as in CI), YAML
 * in `content-types/`, the lockfile beside the config.
 */
export async function createProjectDir(apiVersion: ApiVersion): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'catalyst-e2e-'));
  const config = {
    contentTypesDir: 'content-types',
    lockfile: 'catalyst.lock.json',
    mode: 'push',
    strategy: 'manual',
    targets: { [TARGET_NAME]: { platform: 'optimizely', apiVersion } },
  };
  await writeFile(join(dir, 'catalyst.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

export function removeProjectDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** A project on disk, driven through the engine the way the CLI drives it. */
export class Project {
  private constructor(
    readonly dir: string,
    readonly config: Config,
    readonly target: SelectedTarget,
    readonly adapter: PlatformAdapter,
  ) {}

  static async open(dir: string, emulatorUrl: string): Promise<Project> {
    const loaded = await loadConfig({ cwd: dir, env: targetEnv(emulatorUrl), platforms: PLATFORM_PROFILES });
    if (!loaded.config || !loaded.target) throw new Error(`The e2e config does not load: ${JSON.stringify(loaded.diagnostics)}`);
    const { target } = loaded;
    if (target.endpoint.kind !== 'remote') throw new Error(`The e2e target must be remote, not ${target.endpoint.kind}.`);
    if (target.apiVersion === 'v5') throw new Error('The e2e target must be an Optimizely target.');
    const adapter = createOptimizelyAdapter({
      apiUrl: target.endpoint.apiUrl,
      apiVersion: target.apiVersion,
      clientId: target.credentials.clientId,
      clientSecret: target.credentials.clientSecret.reveal(),
    });
    return new Project(dir, loaded.config, target, adapter);
  }

  async lock(): Promise<Lockfile> {
    const read = await readLockfile(this.config.lockfilePath, { cwd: this.dir });
    if (!read.lock) throw new Error(`The lockfile does not read back: ${JSON.stringify(read.diagnostics)}`);
    return read.lock;
  }

  /** `catalyst import optimizely`: YAML and lockfile from what the CMS holds. */
  async import(): Promise<ImportLiveResult> {
    const result = await importLive({
      adapter: this.adapter,
      lock: await this.lock(),
      lockfilePath: this.config.lockfilePath,
      targetName: this.target.name,
      dir: this.config.contentTypesDir,
      cwd: this.dir,
      includeSystem: false,
      existing: new Map(),
      overwrite: false,
      actor: ACTOR,
      now: new Date().toISOString(),
    });
    return result;
  }

  /** The YAML as catalyst reads it, normalized, by key; throws on any file problem. */
  async desired(): Promise<{ contentTypes: Map<string, ContentTypeDef>; propertyGroups: Map<string, PropertyGroupDef> }> {
    const loaded = await loadDesired(this.config, { rules: OPTIMIZELY_PROFILE, cwd: this.dir });
    if (loaded.diagnostics.length > 0) throw new Error(`The YAML does not load:\n${loaded.diagnostics.map(formatDiagnostic).join('\n')}`);
    return {
      contentTypes: new Map(loaded.desired.contentTypes.map(({ def }) => [def.key, normalizeContentType(def, OPTIMIZELY_DEFAULTS)])),
      propertyGroups: new Map(loaded.desired.propertyGroups.map(({ def }) => [def.key, normalizePropertyGroup(def, OPTIMIZELY_DEFAULTS)])),
    };
  }

  /** The YAML file that defines a content type. */
  async fileOf(key: string): Promise<string> {
    const loaded = await loadDesired(this.config, { rules: OPTIMIZELY_PROFILE, cwd: this.dir });
    const origin = loaded.desired.contentTypes.find(({ def }) => def.key === key)?.origin;
    if (!origin) throw new Error(`No YAML file defines ${key}.`);
    return resolve(this.dir, origin.file);
  }

  /** Every diagnostic of the YAML, checked against what the target holds now. */
  async check(): Promise<Diagnostic[]> {
    const loaded = await loadDesired(this.config, { rules: OPTIMIZELY_PROFILE, cwd: this.dir });
    const live = await readLive(this.adapter);
    const held = new Map(live.contentTypes.map((type) => [type.def.key, type.def]));
    return checkDesired(loaded, { live, storable: { rules: storableRules(this.target), held } });
  }

  /** `catalyst plan`; throws with the diagnostics when the YAML is invalid. */
  async plan(): Promise<Plan> {
    const result = await reconcile({
      config: this.config,
      target: this.target,
      adapter: this.adapter,
      lock: await this.lock(),
      cwd: this.dir,
      now: new Date().toISOString(),
    });
    if (!result.ok) throw new Error(`The desired state is invalid:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
    return result.plan;
  }

  /** `catalyst apply` of a plan just made. */
  async apply(plan: Plan, options: { allowDestructive: boolean }): Promise<ApplyResult> {
    return applyPlan({
      plan,
      adapter: this.adapter,
      lock: await this.lock(),
      lockfilePath: this.config.lockfilePath,
      historyFile: join(this.dir, '.catalyst', 'history.jsonl'),
      backupDir: join(this.dir, '.catalyst', 'backups'),
      targetName: this.target.name,
      actor: ACTOR,
      now: () => new Date().toISOString(),
      allowDestructive: options.allowDestructive,
    });
  }
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.location ? `${diagnostic.location.file}:${diagnostic.location.line}:${diagnostic.location.column} ` : '';
  return `${where}${diagnostic.severity} ${diagnostic.code} ${diagnostic.summary}: ${diagnostic.detail}`;
}
