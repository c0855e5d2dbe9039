import { isAdapterError } from '../adapters/errors.js';
import type { PlatformAdapter } from '../adapters/port.js';
import { digest } from '../core/digest.js';
import type { ApplyStep } from '../core/generated/plan.js';
import type { ContentTypeDef, PropertyGroupDef, ResourceKind, VersionToken } from '../core/model.js';
import { normalizeContentType, normalizePropertyGroup } from '../core/normalize.js';
import { stale, verifyPrecondition, type CurrentResource } from './verify-precondition.js';

/** What one step did, for the lockfile, the history and the report. */
export type StepOutcome =
  | { kind: ResourceKind; key: string; action: 'create' | 'update' | 'adopt'; def: ContentTypeDef | PropertyGroupDef; version: VersionToken; before?: CurrentResource }
  | { kind: ResourceKind; key: string; action: 'delete'; before?: CurrentResource }
  | { kind: ResourceKind; key: string; action: 'forget' };

export interface StepContext {
  adapter: PlatformAdapter;
  /** Versions of resources created earlier in this run, for steps that follow up on a create. */
  created: Map<string, VersionToken>;
  /** The user approved destructive changes (`--allow-destructive`). */
  allowDestructive: boolean;
  /** Called with the live definition just before a destructive write changes or deletes it. */
  backup: (kind: ResourceKind, key: string, current: CurrentResource) => Promise<void>;
}

/** Carries out one plan step against the platform. Throws on failure; the platform is then as the adapter contract says. */
export async function runStep(step: ApplyStep, context: StepContext): Promise<StepOutcome> {
  const { adapter } = context;
  switch (step.action) {
    case 'adopt':
      return { kind: step.kind, key: step.key, action: 'adopt', def: step.definition, version: step.version };
    case 'forget':
      return { kind: step.kind, key: step.key, action: 'forget' };
    case 'create': {
      const live = await existingIsStale(step.kind, step.key, () =>
        step.kind === 'contentType' ? adapter.createContentType(step.definition) : adapter.createPropertyGroup(step.definition),
      );
      context.created.set(`${step.kind}:${step.key}`, live.version);
      return { kind: step.kind, key: step.key, action: 'create', def: normalized(step.kind, live.def), version: live.version };
    }
    case 'update': {
      const current = await verifyPrecondition(adapter, step, context.created);
      if (!current) throw new Error(`Internal error: update of ${step.key} has no precondition. This is a bug in catalyst.`);
      if (step.dataLoss) await context.backup(step.kind, step.key, current);
      const options = { precondition: current.version, allowDataLoss: step.dataLoss && context.allowDestructive };
      const live = await existingIsStale(step.kind, step.key, () =>
        step.kind === 'contentType'
          ? adapter.updateContentType(current.def as ContentTypeDef, step.next, options)
          : adapter.updatePropertyGroup(current.def as PropertyGroupDef, step.next, options),
      );
      if (step.kind === 'contentType') context.created.set(`${step.kind}:${step.key}`, live.version);
      return { kind: step.kind, key: step.key, action: 'update', def: normalized(step.kind, live.def), version: live.version, before: current };
    }
    case 'delete': {
      const current = await verifyPrecondition(adapter, step, context.created);
      if (current) await context.backup(step.kind, step.key, current);
      const options = current ? { precondition: current.version } : {};
      await existingIsStale(step.kind, step.key, () =>
        step.kind === 'contentType' ? adapter.deleteContentType(step.key, options) : adapter.deletePropertyGroup(step.key, options),
      );
      return current ? { kind: step.kind, key: step.key, action: 'delete', before: current } : { kind: step.kind, key: step.key, action: 'delete' };
    }
    default: {
      const unknown: never = step;
      throw new Error(`Internal error: unknown step ${JSON.stringify(unknown)}. This is a bug in catalyst.`);
    }
  }
}

/** A 412 from the platform means the resource moved between our read and our write. */
async function existingIsStale<T>(kind: ResourceKind, key: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isAdapterError(error) && error.kind === 'stale') throw stale(kind, key, 'was changed in the CMS while catalyst was writing it');
    throw error;
  }
}

function normalized(kind: ResourceKind, def: ContentTypeDef | PropertyGroupDef): ContentTypeDef | PropertyGroupDef {
  return kind === 'contentType' ? normalizeContentType(def as ContentTypeDef) : normalizePropertyGroup(def as PropertyGroupDef);
}

export function outcomeDigests(outcome: StepOutcome): { before?: string; after?: string } {
  const result: { before?: string; after?: string } = {};
  if ('before' in outcome && outcome.before) result.before = digest(normalized(outcome.kind, outcome.before.def));
  if ('def' in outcome) result.after = digest(outcome.def);
  return result;
}
