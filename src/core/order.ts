import type { ApplyStep, PlanNotice, ResourcePlan, ResourceRef } from './generated/plan.js';
import { isCyclic, stronglyConnectedComponents, topologicalOrder, type Edge } from './graph.js';
import { assertNever } from './assert-never.js';
import { compareCodeUnits } from './compare-code-units.js';
import { InternalError } from './internal-error.js';
import type { ResourceKind } from './model.js';
import { kindOf } from './resource-kinds.js';
import { SERVER_DATA_LOSS_CODES } from './risk-codes.js';
import { stripReferences, type DeferredReference } from './strip-references.js';

export interface OrderResult {
  steps: ApplyStep[];
  blockers: PlanNotice[];
  warnings: PlanNotice[];
}

interface ReferenceEdge {
  edge: Edge;
  hard: boolean;
  /** The referencing resource's id, and where it names the target. */
  from: string;
  path: string;
  target: string;
}

/**
 * The order apply runs the plan's actions in:
 * 1. lockfile-only steps (adopt, forget);
 * 2. creates, referenced before referencing (a component's `contentType`, `contracts`, a
 *    property's `group` are hard references; `allowedTypes`, `restrictedTypes`,
 *    `mayContainTypes` are soft). Soft references that close a cycle (a type that may contain
 *    itself, A contains B contains A) are left out of the create and added by an update step
 *    right after the creates; as few are deferred as keep the rest acyclic. A cycle of hard
 *    references cannot be created at all: it is a blocker (PL106);
 * 3. updates (they may reference anything created in step 2);
 * 4. deletes, referencing before referenced, so property groups go after the types using them
 *    (a hard cycle among deleted types is a warning, PL111: the platform may refuse one delete).
 * Ties are broken by kind (in the create order of resource-kinds.ts: property groups, content
 * types, display templates; the reverse when deleting), then key.
 */
export function orderSteps(resources: readonly ResourcePlan[]): OrderResult {
  const blockers: PlanNotice[] = [];
  const warnings: PlanNotice[] = [];
  const byId = new Map(resources.map((resource) => [idOf(resource.kind, resource.key), resource]));
  const withAction = (action: ResourcePlan['action']) => [...byId].filter(([, resource]) => resource.action === action).map(([id]) => id);

  const recordSteps = [...withAction('adopt'), ...withAction('forget')]
    .sort(byKindThenKey('create', byId))
    .map((id) => stepFor(byId.get(id)!, []));

  const creates = withAction('create');
  const createEdges = referenceEdges(creates, byId, 'after', 'referenced-first');
  const { order: createOrder, deferred } = orderCreates(creates, createEdges, byId, blockers);
  const createSteps = createOrder.map((id) => stepFor(byId.get(id)!, deferred.get(id) ?? []));
  const deferredSteps = createOrder.flatMap((id) => followUpStep(byId.get(id)!, deferred.get(id) ?? []));

  const updateSteps = withAction('update')
    .sort(byKindThenKey('create', byId))
    .map((id) => stepFor(byId.get(id)!, []));

  const deletes = withAction('delete');
  const deleteEdges = referenceEdges(deletes, byId, 'before', 'referencing-first');
  const deleteOrder = orderDeletes(deletes, deleteEdges, byId, warnings);
  const deleteSteps = deleteOrder.map((id) => stepFor(byId.get(id)!, []));

  return { steps: [...recordSteps, ...createSteps, ...deferredSteps, ...updateSteps, ...deleteSteps], blockers, warnings };
}

