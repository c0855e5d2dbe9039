import { digest } from '../core/digest.js';
import type { PlatformRules } from '../core/platform-profile.js';
import type { Plan } from '../core/plan.js';
import { kindOf } from '../core/resource-kinds.js';
import { KIND_TABLE } from '../core/resource-kinds.js';
import { UserError } from '../core/user-error.js';
import type { Config } from '../io/config/config.js';
import { editContentTypeFiles, type YamlEdit } from '../io/yaml/edit-content-type-files.js';
import { loadDesired } from './load-desired.js';
import { CONTENT_TYPE_SCHEMA_PATH } from './schema-location.js';

/**
 * Writes what the plan takes into the YAML (pull and bidirectional), after checking that every
 * definition it changes is still what the plan saw: YAML edited since is never overwritten.
 * Returns the files written or removed.
 */
export async function writePlannedYaml(plan: Plan, config: Config, rules: PlatformRules): Promise<string[]> {
  const planned = plan.resources.filter((resource) => resource.toYaml !== undefined);
  if (planned.length === 0) return [];
  const loaded = await loadDesired(config, { cwd: config.rootDir, rules });
  const now = new Map<string, string>();
  for (const descriptor of KIND_TABLE) {
    for (const { def } of loaded.desired[descriptor.section])
      now.set(`${descriptor.kind}:${def.key}`, digest(descriptor.normalize(def, rules.defaults)));
  }
  const stale = planned.filter((resource) => now.get(`${resource.kind}:${resource.key}`) !== resource.digests.desired);
  if (stale.length > 0 || loaded.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    throw new UserError(
      'The YAML changed since the plan',
      `${stale.map((resource) => `${kindOf(resource.kind).label} ${resource.key}`).join(', ') || 'The YAML'} is no longer what the plan read, and catalyst never overwrites YAML edits it has not planned. Nothing was written. Plan again.`,
    );
  }
  const edits: YamlEdit[] = planned.map((resource) => ({
    kind: resource.kind,
    key: resource.key,
    action: resource.toYaml!.action,
    after: resource.toYaml!.after,
  }));
  return editContentTypeFiles(config.contentTypesDir, edits, {
    cwd: config.rootDir,
    defaults: rules.defaults,
    schema: CONTENT_TYPE_SCHEMA_PATH,
  });
}
