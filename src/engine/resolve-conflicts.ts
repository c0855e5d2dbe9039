import type { Conflict, ResourcePlan } from '../core/generated/plan.js';
import type { Definition } from '../core/model.js';
import type { PlatformRules } from '../core/platform-profile.js';
import type { Plan } from '../core/plan.js';
import { KIND_TABLE, kindOf } from '../core/resource-kinds.js';
import { takeMember } from '../core/take-member.js';
import { UserError } from '../core/user-error.js';
import type { Config } from '../io/config/config.js';
import { createLockEntry, lockedTarget, removeLockEntry, setLockEntry, type Lockfile } from '../io/lockfile/lockfile.js';
import { editContentTypeFiles, type YamlEdit } from '../io/yaml/edit-content-type-files.js';
import { loadDesired } from './load-desired.js';
import { CONTENT_TYPE_SCHEMA_PATH } from './schema-location.js';

export interface ResolveInput {
  plan: Plan;
  config: Config;
  rules: PlatformRules;
  lock: Lockfile;
  targetName: string;
  /** `yaml`: the YAML value stands and becomes a plain change; `cms`: the CMS value is written into the YAML. */
  take: 'yaml' | 'cms';
  /** A resource key, optionally with a member path (`Article.displayName`); undefined: every conflict. */
  selector?: string;
  now: string;
  actor: string;
}

export interface ResolveResult {
  /** `Article.displayName`, or `Article` for a whole resource, in plan order. */
  resolved: string[];
  yamlFiles: string[];
  lock: Lockfile;
}

/**
 * Settles conflicts as file changes, for review in a pull request: taking the CMS writes its
 * value into the YAML; taking the YAML records in the lockfile that the CMS value was seen, so the
 * YAML value becomes a plain modification the next apply carries out. Never contacts the CMS.
 */
export async function resolveConflicts(input: ResolveInput): Promise<ResolveResult> {
  const matches = matching(input.plan, input.selector);
  const loaded = await loadDesired(input.config, { cwd: input.config.rootDir, rules: input.rules });
  const yamlDefs = new Map<string, Definition>();
  for (const descriptor of KIND_TABLE) {
    for (const { def } of loaded.desired[descriptor.section])
      yamlDefs.set(`${descriptor.kind}:${def.key}`, descriptor.normalize(def, input.rules.defaults));
  }
  const section = lockedTarget(input.lock, input.targetName);
  const edits: YamlEdit[] = [];
  let lock = input.lock;
  const resolved: string[] = [];
  for (const { resource, conflicts } of matches) {
    const id = `${resource.kind}:${resource.key}`;
    const live = liveOf(resource);
    if (input.take === 'cms') {
      const before = yamlDefs.get(id);
      let after: Definition | undefined = before;
      for (const conflict of conflicts) after = after === undefined ? live?.def : takeMember(after, conflict.path, live?.def);
      const action = after === undefined ? 'remove' : before === undefined ? 'create' : 'write';
      edits.push({ kind: resource.kind, key: resource.key, action, after: after ?? null });
    } else {
      let base: Definition | undefined = section[kindOf(resource.kind).section][resource.key]?.definition;
      for (const conflict of conflicts) base = base === undefined ? live?.def : takeMember(base, conflict.path, live?.def);
      lock =
        base === undefined
          ? removeLockEntry(lock, input.targetName, resource.kind, resource.key)
          : setLockEntry(
              lock,
              input.targetName,
              resource.kind,
              resource.key,
              createLockEntry(base, live?.version ?? {}, { at: input.now, by: `${input.actor} (resolve --take yaml)` }) as never,
            );
    }
    resolved.push(...conflicts.map((conflict) => (conflict.path === '' ? resource.key : `${resource.key}.${conflict.path}`)));
  }
  const yamlFiles =
    edits.length > 0
      ? await editContentTypeFiles(input.config.contentTypesDir, edits, {
          cwd: input.config.rootDir,
          defaults: input.rules.defaults,
          schema: CONTENT_TYPE_SCHEMA_PATH,
        })
      : [];
  return { resolved, yamlFiles, lock };
}

/** The unresolved conflicts the selector names; a selector that names none is an error listing those there are. */
function matching(plan: Plan, selector: string | undefined): Array<{ resource: ResourcePlan; conflicts: Conflict[] }> {
  const open = plan.resources
    .map((resource) => ({ resource, conflicts: resource.conflicts.filter((conflict) => conflict.resolution === 'unresolved') }))
    .filter((entry) => entry.conflicts.length > 0);
  const names = open.flatMap(({ resource, conflicts }) =>
    conflicts.map((conflict) => (conflict.path === '' ? resource.key : `${resource.key}.${conflict.path}`)),
  );
  if (open.length === 0)
    throw new UserError(
      'No conflicts to resolve',
      'The plan has no unresolved conflicts: nothing to decide. Run `catalyst plan` to see it.',
    );
  if (selector === undefined) return open;
  const [key, ...rest] = selector.split('.');
  const path = rest.join('.');
  const chosen = open
    .filter(({ resource }) => resource.key === key)
    .map(({ resource, conflicts }) => ({
      resource,
      conflicts: conflicts.filter((conflict) => path === '' || conflict.path === path || conflict.path.startsWith(`${path}.`)),
    }))
    .filter((entry) => entry.conflicts.length > 0);
  if (chosen.length === 0)
    throw new UserError(
      `No conflict at "${selector}"`,
      `The conflicts of this plan are: ${names.join(', ')}. Name one of them (or a resource key for all of its conflicts), or use --all.`,
    );
  return chosen;
}

/** The CMS side of a planned resource: its definition and version, when the CMS has it. */
function liveOf(resource: ResourcePlan): { def: Definition; version: { etag?: string; lastModified?: string } } | undefined {
  if (resource.action === 'create' || resource.before === null) return undefined;
  const version = resource.precondition?.kind === 'version' ? resource.precondition.version : {};
  return { def: resource.before, version };
}
