import type { PlatformAdapter } from '../adapters/port.js';
import { digest } from '../core/digest.js';
import type { ApplyStep, Precondition } from '../core/generated/plan.js';
import type { ContentTypeDef, PropertyGroupDef, ResourceKind, VersionToken } from '../core/model.js';
import { normalizeContentType, normalizePropertyGroup } from '../core/normalize.js';
import { UserError } from '../core/user-error.js';

export interface CurrentResource {
  def: ContentTypeDef | PropertyGroupDef;
  version: VersionToken;
}

/**
 * Reads the resource a step is about to write and checks it is still what the plan was made
 * against. Returns the resource with its fresh version token (an ETag from a GET), which the
 * write then sends as its precondition, so nothing edited in between is overwritten blindly.
 */
export async function verifyPrecondition(
  adapter: PlatformAdapter,
  step: Extract<ApplyStep, { precondition: Precondition }>,
  created: ReadonlyMap<string, VersionToken>,
): Promise<CurrentResource | undefined> {
  const { precondition } = step;
  switch (precondition.kind) {
    case 'absent':
      return undefined;
    case 'created': {
      const version = created.get(`${step.kind}:${step.key}`);
      if (!version) throw new Error(`Internal error: step ${step.action} ${step.key} depends on a create that did not run. This is a bug in catalyst.`);
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
    default: {
      const unknown: never = precondition;
      throw new Error(`Internal error: unknown precondition ${JSON.stringify(unknown)}. This is a bug in catalyst.`);
    }
  }
}

async function read(adapter: PlatformAdapter, kind: ResourceKind, key: string): Promise<(CurrentResource & { digest: string }) | undefined> {
  if (kind === 'contentType') {
    const live = await adapter.getContentType(key);
    return live ? { def: live.def, version: live.version, digest: digest(normalizeContentType(live.def)) } : undefined;
  }
  const live = await adapter.getPropertyGroup(key);
  return live ? { def: live.def, version: live.version, digest: digest(normalizePropertyGroup(live.def)) } : undefined;
}

export function stale(kind: ResourceKind, key: string, what: string): UserError {
  const noun = kind === 'contentType' ? 'content type' : 'property group';
  return new UserError(
    `Stale step: ${noun} ${key} changed since the plan`,
    `The ${noun} ${key} ${what}, so applying the plan would overwrite a change nobody reviewed. Nothing was written for it. Run \`catalyst plan\` again to see the change, then apply the new plan.`,
  );
}
