import { portOf, type PlatformAdapter } from '../adapters/port.js';
import { assertNever } from '../core/assert-never.js';
import { digest } from '../core/digest.js';
import type { DeleteStep, UpdateStep } from '../core/generated/plan.js';
import { InternalError } from '../core/internal-error.js';
import type { Definition, ResourceKind, VersionToken } from '../core/model.js';
import { kindOf } from '../core/resource-kinds.js';
import { UserError } from '../core/user-error.js';

export interface CurrentResource {
  def: Definition;
  version: VersionToken;
}

/**
 * Reads the resource a step is about to write and checks it is still what the plan was made
 * against. Returns the resource with its fresh version token (an ETag from a GET), which the
 * write then sends as its precondition, so nothing edited in between is overwritten blindly.
 */
export async function verifyPrecondition(
  adapter: PlatformAdapter,
  step: UpdateStep | DeleteStep,
  created: ReadonlyMap<string, VersionToken>,
): Promise<CurrentResource> {
  const { precondition } = step;
  switch (precondition.kind) {
    case 'created': {
      const version = created.get(`${step.kind}:${step.key}`);
      if (!version) throw new InternalError(`step ${step.action} ${step.key} depends on a create that did not run`);
      const current = await read(adapter, step.kind, step.key);
      if (!current) throw stale(step.kind, step.key, 'was deleted right after catalyst created it');
      return current;
    }
    case 'version': {
      const current = await read(adapter, step.kind, step.key);
      if (!current) throw stale(step.kind, step.key, 'was deleted in the CMS after the plan was made');
      if (current.digest !== precondition.digest) throw stale(step.kind, step.key, 'was changed in the CMS after the plan was made');
      return current;
    }
    default:
      return assertNever(precondition, 'precondition');
  }
}

async function read(
  adapter: PlatformAdapter,
  kind: ResourceKind,
  key: string,
): Promise<(CurrentResource & { digest: string }) | undefined> {
  const live = await portOf(adapter, kind).get(key);
  if (!live) return undefined;
  return { def: live.def, version: live.version, digest: digest(kindOf(kind).normalize(live.def, adapter.profile.defaults)) };
}

export function stale(kind: ResourceKind, key: string, what: string): UserError {
  const noun = kindOf(kind).label;
  return new UserError(
    `Stale step: ${noun} ${key} changed since the plan`,
    `The ${noun} ${key} ${what}, so applying the plan would overwrite a change nobody reviewed. Nothing was written for it. Run \`catalyst plan\` again to see the change, then apply the new plan.`,
  );
}
