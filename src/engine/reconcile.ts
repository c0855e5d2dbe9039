import type { Diagnostic } from '../core/diagnostic.js';
import { hasErrors } from '../core/diagnostic.js';
import pLimit from 'p-limit';
import { createPlan, typesToCount, type Plan } from '../core/plan.js';
import { emptyDesiredState, type DesiredState, type LiveState } from '../core/state.js';
import { isAdapterError } from '../adapters/errors.js';
import type { PlatformAdapter } from '../adapters/port.js';
import type { Config, SelectedTarget } from '../io/config/config.js';
import type { Lockfile } from '../io/lockfile/lockfile.js';
import { baseFromLock } from './base-from-lock.js';
import { checkDesired, loadDesired, type LoadedDesired } from './load-desired.js';
import { describeTarget } from './open-target.js';
import { storableRules } from './platforms.js';
import { readLive } from './read-live.js';

export interface ReconcileInput {
  config: Config;
  target: SelectedTarget;
  adapter: PlatformAdapter;
  lock: Lockfile;
  cwd: string;
  /** ISO 8601: the plan's timestamp. */
  now: string;
  /** `--only`: plan just these keys and what they need. */
  only?: readonly string[];
  /** Pull mode: CMS resources in neither YAML nor the lockfile are written into YAML too. */
  includeUnmanaged?: boolean;
  /**
   * The desired state to plan towards instead of the YAML (a rollback's); the YAML is then not read.
   * Planned in push mode with the manual strategy: anything changed since blocks.
   */
  desired?: DesiredState;
  /** Called when a stage begins, for progress output. */
  onStage?: (stage: 'load' | 'refresh' | 'plan' | 'count') => void;
}

export type ReconcileResult =
  | { ok: true; plan: Plan; live: LiveState; diagnostics: Diagnostic[] }
  /** The desired state is invalid: no plan, and nothing was written anywhere. */
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Load → refresh → plan. Reads the YAML, reads every type the target has, validates the YAML
 * against both, and computes the plan. Read-only: nothing is written to the CMS or to disk.
 */
export async function reconcile(input: ReconcileInput): Promise<ReconcileResult> {
  input.onStage?.('load');
  const loaded: LoadedDesired = input.desired
    ? { desired: input.desired, partial: emptyDesiredState(), diagnostics: [], locators: new Map(), rules: input.adapter.profile }
    : await loadDesired(input.config, { cwd: input.cwd, rules: input.adapter.profile });
  if (hasErrors(loaded.diagnostics)) return { ok: false, diagnostics: checkDesired(loaded) };

  input.onStage?.('refresh');
  const live = await readLive(input.adapter);
  const held = new Map(live.contentTypes.map((type) => [type.def.key, type.def]));
  const diagnostics = checkDesired(loaded, { live, storable: { rules: storableRules(input.target), held } });
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  const { desired } = loaded;

  input.onStage?.('plan');
  const planInput = {
    desired,
    base: baseFromLock(input.lock, input.target.name),
    live,
    options: {
      now: input.now,
      target: { name: input.target.name, platform: input.target.platform, description: describeTarget(input.target) },
      mode: input.target.sync.mode,
      strategy: input.target.sync.strategy,
      strategies: input.target.sync.strategies,
      cmsOwns: input.target.sync.cmsOwns,
      rules: input.adapter.profile,
      ...(input.only ? { only: input.only } : {}),
      ...(input.includeUnmanaged ? { includeUnmanaged: true } : {}),
    },
  };
  const first = createPlan(planInput);
  const keys = typesToCount(first);
  if (keys.length === 0) return { ok: true, plan: first, live, diagnostics };
  input.onStage?.('count');
  const contentItemCounts = await countItems(input.adapter, keys);
  return { ok: true, plan: createPlan({ ...planInput, options: { ...planInput.options, contentItemCounts } }), live, diagnostics };
}

/**
 * Item counts are for the reviewer: a type the platform cannot count for, or whose count the
 * platform failed to give, is shown as unknown rather than failing the plan. Anything but a
 * platform error is a bug and is not hidden.
 */
async function countItems(adapter: PlatformAdapter, keys: readonly string[]): Promise<Record<string, number | null>> {
  const limit = pLimit(4);
  const unknownOnPlatformError = (error: unknown): null => {
    if (isAdapterError(error)) return null;
    throw error;
  };
  const counts = await Promise.all(keys.map((key) => limit(() => adapter.countContentItems(key).catch(unknownOnPlatformError))));
  return Object.fromEntries(keys.map((key, index) => [key, counts[index] ?? null]));
}
