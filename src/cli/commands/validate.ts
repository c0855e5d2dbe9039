import { hasErrors } from '../../core/diagnostic.js';
import { KIND_TABLE } from '../../core/resource-kinds.js';
import { checkDesired, loadDesired } from '../../engine/load-desired.js';
import { projectProfile } from '../../engine/platforms.js';
import { renderDiagnostics } from '../../render/diagnostics-text.js';
import { createCliContext, loadProject, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';

export const validateCommand = defineCommand({
  command: 'validate',
  describe: 'Check the YAML content types without contacting the CMS',
  builder: (yargs) => yargs.options({ config: PROJECT_OPTIONS.config, color: PROJECT_OPTIONS.color }),
  run: async (args) => {
    const context = createCliContext(args);
    const { config } = await loadProject(context, args);
    const loaded = await loadDesired(config, { cwd: context.cwd, rules: projectProfile(config) });
    const diagnostics = checkDesired(loaded);
    if (diagnostics.length > 0) context.stderr.write(renderDiagnostics(diagnostics, context.errStyle));
    if (hasErrors(diagnostics)) return EXIT.error;
    const counts = KIND_TABLE.map((descriptor) => {
      const count = loaded.desired[descriptor.section].length;
      return `${count} ${count === 1 ? descriptor.label : descriptor.plural}`;
    });
    context.stdout.write(`${context.style.create('Valid:')} ${listed(counts)}.\n`);
    return EXIT.ok;
  },
});

/** "a, b and c". */
function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
