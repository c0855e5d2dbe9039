import { hasErrors } from '../../core/diagnostic.js';
import { KIND_TABLE } from '../../core/resource-kinds.js';
import { checkDesired, loadDesired } from '../../engine/load-desired.js';
import { syncedContentTypes } from '../../engine/base-from-lock.js';
import { profileOf, projectProfile, storableRules } from '../../engine/platforms.js';
import { renderDiagnostics } from '../../render/diagnostics-text.js';
import { createCliContext, loadLock, loadProject, PROJECT_OPTIONS } from '../cli-context.js';
import { defineCommand, EXIT } from '../define-command.js';

export const validateCommand = defineCommand({
  command: 'validate',
  describe: 'Check the YAML content types without contacting the CMS',
  builder: (yargs) =>
    yargs.options({
      config: PROJECT_OPTIONS.config,
      target: {
        ...PROJECT_OPTIONS.target,
        describe: 'Check against what this target’s platform and API version can store (default: the default target)',
      },
      color: PROJECT_OPTIONS.color,
    }),
  run: async (args) => {
    const context = createCliContext(args);
    const { config } = await loadProject(context, args);
    const target = config.targets.find((candidate) => candidate.name === (args.target ?? config.defaultTarget));
    const profile = target ? profileOf(target) : projectProfile(config);
    const loaded = await loadDesired(config, { cwd: context.cwd, rules: profile });
    const held = target ? syncedContentTypes(await loadLock(context, config), target.name) : undefined;
    const diagnostics = checkDesired(loaded, target && held ? { storable: { rules: storableRules(target), held } } : {});
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
