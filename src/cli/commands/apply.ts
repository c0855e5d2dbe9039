import { relative, resolve } from 'node:path';
import { hasChanges, type Plan } from '../../core/plan.js';
import { assertApplyable } from '../../engine/apply-plan.js';
import { approvalFromFlag, approvalName, unapproved } from '../../core/approval.js';
import type { ApprovalItem } from '../../core/generated/plan.js';
import type { OpenTarget } from '../../engine/open-target.js';
import type { Lockfile } from '../../io/lockfile/lockfile.js';
import { verifySavedPlan } from '../../engine/check-saved-plan.js';
import { planKeyFrom, readPlanFile } from '../../io/plan/plan-file.js';
import { loadDesired } from '../../engine/load-desired.js';
import { KIND_TABLE } from '../../core/resource-kinds.js';
import type { DesiredState } from '../../core/state.js';
import { renderPlanText } from '../../render/plan-text.js';
import { createCliContext, LOCK_TIMEOUT_OPTION, PROJECT_OPTIONS, withLockedProject, type CliContext } from '../cli-context.js';
import { confirmApply } from '../confirm.js';
import { defineCommand, EXIT } from '../define-command.js';
import {
  BATCH_OPTION,
  makePlan,
  notApplyable,
  ONLY_OPTION,
  onlyKeys,
  SYNC_OPTIONS,
  withBatchOption,
  withSyncOptions,
} from '../make-plan.js';
import { UserError } from '../../core/user-error.js';
import { renderApplyResult } from '../render-apply.js';
import { applyFromCli } from '../run-apply.js';
import { withTarget } from '../with-target.js';
import { authorizeRun } from '../authorize-run.js';

