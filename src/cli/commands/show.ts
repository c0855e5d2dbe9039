import { resolve } from 'node:path';
import { readPlanFile } from '../../io/plan/plan-file.js';
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import { renderPlanText } from '../../render/plan-text.js';
import { createCliContext, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';

/** `catalyst show plan.json`: a saved plan, checked as apply checks it, rendered for people or machines. Contacts nothing. */
export const showCommand = defineCommand({
  command: 'show <plan>',
  describe: 'Show a plan saved with `catalyst plan --out`, as text, JSON or Markdown (contacts nothing)',
  builder: (yargs) =>
    yargs.positional('plan', { type: 'string', demandOption: true, describe: 'The saved plan file' }).options({
      color: PROJECT_OPTIONS.color,
      json: { type: 'boolean', describe: 'Print the plan as JSON (schemas/plan.schema.json)' },
      markdown: { type: 'boolean', conflicts: 'json', describe: 'Print the plan as Markdown, for a pull request comment' },
    }),
  run: async (args) => {
    const context = createCliContext(args);
    const plan = await readPlanFile(resolve(context.cwd, args.plan), args.plan);
    context.stdout.write(
      args.json ? `${JSON.stringify(plan, null, 2)}\n` : args.markdown ? renderPlanMarkdown(plan) : renderPlanText(plan, context.style),
    );
    return EXIT.ok;
  },
});
