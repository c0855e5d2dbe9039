import { approvalName } from '../../core/approval.js';
import { resolve } from 'node:path';
import { hasChanges, type Plan } from '../../core/plan.js';
import { planKeyFrom, writePlanFile } from '../../io/plan/plan-file.js';
import { sealPlan } from '../../core/plan-seal.js';
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import { renderPlanText } from '../../render/plan-text.js';
import { createCliContext, loadTargetedProject, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';
import { makePlan, needsDecision, notApplyable, ONLY_OPTION, onlyKeys, SYNC_OPTIONS, withSyncOptions } from '../make-plan.js';
import { withTarget } from '../with-target.js';
import { authorizeRun } from '../authorize-run.js';
import { renderError } from '../render-error.js';

export const planCommand = defineCommand({
  command: 'plan',
  describe: 'Compare the YAML, the lockfile and the CMS, and show what apply would do',
  builder: (yargs) =>
    yargs.options({
      ...PROJECT_OPTIONS,
      out: { type: 'string', describe: 'Save the plan to this file, for `catalyst apply <file>`' },
      json: { type: 'boolean', describe: 'Print the plan as JSON (schemas/plan.schema.json) instead of text' },
      markdown: {
        type: 'boolean',
        conflicts: 'json',
        describe: 'Print the plan as Markdown, for a pull request comment (bounded in length)',
      },
      'detailed-exitcode': { type: 'boolean', default: false, describe: 'Exit 2 when the plan has changes, 0 when it has none' },
      only: ONLY_OPTION,
      ...SYNC_OPTIONS,
    }),
  run: async (args) => {
    const context = createCliContext(args);
    const { config, lock, ...loaded } = await loadTargetedProject(context, args);
    const target = withSyncOptions(loaded.target, args);
    await authorizeRun(context, config, target.name, 'plan', { lockHeld: false });
    const only = onlyKeys(args.only);
    const { plan } = await withTarget(context, target, (opened) =>
      makePlan(context, { config, target }, lock, opened, only ? { only } : {}),
    );
    const planKey = planKeyFrom(context.env);
    context.stdout.write(
      args.json
        ? `${JSON.stringify(args.out === undefined ? plan : sealPlan(plan, planKey), null, 2)}\n`
        : args.markdown
          ? renderPlanMarkdown(plan)
          : renderPlanText(plan, context.style),
    );
    if (args.out !== undefined) {
      const path = resolve(context.cwd, args.out);
      await writePlanFile(path, plan, planKey);
      if (!args.json && !args.markdown) context.stdout.write(savedPlanNote(args.out, target.name, plan));
    }
    if (needsDecision(plan)) {
      context.stderr.write(renderError(notApplyable(plan), context.errStyle));
      return EXIT.needsDecision;
    }
    if (!plan.applyable) throw notApplyable(plan);
    return args.detailedExitcode && hasChanges(plan) ? EXIT.changesPresent : EXIT.ok;
  },
});

/** Where the plan went and the exact command that applies it: its target, and the approval its destructive changes need. */
function savedPlanNote(file: string, targetName: string, plan: Plan): string {
  const names = [...new Set(plan.requiresApproval.map(approvalName))];
  const approval = names.length > 0 ? ` --allow-destructive=${names.join(',')}` : '';
  const why = approval
    ? ` (${plan.requiresApproval.length} destructive change${plan.requiresApproval.length === 1 ? '' : 's'}: the list approves exactly them)`
    : '';
  return `\nSaved the plan to ${file}. Apply exactly this plan with: catalyst apply ${file} --target ${targetName}${approval}${why}\n`;
}
