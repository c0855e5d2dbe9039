import { OPTIMIZELY_DEFAULTS, OPTIMIZELY_PROFILE } from '../../src/adapters/optimizely/profile.js';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasErrors } from '../../src/core/diagnostic.js';
import { digest } from '../../src/core/digest.js';
import type { ConflictStrategy, SyncMode } from '../../src/core/generated/plan.js';
import type { Definition } from '../../src/core/model.js';
import { createPlan, typesToCount, type Plan, type PlanInput } from '../../src/core/plan.js';
import { KIND_TABLE } from '../../src/core/resource-kinds.js';
import { emptyLiveState, type LiveState } from '../../src/core/state.js';
import { baseFromLock } from '../../src/engine/base-from-lock.js';
import { checkDesired, loadDesired } from '../../src/engine/load-desired.js';
import type { Config } from '../../src/io/config/config.js';
import { LOCK_VERSION, lockedTarget, type LockTarget } from '../../src/io/lockfile/lockfile.js';
import { parseLockfileText } from '../../src/io/lockfile/read-lockfile.js';
import { schemaValidator } from '../../src/io/schema/schema-validator.js';
import { renderDiagnostics } from '../../src/render/diagnostics-text.js';
import { plainStyle } from '../../src/render/style.js';

/** The clock and the target of every golden plan: fixed, so the expected files never move. */
export const GOLDEN_NOW = '2026-03-01T12:00:00.000Z';
export const GOLDEN_TARGET = {
  name: 'production',
  platform: 'optimizely',
  description: 'optimizely v1 at https://api.cms.optimizely.com/v1',
};

/** What a case may set in `options.json`; anything else is a typo and fails the case. */
export interface CaseOptions {
  mode?: SyncMode;
  strategy?: ConflictStrategy;
  /**
   * Content items the CMS holds, by type key (null: it could not count them), for exactly the
   * types `catalyst plan` counts (`typesToCount`). Absent: the plan shows no counts.
   */
  contentItemCounts?: Record<string, number | null>;
  /** The Markdown view's budget in characters; default the renderer's. */
  markdownBudget?: number;
  /** `--only`: the keys to plan. */
  only?: string[];
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['mode', 'strategy', 'contentItemCounts', 'markdownBudget', 'only']);

export interface PlannedCase {
  plan: Plan;
  options: CaseOptions;
}

/**
 * Plans one golden case the way `catalyst plan` does: the YAML in `desired/` through the real
 * loader and validator (checked against the live state), `base.json` (a lockfile target section)
 * through the real lockfile reader, `live.json` as an adapter would return it, then `createPlan`
 * with the fixed clock, and again with the item counts of `options.json` when it has them.
 * A case whose inputs are invalid fails with the diagnostics a user would see.
 * With `seal`, base.json entries get the digest of their definition first, as catalyst does when it
 * writes the lockfile (`UPDATE_GOLDEN=1`).
 */
export async function planCase(dir: string, seal: boolean): Promise<PlannedCase> {
  const options = await readOptions(dir);
  if (seal) await sealBase(dir);
  const live = await readLiveFile(dir);
  const lock = await readBaseFile(dir);

  const config: Config = {
    rootDir: dir,
    contentTypesDir: join(dir, 'desired'),
    lockfilePath: join(dir, 'base.json'),
    mode: options.mode ?? 'push',
    strategy: options.strategy ?? 'manual',
    targets: [],
  };
  const loaded = await loadDesired(config, { rules: OPTIMIZELY_PROFILE, cwd: dir });
  const diagnostics = checkDesired(loaded, { live });
  if (hasErrors(diagnostics)) throw new Error(`the case's YAML is invalid:\n${renderDiagnostics(diagnostics, plainStyle)}`);

  const input: PlanInput = {
    desired: loaded.desired,
    base: baseFromLock(lock, GOLDEN_TARGET.name),
    live,
    options: {
      now: GOLDEN_NOW,
      target: GOLDEN_TARGET,
      mode: config.mode,
      strategy: config.strategy,
      rules: OPTIMIZELY_PROFILE,
      ...(options.only ? { only: options.only } : {}),
    },
  };
  const plan = createPlan(input);
  if (options.contentItemCounts === undefined) return { plan, options };
  const contentItemCounts = countsToShow(plan, options.contentItemCounts);
  return { plan: createPlan({ ...input, options: { ...input.options, contentItemCounts } }), options };
}

