import { approvalName } from './approval.js';
import type { PlanNotice, ResourcePlan } from './generated/plan.js';
import type { Definition, ResourceKind } from './model.js';

/**
 * Changes the platform cannot make in place without losing data, planned as a path that keeps
 * it: a declared rename of a property (PL118) or of a whole resource (PL119) keeps the old one
 * while the rename is declared; a lossy property type change (PL120) names the sequence that
 * converts the values instead of dropping them. Each is carried out one release at a time.
 */

export interface PendingRename {
  from: string;
  to: string;
  /** The new property exists on the CMS already: steps 2 to 4 are left. */
  added: boolean;
}

/** The declared property renames whose old property the CMS still has (and the YAML no longer does). */
export function pendingRenames(renames: Record<string, string>, desired: Definition, live: Definition): PendingRename[] {
  const properties = (def: Definition) => (def as { properties?: Record<string, unknown> }).properties ?? {};
  return Object.entries(renames)
    .filter(([to, from]) => from in properties(live) && !(from in properties(desired)) && to in properties(desired))
    .map(([to, from]) => ({ from, to, added: to in properties(live) }));
}

/** PL118: a declared property rename, and the safe sequence, since Optimizely cannot rename a property in place. */
export function renameNotice(kind: ResourceKind, key: string, rename: PendingRename): PlanNotice {
  const { from, to } = rename;
  const steps =
    `1. add ${to} and keep ${from}${rename.added ? ' (done)' : ' (this plan)'}; 2. copy the values of ${from} into ${to} (a content migration, outside catalyst); ` +
    `3. switch what reads ${from} to ${to}; 4. remove \`renamedFrom: ${from}\` from ${to}: the next plan then removes ${from} (destructive, approved on its own).`;
  return {
    code: 'PL118',
    summary: `${key}: ${from} renamed to ${to}, one release at a time`,
    detail: `The platform cannot rename a property in place: removing ${from} and adding ${to} would lose every value of ${from}. So ${from} stays while \`renamedFrom\` is declared. The safe sequence: ${steps}`,
    resources: [{ kind, key }],
  };
}

/**
 * The resources renamed away (old key → new key): a desired resource declares `renamedFrom` a key
 * that catalyst manages (the lockfile has it), the CMS still holds, and the YAML no longer declares.
 * A rename that cannot go ahead is a notice: the old key still declared (a warning), or claimed by
 * two resources (a blocker: neither goes ahead).
 */
export function renamedAway(
  descriptor: { kind: ResourceKind; label: string },
  desired: ReadonlyMap<string, { renamedFrom?: string }>,
  base: ReadonlyMap<string, unknown>,
  live: ReadonlyMap<string, unknown>,
): { away: Map<string, string>; blockers: PlanNotice[]; warnings: PlanNotice[] } {
  const { kind, label } = descriptor;
  const claims = new Map<string, string[]>();
  for (const [to, entry] of desired)
    if (entry.renamedFrom !== undefined) claims.set(entry.renamedFrom, [...(claims.get(entry.renamedFrom) ?? []), to]);
  const away = new Map<string, string>();
  const blockers: PlanNotice[] = [];
  const warnings: PlanNotice[] = [];
  for (const [from, claimants] of claims) {
    if (claimants.length > 1) {
      blockers.push({
        code: 'PL121',
        summary: `${claimants.join(' and ')} are ${claimants.length === 2 ? 'both' : 'all'} renamed from ${from}`,
        detail: `Only one ${label} can take over ${from} and its content. Keep \`renamedFrom: ${from}\` on one of ${claimants.join(', ')} and remove it from the others.`,
        resources: claimants.map((key) => ({ kind, key })),
      });
    } else if (desired.has(from)) {
      warnings.push({
        code: 'PL119',
        summary: `${claimants[0]} is renamed from ${from}, which is still declared`,
        detail: `\`renamedFrom: ${from}\` has no effect while ${from} is in the YAML too. Delete ${from}'s YAML to carry out the rename (${from} then stays on the CMS until its content has moved), or remove \`renamedFrom\`.`,
        resources: [{ kind, key: claimants[0]! }],
      });
    } else if (base.has(from) && live.has(from)) away.set(from, claimants[0]!);
  }
  return { away, blockers, warnings };
}

/** PL119: a declared rename of a whole resource; the old one stays until the content has moved. */
export function resourceRenameNotice(kind: ResourceKind, label: string, from: string, to: string, created: boolean): PlanNotice {
  const steps =
    `1. create ${to} and keep ${from}${created ? ' (done)' : ' (this plan)'}; 2. move the content of ${from} to ${to} (a content migration, outside catalyst); ` +
    `3. switch what uses ${from} (references, templates, code) to ${to}; 4. remove \`renamedFrom: ${from}\` from ${to}: the next plan then deletes ${from} (destructive, approved on its own).`;
  return {
    code: 'PL119',
    summary: `${label} ${from} renamed to ${to}, one release at a time`,
    detail: `The platform cannot rename a ${label} in place: deleting ${from} and creating ${to} would delete its content with it. So ${from} stays, as the CMS has it, while \`renamedFrom\` is declared. The safe sequence: ${steps}`,
    resources: [
      { kind, key: to },
      { kind, key: from },
    ],
  };
}

/** PL120: per property whose type (or item type) an update changes, the sequence that converts its values instead of losing them. */
export function lossyTypeChangeNotices(resources: readonly ResourcePlan[]): PlanNotice[] {
  const notices: PlanNotice[] = [];
  for (const resource of resources) {
    if (resource.action !== 'update') continue;
    for (const change of resource.changes) {
      if ((change.code !== 'DS103' && change.code !== 'DS104') || change.property === undefined) continue;
      const { key } = resource;
      const property = change.property;
      const [from, to] = [String(change.before), String(change.after)];
      const items =
        resource.contentItems === undefined || resource.contentItems === null ? '' : ` (${key} has ${resource.contentItems} content items)`;
      const what = change.code === 'DS104' ? 'item type' : 'type';
      notices.push({
        code: 'PL120',
        summary: `${key}.${property}: ${what} ${from} → ${to} may lose values; a path keeps them`,
        detail:
          `Changing the ${what} in place makes the platform convert every stored value of ${property}${items}; a value that does not convert is lost, ` +
          `so the change needs its own approval (\`--allow-destructive=${approvalName({ key, path: change.path })}\`) and a backup is taken first. To keep every value instead: ` +
          `1. add a new property with the new ${what} beside ${property} (and keep ${property} as it is); 2. convert and copy the values (a content migration, outside catalyst), fixing those that do not convert; ` +
          `3. switch what reads ${property} to the new property; 4. remove ${property} (destructive, approved on its own).`,
        resources: [{ kind: resource.kind, key }],
      });
    }
  }
  return notices;
}
