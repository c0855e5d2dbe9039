import type { Plan } from '../core/plan.js';
import type { LiveState } from '../core/state.js';
import type { OpenTarget } from '../engine/open-target.js';
import { reconcile } from '../engine/reconcile.js';
import {
  CONFLICT_STRATEGIES,
  SYNC_MODES,
  type Config,
  type ConflictStrategy,
  type SelectedTarget,
  type SyncMode,
} from '../io/config/config.js';
import type { Lockfile } from '../io/lockfile/lockfile.js';
import { journalFileFor, readInFlight } from '../io/audit/journal.js';
import { kindLabel } from '../render/resource-labels.js';
import { UserError } from '../core/user-error.js';
export { needsDecision } from '../core/needs-decision.js';
import { failOnErrors, type CliContext } from './cli-context.js';
import { InternalError } from '../core/internal-error.js';

const STAGES = {
  load: 'Reading the YAML…',
  refresh: 'Reading the CMS…',
  plan: 'Planning…',
  count: 'Counting the content that destructive changes affect…',
} as const;

/** `--only` for the commands that plan. */
export const ONLY_OPTION = {
  type: 'string',
  array: true,
  describe: 'Plan only these keys (comma-separated; types, groups, templates) and what they need. For recovery, not routine use',
} as const;

/** `--mode` and `--strategy` for the commands that plan: this run's choice over the config's. */
export const SYNC_OPTIONS = {
  mode: {
    type: 'string',
    choices: SYNC_MODES,
    describe: 'Direction: push (YAML → CMS), pull (CMS → YAML) or bidirectional (default: the config’s mode)',
  },
  strategy: {
    type: 'string',
    choices: CONFLICT_STRATEGIES,
    describe: 'What settles a member changed on both sides (default: the config’s strategy)',
  },
} as const;

/** `--batch` / `--no-batch`, for the commands that apply. */
export const BATCH_OPTION = {
  type: 'boolean',
  describe:
    'Batch creates and safe updates into one request where the platform allows (default: the target’s `batch`, true); --no-batch writes one resource per request, each with If-Match',
} as const;

/** The target with this run's `--batch`/`--no-batch` over its configured `batch`. */
export function withBatchOption<T extends SelectedTarget>(target: T, args: { batch?: boolean }): T {
  return args.batch === undefined ? target : { ...target, batch: args.batch };
}

/** The target with this run's `--mode` and `--strategy` over its configured ones. */
export function withSyncOptions<T extends SelectedTarget>(target: T, args: { mode?: string; strategy?: string }): T {
  return {
    ...target,
    sync: {
      ...target.sync,
      ...(args.mode ? { mode: args.mode as SyncMode } : {}),
      ...(args.strategy ? { strategy: args.strategy as ConflictStrategy } : {}),
    },
  };
}

/** The keys of `--only KEY[,KEY]` (repeatable); undefined when it is not given. */
export function onlyKeys(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const keys = values
    .flatMap((value) => value.split(','))
    .map((key) => key.trim())
    .filter((key) => key !== '');
  if (keys.length === 0) throw new UserError('Empty --only', '`--only` needs at least one key, e.g. `--only ArticlePage,HeroBlock`.');
  return keys;
}

/** Load → refresh → plan with progress; an invalid desired state prints its diagnostics and stops. */
export async function makePlan(
  context: CliContext,
  project: { config: Config; target: SelectedTarget },
  lock: Lockfile,
  opened: OpenTarget,
  narrow: { only?: readonly string[]; includeUnmanaged?: boolean } = {},
): Promise<{ plan: Plan; live: LiveState }> {
  const result = await reconcile({
    ...(narrow.only ? { only: narrow.only } : {}),
    ...(narrow.includeUnmanaged ? { includeUnmanaged: true } : {}),
    config: project.config,
    target: project.target,
    adapter: opened.adapter,
    lock,
    cwd: context.cwd,
    now: context.now(),
    onStage: (stage) => context.progress.status(STAGES[stage]),
  });
  context.progress.stop();
  failOnErrors(
    context,
    result.diagnostics,
    'Invalid content types',
    'Nothing was sent to the CMS. Fix the problems above, then plan again.',
  );
  if (!result.ok) throw new InternalError('reconcile failed without an error diagnostic');
  const inFlight = await readInFlight(journalFileFor(project.config.rootDir, project.target.name));
  if (inFlight) {
    const what =
      inFlight.action === 'batch' ? `a batch write (${inFlight.key})` : `${inFlight.action} ${kindLabel(inFlight.kind)} ${inFlight.key}`;
    context.stderr.write(
      `Warning: the last run on target ${project.target.name} (${inFlight.run}, by ${inFlight.actor}) was stopped while it wrote: ${what}. ` +
        'This plan read the CMS as it is now: a write that landed is recorded without being sent again, one that did not is planned again.\n',
    );
  }
  return { plan: result.plan, live: result.live };
}

/** The error for a plan with blockers: the plan above says what each is and how to settle it. */
export function notApplyable(plan: Plan): UserError {
  const count = plan.blockers.length;
  const codes = [...new Set(plan.blockers.map((blocker) => blocker.code))].join(', ');
  return new UserError(
    'Plan cannot be applied',
    `The plan has ${count} blocker${count === 1 ? '' : 's'} (${codes}), listed under "This plan cannot be applied" above, each with what to do. Settle them, then plan again.`,
  );
}
