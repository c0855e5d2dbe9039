import { kindLabel } from '../../render/resource-labels.js';
import { createCliContext, loadTargetedProject, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';
import { makePlan } from '../make-plan.js';
import { withTarget } from '../with-target.js';

export const statusCommand = defineCommand({
  command: 'status',
  describe: 'One line per content type and property group: in sync, modified, drifted, conflict…',
  builder: (yargs) =>
    yargs.options({ ...PROJECT_OPTIONS, all: { type: 'boolean', default: false, describe: 'Also list the platform’s read-only types' } }),
  run: async (args) => {
    const context = createCliContext(args);
    const { config, target, lock } = await loadTargetedProject(context, args);
    const { plan } = await withTarget(context, target, (opened) => makePlan(context, { config, target }, lock, opened));
    const shown = plan.resources.filter((resource) => args.all || !resource.readOnly);
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
    const counts = Object.entries(plan.summary.statuses)
      .filter(([, count]) => count > 0)
      .map(([status, count]) => `${count} ${status}`);
    context.stdout.write(`\n${counts.join(', ') || 'Nothing on either side.'}\n`);
    return EXIT.ok;
  },
});
