import { relative } from 'node:path';
import { hasChanges } from '../../core/plan.js';
import { assertApplyable } from '../../engine/apply-plan.js';
import { renderPlanText } from '../../render/plan-text.js';
import { createCliContext, LOCK_TIMEOUT_OPTION, PROJECT_OPTIONS, withLockedProject } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';
import { makePlan, needsDecision, notApplyable, ONLY_OPTION, onlyKeys, SYNC_OPTIONS, withSyncOptions } from '../make-plan.js';
import { renderApplyResult } from '../render-apply.js';
import { renderError } from '../render-error.js';
import { applyFromCli } from '../run-apply.js';
import { withTarget } from '../with-target.js';

/**
 * `catalyst pull`: the CMS side into the YAML (pull mode), with the smallest diff. The CMS is
 * never written; the lockfile records what was pulled. Files are in git: the diff is the review.
 */
export const pullCommand = defineCommand({
  command: 'pull',
  describe: 'Write what changed in the CMS into the YAML (the CMS is never written)',
  builder: (yargs) =>
    yargs.options({
      ...PROJECT_OPTIONS,
      strategy: SYNC_OPTIONS.strategy,
      only: ONLY_OPTION,
      'lock-timeout': LOCK_TIMEOUT_OPTION,
      'include-unmanaged': {
        type: 'boolean',
        default: false,
        describe: 'Also write CMS types that are in neither the YAML nor the lockfile',
      },
      'allow-destructive': {
        type: 'boolean',
        default: false,
        describe: 'Approve removing the YAML of types deleted in the CMS (and of YAML-only types)',
      },
    }),
  run: async (args) => {
    const context = createCliContext(args);
    const only = onlyKeys(args.only);
    return withLockedProject(context, args, 'pull', ({ config, lock, ...loaded }) => {
      const target = withSyncOptions(loaded.target, { mode: 'pull', ...(args.strategy ? { strategy: args.strategy } : {}) });
      return withTarget(context, target, async (opened) => {
        const { plan } = await makePlan(context, { config, target }, lock, opened, {
          ...(only ? { only } : {}),
          includeUnmanaged: args.includeUnmanaged,
        });
        context.stdout.write(renderPlanText(plan, context.style));
        if (needsDecision(plan)) {
          context.stderr.write(renderError(notApplyable(plan), context.errStyle));
          return EXIT.needsDecision;
        }
        if (!plan.applyable) throw notApplyable(plan);
        if (!hasChanges(plan)) return EXIT.ok;
        assertApplyable(plan, args.allowDestructive);
        const result = await applyFromCli(context, { plan, opened, lock, config, target, allowDestructive: args.allowDestructive });
        const stopped = result.failed !== undefined || result.interrupted === true;
        const shown = result.yamlFiles.map((path) => relative(context.cwd, path) || path);
        if (shown.length > 0) context.stdout.write(`Pulled into ${shown.join(', ')}.\n`);
        if (stopped) {
          context.stderr.write(renderApplyResult(result, context.errStyle));
          return EXIT.error;
        }
        context.stdout.write('Review the change (git diff) and commit it with the lockfile.\n');
        return EXIT.ok;
      });
    });
  },
});
