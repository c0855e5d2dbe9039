import type { PlanNotice, ResourcePlan } from './generated/plan.js';
import type { ContentTypeDef, ResourceKind } from './model.js';
import { contentTypeReferences } from './references.js';

export interface ReferenceNotices {
  blockers: PlanNotice[];
  warnings: PlanNotice[];
}

/**
 * Resources this plan deletes must not be needed afterwards: a desired type that references one
 * is a blocker (PL107: the write would fail, or leave a dangling reference); an unmanaged live
 * type that references one is a warning (PL112: catalyst does not touch it, but the platform may
 * refuse the delete or the type may break).
 */
export function deletedReferenceNotices(resources: readonly ResourcePlan[], desired: readonly ContentTypeDef[], unmanaged: readonly ContentTypeDef[]): ReferenceNotices {
  const deleted = new Set(resources.filter((resource) => resource.action === 'delete').map((resource) => id(resource.kind, resource.key)));
  const notices: ReferenceNotices = { blockers: [], warnings: [] };
  if (deleted.size === 0) return notices;
  const scan = (defs: readonly ContentTypeDef[], into: PlanNotice[], notice: (def: ContentTypeDef, target: string, kind: ResourceKind, path: string) => PlanNotice) => {
    for (const def of defs) {
      for (const reference of contentTypeReferences(def)) {
        if (deleted.has(id(reference.targetKind, reference.target))) {
          into.push(notice(def, reference.target, reference.targetKind, reference.path));
        }
      }
    }
  };
  scan(desired, notices.blockers, (def, target, kind, path) => ({
    code: 'PL107',
    summary: `"${def.key}" references "${target}", which this plan deletes`,
    detail: `${def.key}.${path} names ${noun(kind)} "${target}", which is removed from YAML and would be deleted. Keep "${target}" in YAML, or remove the reference from "${def.key}".`,
    resources: [{ kind: 'contentType', key: def.key }, { kind, key: target }],
    path,
  }));
  scan(unmanaged, notices.warnings, (def, target, kind, path) => ({
    code: 'PL112',
    summary: `Unmanaged type "${def.key}" uses "${target}", which this plan deletes`,
    detail: `${def.key}.${path} names ${noun(kind)} "${target}". catalyst does not manage "${def.key}", so it leaves it alone, but the platform may refuse the delete or "${def.key}" may stop working. Remove the reference in the CMS first, or keep "${target}" in YAML.`,
    resources: [{ kind: 'contentType', key: def.key }, { kind, key: target }],
    path,
  }));
  return notices;
}

function id(kind: ResourceKind, key: string): string {
  return `${kind}:${key}`;
}

function noun(kind: ResourceKind): string {
  return kind === 'contentType' ? 'content type' : 'property group';
}
