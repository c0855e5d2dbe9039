import type { Plan } from '../../core/plan.js';
import { kindLabel } from '../../render/resource-labels.js';
import { createCliContext, loadTargetedProject, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';
import { makePlan } from '../make-plan.js';
import { withTarget } from '../with-target.js';

/** Statuses that mean the YAML, the lockfile and the CMS do not agree: what a scheduled check wants to hear about. */
const OUT_OF_SYNC = new Set(['new', 'adopt', 'modified', 'drifted', 'conflict', 'deleted']);

export const statusCommand = defineCommand({
  command: 'status',
  describe: 'One line per content type, property group and display template: in sync, modified, drifted, conflict…',
  builder: (yargs) =>
    yargs.options({
      ...PROJECT_OPTIONS,
      all: { type: 'boolean', default: false, describe: 'Also list the platform’s read-only types' },
      json: {
        type: 'boolean',
        default: false,
        describe: 'Print the statuses as JSON: {target, resources: [{kind, key, status, reason, readOnly}], counts}',
      },
      'detailed-exitcode': {
        type: 'boolean',
        default: false,
        describe: 'Exit 2 when anything listed is out of sync (new, adopt, modified, drifted, conflict, deleted), 0 when not',
      },
    }),
  run: async (args) => {
    const context = createCliContext(args);
    const { config, target, lock } = await loadTargetedProject(context, args);
    const { plan } = await withTarget(context, target, (opened) => makePlan(context, { config, target }, lock, opened));
    const shown = plan.resources.filter((resource) => args.all || !resource.readOnly);
    const counts = countStatuses(shown, Object.keys(plan.summary.statuses));
    if (args.json) {
      const resources = shown.map(({ kind, key, status, reason, readOnly }) => ({
        kind,
        key,
        status,
        reason,
        readOnly: readOnly === true,
      }));
      context.stdout.write(`${JSON.stringify({ target: plan.target.name, resources, counts }, null, 2)}\n`);
    } else {
      writeLines(context, shown);
      const total = Object.entries(counts).map(([status, count]) => `${count} ${status}`);
      context.stdout.write(`\n${total.join(', ') || 'Nothing on either side.'}\n`);
    }
    return args.detailedExitcode && shown.some((resource) => OUT_OF_SYNC.has(resource.status)) ? EXIT.changesPresent : EXIT.ok;
  },
});

type Listed = Plan['resources'][number];

/** How many of the listed resources have each status, in the plan summary's order: the totals count exactly what is listed. */
function countStatuses(shown: readonly Listed[], order: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const status of order) {
    const count = shown.filter((resource) => resource.status === status).length;
    if (count > 0) counts[status] = count;
  }
  return counts;
}

function writeLines(context: ReturnType<typeof createCliContext>, shown: readonly Listed[]): void {
  const width = Math.max(0, ...shown.map((resource) => resource.key.length));
  for (const resource of shown) {
    const status = resource.status.padEnd(9);
    const painted =
      resource.status === 'in_sync'
        ? context.style.muted(status)
        : resource.status === 'conflict'
          ? context.style.error(status)
          : context.style.update(status);
    context.stdout.write(
      `${painted} ${kindLabel(resource.kind).padEnd(14)} ${resource.key.padEnd(width)}  ${context.style.muted(resource.reason)}\n`,
    );
  }
}
