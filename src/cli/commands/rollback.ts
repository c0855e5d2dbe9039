import { resolve } from 'node:path';
import { approvalFromFlag } from '../../core/approval.js';
import { hasChanges } from '../../core/plan.js';
import { UserError } from '../../core/user-error.js';
import { assertApplyable } from '../../engine/apply-plan.js';
import { writePlanFile } from '../../io/plan/plan-file.js';
import { renderPlanText } from '../../render/plan-text.js';
import { createCliContext, LOCK_TIMEOUT_OPTION, PROJECT_OPTIONS, withLockedProject } from '../cli-context.js';
import { confirmApply } from '../confirm.js';
import { defineCommand, EXIT } from '../define-command.js';
import { notApplyable } from '../make-plan.js';
import { planRollback, rollbackFromHistory, rollbackTargetOf } from '../plan-rollback.js';
import { renderApplyResult } from '../render-apply.js';
import { applyFromCli } from '../run-apply.js';
import { withTarget } from '../with-target.js';
import { authorizeRun } from '../authorize-run.js';

/**
 * `catalyst rollback --last | --to <run>`: a plan that puts the CMS back as it was before that
 * run (and every later one), from the definitions the history recorded, shown and gated like any
 * plan: destructive changes need approval, anything changed since blocks, `--out` saves it.
 */
export const rollbackCommand = defineCommand({
  command: 'rollback',
  describe: 'Plan (and apply) putting the CMS back as it was before a run: --last, or --to <run id> (see `catalyst history`)',
  builder: (yargs) =>
    yargs.options({
      ...PROJECT_OPTIONS,
      last: { type: 'boolean', default: false, describe: 'Roll back the newest run' },
      to: { type: 'string', describe: 'Roll back this run and every later one (the run id `catalyst history` shows)' },
      out: { type: 'string', describe: 'Save the rollback plan instead of applying it (`catalyst apply FILE` applies it)' },
      'auto-approve': { type: 'boolean', default: false, describe: 'Apply without asking' },
      'allow-destructive': { type: 'string', describe: 'Approve the destructive changes (all, or =Type,Type.property,…)' },
      'lock-timeout': LOCK_TIMEOUT_OPTION,
    }),
  run: async (args) => {
    const context = createCliContext(args);
    if (args.last === (args.to !== undefined))
      throw new UserError('Which run?', 'Give exactly one of --last (the newest run) and --to <run id> (`catalyst history` lists them).');
    const approval = approvalFromFlag(args.allowDestructive);
    return withLockedProject(context, args, 'rollback', async ({ config, lock, ...loaded }) => {
      const target = rollbackTargetOf(loaded.target);
      const back = await rollbackFromHistory(context, { config, target, lock }, args.last ? undefined : args.to);
      return withTarget(context, target, async (opened) => {
        const plan = await planRollback(context, { config, target, lock }, opened, back);
        const runs = back.runs.length === 1 ? `run ${back.runs[0]}` : `runs ${back.runs.join(', ')}`;
        context.stdout.write(
          `Rollback of ${runs} on target ${target.name}: the CMS as it was before.\n\n${renderPlanText(plan, context.style)}`,
        );
        await authorizeRun(context, config, target.name, 'rollback', { plan, lockHeld: true });
        if (args.out !== undefined) {
          await writePlanFile(resolve(context.cwd, args.out), plan);
          context.stdout.write(
            `\nSaved the rollback plan to ${args.out}. Apply it with: catalyst apply ${args.out} --target ${target.name}\n`,
          );
          return EXIT.ok;
        }
        if (!hasChanges(plan)) return EXIT.ok;
        if (!plan.applyable) throw notApplyable(plan);
        assertApplyable(plan, approval);
        if (!args.autoApprove && !(await confirmApply(context, `\nDo you want to roll back target ${target.name}?`))) {
          context.stdout.write('\nRollback cancelled. Nothing was written.\n');
          return EXIT.error;
        }
        const applied = await applyFromCli(context, { plan, opened, lock, config, target, allowDestructive: approval });
        const stopped = applied.failed !== undefined || applied.interrupted === true;
        (stopped ? context.stderr : context.stdout).write(renderApplyResult(applied, stopped ? context.errStyle : context.style));
        if (stopped) return EXIT.error;
        context.stdout.write(
          '\nThe YAML still describes the state after the rolled-back run: revert the commit that changed it (git revert), or the next plan applies it again. The lockfile now records the rolled-back state: commit it as it is, never revert it by hand.\n',
        );
        return EXIT.ok;
      });
    });
  },
});
