import type { PlanNotice, ResourcePlan } from './generated/plan.js';
import type { Definition, ResourceKind } from './model.js';
import { kindOf } from './resource-kinds.js';

export interface ReferenceNotices {
  blockers: PlanNotice[];
  warnings: PlanNotice[];
}

/** A definition with its kind, as the reference scan needs it. */
export interface KindedDefinition {
  kind: ResourceKind;
  def: Definition;
}

/**
 * Resources this plan deletes must not be needed afterwards: a desired resource that references
 * one is a blocker (PL107: the write would fail, or leave a dangling reference); an unmanaged live
 * resource that references one is a warning (PL112: catalyst does not touch it, but the platform
 * may refuse the delete or the resource may break).
 */
export function deletedReferenceNotices(
  resources: readonly ResourcePlan[],
  desired: readonly KindedDefinition[],
  unmanaged: readonly KindedDefinition[],
): ReferenceNotices {
  const deleted = new Set(resources.filter((resource) => resource.action === 'delete').map((resource) => id(resource.kind, resource.key)));
  const notices: ReferenceNotices = { blockers: [], warnings: [] };
  if (deleted.size === 0) return notices;
  const scan = (
    entries: readonly KindedDefinition[],
    into: PlanNotice[],
    notice: (from: KindedDefinition, target: string, kind: ResourceKind, path: string) => PlanNotice,
  ) => {
    for (const entry of entries) {
      for (const reference of kindOf(entry.kind).references(entry.def)) {
        if (deleted.has(id(reference.targetKind, reference.target))) {
          into.push(notice(entry, reference.target, reference.targetKind, reference.path));
        }
      }
    }
  };
  scan(desired, notices.blockers, ({ kind: fromKind, def }, target, kind, path) => ({
    code: 'PL107',
    summary: `"${def.key}" references "${target}", which this plan deletes`,
    detail: `${def.key}.${path} names ${kindOf(kind).label} "${target}", which is removed from YAML and would be deleted. Keep "${target}" in YAML, or remove the reference from "${def.key}".`,
    resources: [
      { kind: fromKind, key: def.key },
      { kind, key: target },
    ],
    path,
  }));
  scan(unmanaged, notices.warnings, ({ kind: fromKind, def }, target, kind, path) => ({
    code: 'PL112',
    summary: `Unmanaged ${kindOf(fromKind).short} "${def.key}" uses "${target}", which this plan deletes`,
    detail: `${def.key}.${path} names ${kindOf(kind).label} "${target}". catalyst does not manage "${def.key}", so it leaves it alone, but the platform may refuse the delete or "${def.key}" may stop working. Remove the reference in the CMS first, or keep "${target}" in YAML.`,
    resources: [
      { kind: fromKind, key: def.key },
      { kind, key: target },
    ],
    path,
  }));
  return notices;
}

function id(kind: ResourceKind, key: string): string {
  return `${kind}:${key}`;
}
