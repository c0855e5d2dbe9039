import { hasErrors } from '../../core/diagnostic.js';
import { checkDesired, loadDesired } from '../../engine/load-desired.js';
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
    const loaded = await loadDesired(config, { cwd: context.cwd });
    const diagnostics = checkDesired(loaded);
    if (diagnostics.length > 0) context.stderr.write(renderDiagnostics(diagnostics, context.errStyle));
    if (hasErrors(diagnostics)) return EXIT.error;
    const types = loaded.desired.contentTypes.length;
    const groups = loaded.desired.propertyGroups.length;
    context.stdout.write(`${context.style.create('Valid:')} ${types} content type${types === 1 ? '' : 's'} and ${groups} property group${groups === 1 ? '' : 's'}.\n`);
    return EXIT.ok;
  },
});
