import { didYouMean } from './did-you-mean.js';
import type { Definition } from './model.js';
import type { DriftEntry, PlanNotice, ResourcePlan, ResourceRef } from './generated/plan.js';
import { isPlatformTypeName, type Reference } from './references.js';
import { kindOf } from './resource-kinds.js';

export interface PlanParts {
  resources: ResourcePlan[];
  drift: DriftEntry[];
  blockers: PlanNotice[];
  warnings: PlanNotice[];
}

/**
 * Narrows a plan made with full knowledge to the resources `--only` names, with what they need:
 * a resource a kept create or update references and the plan creates, and a resource being
 * deleted that references a kept delete. Blockers and warnings that concern nothing kept go;
 * a key no resource has blocks the plan (PL113), and a warning says the plan is partial (PL114).
 */
export function narrowToOnly(parts: PlanParts, only: readonly string[]): PlanParts {
  const id = (ref: ResourceRef) => `${ref.kind}:${ref.key}`;
  const byId = new Map(parts.resources.map((resource) => [id(resource), resource]));
  const keys = new Set(parts.resources.map((resource) => resource.key));
  const kept = new Set(parts.resources.filter((resource) => only.includes(resource.key)).map(id));
  const named = new Set(kept);

  for (let grew = true; grew;) {
    grew = false;
    for (const resource of parts.resources) {
      if (kept.has(id(resource)) || !needed(resource, kept, byId)) continue;
      kept.add(id(resource));
      grew = true;
    }
  }

  const concerns = (notice: PlanNotice) => notice.resources.length === 0 || notice.resources.some((ref) => kept.has(id(ref)));
  const unknown = [...new Set(only)].filter((key) => !keys.has(key));
  const blockers = [
    ...parts.blockers.filter(concerns),
    ...unknown.map((key): PlanNotice => {
      const suggestion = didYouMean(key, keys);
      return {
        code: 'PL113',
        summary: `\`--only\` names "${key}", which no resource has`,
        detail: `"${key}" is not the key of a content type, property group or display template in the YAML, the lockfile or the CMS. ${suggestion ? `Did you mean "${suggestion}"? ` : ''}Correct the key, or leave it out.`,
        resources: [],
      };
    }),
  ];
  const resources = parts.resources.filter((resource) => kept.has(id(resource)));
  const added = resources.filter((resource) => !named.has(id(resource)));
  const partial: PlanNotice = {
    code: 'PL114',
    summary: 'A partial plan: only what `--only` names',
    detail:
      `This plan covers ${list(resources.filter((resource) => named.has(id(resource))).map((resource) => resource.key)) || 'nothing'}` +
      (added.length > 0 ? ` and what that needs: ${list(added.map((resource) => resource.key))}` : '') +
      '; the rest of the YAML and the CMS was left out and may stay out of sync. `--only` is for recovery (as Terraform’s `-target`), not routine use: run a full plan afterwards.',
    resources: resources.map((resource) => ({ kind: resource.kind, key: resource.key })),
  };
  return {
    resources,
    drift: parts.drift.filter((entry) => kept.has(id(entry))),
    blockers,
    warnings: [...parts.warnings.filter(concerns), partial],
  };
}

/** Whether `resource` must join the kept ones: a kept write needs it created first, or it must be deleted before a kept delete. */
function needed(resource: ResourcePlan, kept: ReadonlySet<string>, byId: ReadonlyMap<string, ResourcePlan>): boolean {
  const id = (ref: { kind: string; key: string }) => `${ref.kind}:${ref.key}`;
  if (resource.action === 'create') {
    return [...kept].some((keptId) => {
      const writer = byId.get(keptId);
      if (!writer || (writer.action !== 'create' && writer.action !== 'update')) return false;
      return referencesOf(writer).some((ref) => id({ kind: ref.targetKind, key: ref.target }) === id(resource));
    });
  }
  if (resource.action === 'delete') {
    return referencesOf(resource).some((ref) => {
      const target = byId.get(id({ kind: ref.targetKind, key: ref.target }));
      return target?.action === 'delete' && kept.has(id(target));
    });
  }
  return false;
}

/** What a planned resource references: its definition after the plan, or before a delete. */
function referencesOf(resource: ResourcePlan): Reference[] {
  const def: Definition | null = resource.action === 'delete' ? resource.before : resource.action === 'none' ? null : resource.after;
  if (!def) return [];
  return kindOf(resource.kind)
    .references(def)
    .filter((ref) => !isPlatformTypeName(ref.target));
}

function list(keys: readonly string[]): string {
  return keys.length <= 1 ? keys.join('') : `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}`;
}
