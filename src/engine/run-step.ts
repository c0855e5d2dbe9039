import { isAdapterError } from '../adapters/errors.js';
import { portOf, type PlatformAdapter } from '../adapters/port.js';
import { assertNever } from '../core/assert-never.js';
import type { ServerDefaults } from '../core/defaults.js';
import { digest } from '../core/digest.js';
import type { ApplyStep, UpdateStep } from '../core/generated/plan.js';
import type { Definition, ResourceKind, VersionToken } from '../core/model.js';
import { kindOf } from '../core/resource-kinds.js';
import { stale, verifyPrecondition, type CurrentResource } from './verify-precondition.js';

/** What one step did, for the lockfile, the history and the report. */
export type StepOutcome =
  | {
      kind: ResourceKind;
      key: string;
      action: 'create' | 'update' | 'adopt';
      def: Definition;
      version: VersionToken;
      before?: CurrentResource;
    }
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
  const port = portOf(adapter, step.kind);
  const normalized = (def: Definition) => kindOf(step.kind).normalize(def, adapter.profile.defaults);
  switch (step.action) {
    case 'adopt':
      return { kind: step.kind, key: step.key, action: 'adopt', def: step.definition, version: step.version };
    case 'forget':
      return { kind: step.kind, key: step.key, action: 'forget' };
    case 'create': {
      const live = await existingIsStale(step.kind, step.key, () => port.create(step.definition));
      context.created.set(`${step.kind}:${step.key}`, live.version);
      return { kind: step.kind, key: step.key, action: 'create', def: normalized(live.def), version: live.version };
    }
    case 'update': {
      const write = (current: CurrentResource) =>
        port.update(current.def, step.next, { precondition: current.version, allowDataLoss: step.dataLoss && context.allowDestructive });
      // The version the plan (or this run's create) saw goes out as If-Match without a read first;
      // only a 412 costs a read, which decides between "only the version moved" and "stale".
      const known = knownVersion(step, context.created);
      let current = known ?? (await verifyPrecondition(adapter, step, context.created));
      if (step.dataLoss) await context.backup(step.kind, step.key, current);
      let live;
      try {
        live = await (known ? write(current) : existingIsStale(step.kind, step.key, () => write(current)));
      } catch (error) {
        if (!known || !isAdapterError(error) || error.kind !== 'stale') throw error;
        current = await verifyPrecondition(adapter, step, context.created);
        live = await existingIsStale(step.kind, step.key, () => write(current));
      }
      context.created.set(`${step.kind}:${step.key}`, live.version);
      return { kind: step.kind, key: step.key, action: 'update', def: normalized(live.def), version: live.version, before: current };
    }
    case 'delete': {
      const current = await verifyPrecondition(adapter, step, context.created);
      await context.backup(step.kind, step.key, current);
      await existingIsStale(step.kind, step.key, () => port.delete(step.key, { precondition: current.version }));
      return { kind: step.kind, key: step.key, action: 'delete', before: current };
    }
    default:
      return assertNever(step, 'step');
  }
}

/**
 * The resource as the step's precondition already knows it, when that includes an ETag: the plan's
 * live definition and version, or the version this run's create returned. Undefined: read first
 * (a lastModified alone is not enough: If-Unmodified-Since has whole seconds, and an edit in the
 * same second as the last write would pass it).
 */
function knownVersion(step: UpdateStep, created: ReadonlyMap<string, VersionToken>): CurrentResource | undefined {
  const version = step.precondition.kind === 'version' ? step.precondition.version : created.get(`${step.kind}:${step.key}`);
  return version?.etag ? { def: step.previous, version } : undefined;
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

/** The digests of a step's before and after, for the history. */
export function outcomeDigests(outcome: StepOutcome, defaults: ServerDefaults): { before?: string; after?: string } {
  const result: { before?: string; after?: string } = {};
  if ('before' in outcome && outcome.before) result.before = digest(kindOf(outcome.kind).normalize(outcome.before.def, defaults));
  if ('def' in outcome) result.after = digest(outcome.def);
  return result;
}