export const applyCommand = defineCommand({
  command: 'apply [plan]',
  describe: 'Carry out a plan: make a new one and ask, or apply a saved plan file exactly',
  builder: (yargs) =>
    yargs
      .positional('plan', {
        type: 'string',
        describe: 'A plan saved with `catalyst plan --out`; refused if anything it touches changed since',
      })
      .options({
        ...PROJECT_OPTIONS,
        'auto-approve': {
          type: 'boolean',
          default: false,
          describe: 'Apply without asking (a saved plan never asks: saving it was the review)',
        },
        'allow-destructive': {
          type: 'string',
          describe:
            'Approve destructive changes (deletes, removed properties, lossy type changes): exactly those named (=Type,Type.property,…), or, with no list, all of them',
        },
        'only-safe': {
          type: 'boolean',
          default: false,
          describe: 'Apply everything but the destructive changes not approved; those stay planned',
        },
        only: ONLY_OPTION,
        batch: BATCH_OPTION,
        'lock-timeout': LOCK_TIMEOUT_OPTION,
        ...SYNC_OPTIONS,
      }),
  run: async (args) => {
    const context = createCliContext(args);
    const only = onlyKeys(args.only);
    if (only && args.plan !== undefined)
      throw new UserError(
        '--only with a saved plan',
        'A saved plan is applied exactly as it was made; `--only` narrows a plan while it is made. Run `catalyst plan --only … --out FILE`, then apply that file.',
      );
    const saved = args.plan === undefined ? undefined : await readPlanFile(resolve(context.cwd, args.plan), args.plan);
    const approval = approvalFromFlag(args.allowDestructive);
    const swallowed = Array.isArray(approval) ? approval.find((name) => /\.json$/i.test(name)) : undefined;
    if (swallowed !== undefined)
      throw new UserError(
        `--allow-destructive took ${swallowed} as its list`,
        `--allow-destructive takes an optional list of what it approves, so the plan file after it was read as that list. Put the plan file first: catalyst apply ${swallowed} --allow-destructive.`,
      );
    if (approval === true && context.env.CI)
      context.stderr.write(
        'Warning: --allow-destructive without a list approves every destructive change the plan has. In CI, name them: --allow-destructive=Type,Type.property.\n',
      );

    return withLockedProject(context, args, 'apply', ({ config, lock, ...loaded }) => {
      const target = withBatchOption(withSyncOptions(loaded.target, args), args);
      return withTarget(context, target, async (opened) => {
        let plan: Plan;
        if (saved) {
          context.progress.status('Checking the saved plan against the CMS…');
          await verifySavedPlan(saved, {
            adapter: opened.adapter,
            lock,
            targetName: target.name,
            ...withPlanKey(planKeyFrom(context.env)),
            declared: async () => declaredIds((await loadDesired(config, { cwd: context.cwd, rules: opened.adapter.profile })).desired),
          });
          context.progress.stop();
          plan = saved;
          assertApplyable(plan, approval);
          await authorizeRun(context, config, target.name, 'apply', { plan, lockHeld: true });
        } else {
          plan = (await makePlan(context, { config, target }, lock, opened, only ? { only } : {})).plan;
          const held = args.onlySafe ? unapproved(plan.requiresApproval, approval) : [];
          if (held.length > 0) plan = await safePart(context, { config, target }, lock, opened, plan, held);
          context.stdout.write(renderPlanText(plan, context.style));
          if (held.length > 0)
            context.stdout.write(
              `\n--only-safe: left planned, not approved: ${held.map((item) => `${item.code} ${approvalName(item)}`).join(', ')}.\n`,
            );
          if (!hasChanges(plan)) return EXIT.ok;
          if (!plan.applyable) throw notApplyable(plan);
          assertApplyable(plan, approval);
          await authorizeRun(context, config, target.name, 'apply', { plan, lockHeld: true });
          if (!args.autoApprove && !(await confirmApply(context, `\nDo you want to perform these actions on target ${target.name}?`))) {
            context.stdout.write('\nApply cancelled. Nothing was written.\n');
            return EXIT.error;
          }
        }
        if (!hasChanges(plan)) {
          context.stdout.write('No changes. Nothing to apply.\n');
          return EXIT.ok;
        }
        const result = await applyFromCli(context, { plan, opened, lock, config, target, allowDestructive: approval });
        if (result.yamlFiles.length > 0) {
          const shown = result.yamlFiles.map((path) => relative(context.cwd, path) || path);
          context.stdout.write(`YAML written first: ${shown.join(', ')}\n`);
        }
        const stopped = result.failed !== undefined || result.interrupted === true;
        (stopped ? context.stderr : context.stdout).write(renderApplyResult(result, stopped ? context.errStyle : context.style));
        if (stopped) return EXIT.error;
        context.stdout.write(`Lockfile: ${relative(context.cwd, config.lockfilePath) || config.lockfilePath}\n`);
        return EXIT.ok;
      });
    });
  },
});

/**
 * The plan without the resources whose destructive changes were not approved: planned again,
 * narrowed (as `--only` narrows) to every other resource with a change and what those need.
 */
async function safePart(
  context: CliContext,
  project: Parameters<typeof makePlan>[1],
  lock: Lockfile,
  opened: OpenTarget,
  plan: Plan,
  held: readonly ApprovalItem[],
): Promise<Plan> {
  const heldKeys = new Set(held.map((item) => item.key));
  const keys = plan.resources
    .filter((resource) => resource.action !== 'none' && !heldKeys.has(resource.key))
    .map((resource) => resource.key);
  if (keys.length === 0) {
    throw new UserError(
      'Nothing safe to apply',
      `Every change in the plan is destructive and not approved (${[...heldKeys].join(', ')}). Approve them with --allow-destructive=${[...heldKeys].join(',')}, or change the YAML.`,
    );
  }
  return (await makePlan(context, project, lock, opened, { only: keys })).plan;
}

function withPlanKey(planKey: string | undefined): { planKey?: string } {
  return planKey === undefined ? {} : { planKey };
}

function declaredIds(desired: DesiredState): Set<string> {
  return new Set(KIND_TABLE.flatMap((descriptor) => desired[descriptor.section].map((entry) => `${descriptor.kind}:${entry.def.key}`)));
}