/** A case may only show counts catalyst would have read: for exactly the types the plan counts. */
function countsToShow(plan: Plan, counts: Record<string, number | null>): Record<string, number | null> {
  const counted = typesToCount(plan).sort();
  const given = Object.keys(counts).sort();
  if (JSON.stringify(counted) !== JSON.stringify(given)) {
    throw new Error(
      `options.json: contentItemCounts names ${given.join(', ') || 'no type'}, but this plan counts the items of ${counted.join(', ') || 'no type'}`,
    );
  }
  return counts;
}

async function readOptions(dir: string): Promise<CaseOptions> {
  const text = await readFile(join(dir, 'options.json'), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '{}';
    throw error;
  });
  const options = JSON.parse(text) as Record<string, unknown>;
  const unknown = Object.keys(options).filter((key) => !OPTION_KEYS.has(key));
  if (unknown.length > 0) throw new Error(`options.json: unknown member(s) ${unknown.join(', ')}; known: ${[...OPTION_KEYS].join(', ')}`);
  return options as CaseOptions;
}

/** base.json is the target's lockfile section; it is read as the lockfile `{ targets: { production: … } }`. */
async function readBaseFile(dir: string) {
  const section = JSON.parse(await readFile(join(dir, 'base.json'), 'utf8')) as LockTarget;
  const text = JSON.stringify({ lockVersion: LOCK_VERSION, targets: { [GOLDEN_TARGET.name]: section } }, null, 2);
  const result = parseLockfileText(text, 'base.json');
  if (!result.lock) throw new Error(`base.json is not a valid lockfile section:\n${renderDiagnostics(result.diagnostics, plainStyle)}`);
  const locked = lockedTarget(result.lock, GOLDEN_TARGET.name);
  for (const descriptor of KIND_TABLE) {
    for (const [key, entry] of Object.entries(locked[descriptor.section])) {
      assertCanonical(`${descriptor.label} ${key}`, entry.definition, descriptor.normalize(entry.definition, OPTIMIZELY_DEFAULTS));
    }
  }
  return result.lock;
}

/** The lockfile holds canonical definitions only (catalyst writes it); a fixture must too. */
function assertCanonical(what: string, definition: Definition, normalized: Definition): void {
  if (digest(definition) !== digest(normalized)) {
    throw new Error(`base.json: the definition of ${what} is not canonical; catalyst would have written ${JSON.stringify(normalized)}`);
  }
}

async function sealBase(dir: string): Promise<void> {
  const path = join(dir, 'base.json');
  const text = await readFile(path, 'utf8');
  const section = JSON.parse(text) as LockTarget;
  for (const entries of [section.contentTypes ?? {}, section.propertyGroups ?? {}, section.displayTemplates ?? {}]) {
    for (const entry of Object.values(entries)) if (entry) entry.digest = digest(entry.definition);
  }
  const sealed = `${JSON.stringify(section, null, 2)}\n`;
  if (sealed !== text) await writeFile(path, sealed);
}

/** live.json: what the adapter returned, each definition checked against the canonical model's schema. */
async function readLiveFile(dir: string): Promise<LiveState> {
  const written = JSON.parse(await readFile(join(dir, 'live.json'), 'utf8')) as Partial<LiveState>;
  const live: LiveState = { ...emptyLiveState(), ...written };
  const schema = schemaValidator('lock.schema.json');
  const problems: string[] = [];
  const check = (where: string, value: unknown, definition: string) => {
    for (const error of schema.validate(value, definition)) problems.push(`${where}${error.instancePath} ${error.message ?? ''}`);
  };
  live.contentTypes.forEach((entry, index) => {
    check(`contentTypes[${index}].def`, entry.def, 'contentTypeDef');
    check(`contentTypes[${index}].version`, entry.version, 'version');
    if (typeof entry.readOnly !== 'boolean') problems.push(`contentTypes[${index}].readOnly must be a boolean`);
  });
  live.propertyGroups.forEach((entry, index) => {
    check(`propertyGroups[${index}].def`, entry.def, 'propertyGroupDef');
    check(`propertyGroups[${index}].version`, entry.version, 'version');
    if (typeof entry.readOnly !== 'boolean') problems.push(`propertyGroups[${index}].readOnly must be a boolean`);
  });
  live.displayTemplates.forEach((entry, index) => {
    check(`displayTemplates[${index}].def`, entry.def, 'displayTemplateDef');
    check(`displayTemplates[${index}].version`, entry.version, 'version');
    if (typeof entry.readOnly !== 'boolean') problems.push(`displayTemplates[${index}].readOnly must be a boolean`);
  });
  if (problems.length > 0) throw new Error(`live.json is not a live state:\n${problems.join('\n')}`);
  return live;
}
