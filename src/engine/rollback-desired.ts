import { RESOURCE_KINDS, type Definition, type ResourceKind } from '../core/model.js';
import { kindOf } from '../core/resource-kinds.js';
import { emptyDesiredState, type DesiredState } from '../core/state.js';
import { UserError } from '../core/user-error.js';
import { isStep, type ChainedRecord } from '../io/audit/history-chain.js';
import { lockedTarget, type Lockfile } from '../io/lockfile/lockfile.js';

export interface RollbackTarget {
  /** The desired state that puts the CMS back as it was before `runs[0]`. */
  desired: DesiredState;
  /** The runs undone, oldest first. */
  runs: string[];
  /** The resources whose state it restores, `kind:key`. */
  restored: string[];
}

/**
 * What the CMS held before a run (and every run after it): the lockfile's state, with each
 * resource those runs touched put back as its first record there found it — absent before a
 * create, `definitionBefore` before an update or a delete. Lockfile-only steps (adopt, forget)
 * and YAML writes change nothing on the CMS and are left alone, as are runs the access policy refused.
 */
export function rollbackDesired(lock: Lockfile, target: string, history: readonly ChainedRecord[], fromRun: string): RollbackTarget {
  const steps = history.filter(isStep);
  const start = steps.findIndex((record) => record.run === fromRun);
  if (start < 0)
    throw new UserError(`No run ${fromRun}`, `The history of target ${target} has no run ${fromRun}. \`catalyst history\` lists the runs.`);
  const undone = steps.slice(start);
  const before = new Map<string, { kind: ResourceKind; key: string; def: Definition | undefined }>();
  for (const record of undone) {
    const id = `${record.kind}:${record.key}`;
    if (before.has(id) || !['create', 'update', 'delete'].includes(record.action)) continue;
    if (record.action !== 'create' && record.definitionBefore === undefined) {
      throw new UserError(
        `Run ${record.run} cannot be rolled back`,
        `Its ${record.action} of ${record.key} was recorded without the definition before it (an older catalyst wrote that record), so catalyst cannot tell what to restore. Restore ${record.key} by hand (the backup under .catalyst/backups may have it), or roll back a later run.`,
      );
    }
    before.set(id, {
      kind: record.kind,
      key: record.key,
      def: record.action === 'create' ? undefined : (record.definitionBefore as Definition),
    });
  }
  const synced = lockedTarget(lock, target);
  const desired = emptyDesiredState();
  for (const kind of RESOURCE_KINDS) {
    const section = kindOf(kind).section;
    const entries = new Map<string, Definition>(
      Object.entries(synced[section]).map(([key, entry]) => [key, entry.definition as Definition]),
    );
    const protectedKeys = new Set(
      Object.entries(synced[section]).flatMap(([key, entry]) => ('protected' in entry && entry.protected ? [key] : [])),
    );
    for (const { kind: restoredKind, key, def } of before.values()) {
      if (restoredKind !== kind) continue;
      if (def === undefined) entries.delete(key);
      else entries.set(key, def);
    }
    (desired[section] as Array<{ def: Definition; protect?: true }>).push(
      ...[...entries.values()].map((def) => (protectedKeys.has(def.key) ? { def, protect: true as const } : { def })),
    );
  }
  return { desired, runs: [...new Set(undone.map((record) => record.run))], restored: [...before.keys()] };
}