function orderCreates(
  ids: string[],
  edges: ReferenceEdge[],
  byId: ReadonlyMap<string, ResourcePlan>,
  blockers: PlanNotice[],
): { order: string[]; deferred: Map<string, DeferredReference[]> } {
  const { kept, dropped, hardCycles } = acyclicEdges(ids, edges);
  for (const { component, links } of hardCycles) {
    const [only] = component;
    const what =
      component.length === 1 && only
        ? `"${keyOf(only)}" holds itself through a hard reference (${describeLinks(links)}), so it cannot be created`
        : `These types hold each other through hard references (${describeLinks(links)}), so none of them can be created first`;
    blockers.push({
      code: 'PL106',
      summary: `Reference cycle among new types: ${component.map(keyOf).join(', ')}`,
      detail: `${what}. Break the cycle: replace a component property by a content reference (contentReference with allowedTypes), or create the types in two changes.`,
      resources: component.map((id) => refOf(byId.get(id)!)),
    });
  }
  const deferred = new Map<string, DeferredReference[]>();
  for (const edge of dropped) {
    if (edge.hard) continue;
    deferred.set(edge.from, [...(deferred.get(edge.from) ?? []), { path: edge.path, target: edge.target }]);
  }
  return { order: topologicalOrder(ids, kept, byKindRank('create', byId)), deferred };
}

function orderDeletes(ids: string[], edges: ReferenceEdge[], byId: ReadonlyMap<string, ResourcePlan>, warnings: PlanNotice[]): string[] {
  const { kept, hardCycles } = acyclicEdges(ids, edges);
  for (const { component, links } of hardCycles) {
    warnings.push({
      code: 'PL111',
      summary: `Reference cycle among deleted types: ${component.map(keyOf).join(', ')}`,
      detail: `These types hold each other through hard references (${describeLinks(links)}), so whichever is deleted first is still referenced by another. If the platform refuses a delete, first remove the referencing properties (one apply), then delete the types (a second apply).`,
      resources: component.map((id) => refOf(byId.get(id)!)),
    });
  }
  return topologicalOrder(ids, kept, byKindRank('delete', byId));
}

/**
 * The largest acyclic set of ordering edges this can find cheaply: every hard edge except those
 * inside a hard cycle (which nothing can order), then soft edges outside cycles, then soft edges
 * inside cycles one by one (in a fixed order) as long as they close no cycle. `dropped` lists the
 * edges left out.
 */
function acyclicEdges(
  ids: string[],
  edges: ReferenceEdge[],
): { kept: Edge[]; dropped: ReferenceEdge[]; hardCycles: Array<{ component: string[]; links: ReferenceEdge[] }> } {
  const hard = edges.filter((edge) => edge.hard);
  const hardEdges = hard.map((edge) => edge.edge);
  const cyclic = stronglyConnectedComponents(ids, hardEdges).filter((component) => isCyclic(component, hardEdges));
  const hardCycleOf = new Map(cyclic.flatMap((component, index) => component.map((id) => [id, index] as const)));
  const inSameHardCycle = ([from, to]: Edge) => hardCycleOf.has(from) && hardCycleOf.get(from) === hardCycleOf.get(to);
  const hardCycles = cyclic.map((component, index) => ({
    component,
    links: hard.filter((edge) => hardCycleOf.get(edge.edge[0]) === index && hardCycleOf.get(edge.edge[1]) === index),
  }));

  const kept: Edge[] = [];
  const dropped: ReferenceEdge[] = [];
  for (const edge of hard) {
    if (inSameHardCycle(edge.edge)) dropped.push(edge);
    else kept.push(edge.edge);
  }
  const componentOf = new Map(
    stronglyConnectedComponents(
      ids,
      edges.map((edge) => edge.edge),
    ).flatMap((component, index) => component.map((id) => [id, index] as const)),
  );
  const candidates: ReferenceEdge[] = [];
  for (const edge of edges.filter((candidate) => !candidate.hard)) {
    if (componentOf.get(edge.edge[0]) === componentOf.get(edge.edge[1])) candidates.push(edge);
    else kept.push(edge.edge);
  }
  for (const edge of candidates.sort(compareEdges)) {
    const [from, to] = edge.edge;
    if (from !== to && !reaches(to, from, kept)) kept.push(edge.edge);
    else dropped.push(edge);
  }
  return { kept, dropped, hardCycles };
}

