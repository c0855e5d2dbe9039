import { relative, resolve } from 'node:path';
import { hasChanges, type Plan } from '../../core/plan.js';
import { assertApplyable } from '../../engine/apply-plan.js';
import { verifySavedPlan } from '../../engine/check-saved-plan.js';
import { planKeyFrom, readPlanFile } from '../../io/plan/plan-file.js';
import { loadDesired } from '../../engine/load-desired.js';
import { KIND_TABLE } from '../../core/resource-kinds.js';
import type { DesiredState } from '../../core/state.js';
import { renderPlanText } from '../../render/plan-text.js';
import { createCliContext, loadTargetedProject, PROJECT_OPTIONS } from '../cli-context.js';
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
          type: 'boolean',
          default: false,
          describe: 'Approve the plan’s destructive changes (deletes, removed properties, lossy type changes)',
        },
        only: ONLY_OPTION,
        batch: BATCH_OPTION,
        ...SYNC_OPTIONS,
      }),
  run: async (args) => {
    const context = createCliContext(args);
    const { config, lock, ...loaded } = await loadTargetedProject(context, args);
    const target = withBatchOption(withSyncOptions(loaded.target, args), args);
    const only = onlyKeys(args.only);
    if (only && args.plan !== undefined)
      throw new UserError(
        '--only with a saved plan',
        'A saved plan is applied exactly as it was made; `--only` narrows a plan while it is made. Run `catalyst plan --only … --out FILE`, then apply that file.',
      );
    const saved = args.plan === undefined ? undefined : await readPlanFile(resolve(context.cwd, args.plan), args.plan);

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
      } else {
        plan = (await makePlan(context, { config, target }, lock, opened, only ? { only } : {})).plan;
        context.stdout.write(renderPlanText(plan, context.style));
        if (!hasChanges(plan)) return EXIT.ok;
        if (!plan.applyable) throw notApplyable(plan);
        assertApplyable(plan, args.allowDestructive);
        if (!args.autoApprove && !(await confirmApply(context, `\nDo you want to perform these actions on target ${target.name}?`))) {
          context.stdout.write('\nApply cancelled. Nothing was written.\n');
          return EXIT.error;
        }
      }
      if (!hasChanges(plan)) {
        context.stdout.write('No changes. Nothing to apply.\n');
        return EXIT.ok;
      }
      const result = await applyFromCli(context, { plan, opened, lock, config, target, allowDestructive: args.allowDestructive });
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
  },
});

function withPlanKey(planKey: string | undefined): { planKey?: string } {
  return planKey === undefined ? {} : { planKey };
}

function declaredIds(desired: DesiredState): Set<string> {
  return new Set(KIND_TABLE.flatMap((descriptor) => desired[descriptor.section].map((entry) => `${descriptor.kind}:${entry.def.key}`)));
}