/** Edges between resources of `ids`: [referenced, referencing] or [referencing, referenced]. */
function referenceEdges(
  ids: readonly string[],
  byId: ReadonlyMap<string, ResourcePlan>,
  side: 'before' | 'after',
  direction: 'referenced-first' | 'referencing-first',
): ReferenceEdge[] {
  const present = new Set(ids);
  const edges: ReferenceEdge[] = [];
  for (const id of ids) {
    const resource = byId.get(id)!;
    const def = resource[side];
    if (!def) continue;
    for (const reference of kindOf(resource.kind).references(def)) {
      const target = idOf(reference.targetKind, reference.target);
      if (!present.has(target)) continue;
      const edge: Edge = direction === 'referenced-first' ? [target, id] : [id, target];
      edges.push({ edge, hard: reference.hard, from: id, path: reference.path, target: reference.target });
    }
  }
  return edges;
}

function stepFor(resource: ResourcePlan, deferred: DeferredReference[]): ApplyStep {
  const { kind, key } = resource;
  switch (resource.action) {
    case 'create':
      return { action: 'create', kind, key, definition: stripReferences(resource.after, deferred), deferred };
    case 'update': {
      const dataLoss = resource.codes.some((code) => SERVER_DATA_LOSS_CODES.has(code));
      return {
        action: 'update',
        kind,
        key,
        previous: resource.before,
        next: resource.after,
        precondition: resource.precondition,
        dataLoss,
        codes: resource.codes,
        purpose: 'change',
      };
    }
    case 'delete':
      return { action: 'delete', kind, key, precondition: resource.precondition, codes: resource.codes };
    case 'adopt':
      return { action: 'adopt', kind, key, definition: resource.after, version: resource.precondition.version };
    case 'forget':
      return { action: 'forget', kind, key };
    case 'none':
      throw new InternalError(`no step for ${kind} "${key}", whose action is none`);
    default:
      return assertNever(resource, 'plan entry');
  }
}

function followUpStep(resource: ResourcePlan, deferred: DeferredReference[]): ApplyStep[] {
  if (deferred.length === 0 || resource.action !== 'create') return [];
  return [
    {
      action: 'update',
      kind: resource.kind,
      key: resource.key,
      previous: stripReferences(resource.after, deferred),
      next: resource.after,
      precondition: { kind: 'created' },
      dataLoss: false,
      codes: [],
      purpose: 'deferredReferences',
    },
  ];
}

/** Whether `to` is reachable from `from` along `edges`. */
function reaches(from: string, to: string, edges: readonly Edge[]): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === to) return true;
    for (const [source, target] of edges) {
      if (source === node && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return false;
}

function describeLinks(links: readonly ReferenceEdge[]): string {
  return links.map((link) => `${keyOf(link.from)}.${link.path} → ${link.target}`).join('; ');
}

function compareEdges(a: ReferenceEdge, b: ReferenceEdge): number {
  const left = `${a.from}\u0000${a.path}\u0000${a.target}`;
  const right = `${b.from}\u0000${b.path}\u0000${b.target}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

function idOf(kind: ResourceKind, key: string): string {
  return `${kind}:${key}`;
}

function keyOf(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

function refOf(resource: ResourcePlan): ResourceRef {
  return { kind: resource.kind, key: resource.key };
}

/** Ranks kinds in create order (resource-kinds.ts), or in reverse when deleting. */
function byKindRank(direction: 'create' | 'delete', byId: ReadonlyMap<string, ResourcePlan>): (id: string) => number {
  return (id) => {
    const rank = kindOf(byId.get(id)!.kind).rank;
    return direction === 'create' ? rank : -rank;
  };
}

function byKindThenKey(direction: 'create' | 'delete', byId: ReadonlyMap<string, ResourcePlan>): (a: string, b: string) => number {
  const rank = byKindRank(direction, byId);
  return (a, b) => rank(a) - rank(b) || compareCodeUnits(a, b);
}
