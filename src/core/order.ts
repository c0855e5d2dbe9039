import type { ApplyStep, PlanNotice, ResourcePlan, ResourceRef } from './generated/plan.js';
import { isCyclic, stronglyConnectedComponents, topologicalOrder, type Edge } from './graph.js';
import type { ContentTypeDef, ResourceKind } from './model.js';
import { contentTypeReferences } from './references.js';
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
 * Ties are broken by kind (property groups first when creating, last when deleting), then key.
 */
export function orderSteps(resources: readonly ResourcePlan[]): OrderResult {
  const blockers: PlanNotice[] = [];
  const warnings: PlanNotice[] = [];
  const byId = new Map(resources.map((resource) => [idOf(resource.kind, resource.key), resource]));
  const withAction = (action: ResourcePlan['action']) =>
    [...byId].filter(([, resource]) => resource.action === action).map(([id]) => id);

  const recordSteps = [...withAction('adopt'), ...withAction('forget')].sort(byKindThenKey(0)).map((id) => stepFor(byId.get(id)!, []));

  const creates = withAction('create');
  const createEdges = referenceEdges(creates, byId, 'after', 'referenced-first');
  const { order: createOrder, deferred } = orderCreates(creates, createEdges, byId, blockers);
  const createSteps = createOrder.map((id) => stepFor(byId.get(id)!, deferred.get(id) ?? []));
  const deferredSteps = createOrder.flatMap((id) => followUpStep(byId.get(id)!, deferred.get(id) ?? []));

  const updateSteps = withAction('update').sort(byKindThenKey(0)).map((id) => stepFor(byId.get(id)!, []));

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
    const what = component.length === 1 && only
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
  return { order: topologicalOrder(ids, kept, byKindRank(0)), deferred };
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
  return topologicalOrder(ids, kept, byKindRank(1));
}

/**
 * The largest acyclic set of ordering edges this can find cheaply: every hard edge except those
 * inside a hard cycle (which nothing can order), then soft edges outside cycles, then soft edges
 * inside cycles one by one (in a fixed order) as long as they close no cycle. `dropped` lists the
 * edges left out.
 */
function acyclicEdges(ids: string[], edges: ReferenceEdge[]): { kept: Edge[]; dropped: ReferenceEdge[]; hardCycles: Array<{ component: string[]; links: ReferenceEdge[] }> } {
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
  const componentOf = new Map(stronglyConnectedComponents(ids, edges.map((edge) => edge.edge)).flatMap((component, index) => component.map((id) => [id, index] as const)));
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
function referenceEdges(ids: readonly string[], byId: ReadonlyMap<string, ResourcePlan>, side: 'before' | 'after', direction: 'referenced-first' | 'referencing-first'): ReferenceEdge[] {
  const present = new Set(ids);
  const edges: ReferenceEdge[] = [];
  for (const id of ids) {
    const resource = byId.get(id)!;
    if (resource.kind !== 'contentType') continue;
    const def = resource[side];
    if (!def) continue;
    for (const reference of contentTypeReferences(def)) {
      const target = idOf(reference.targetKind, reference.target);
      if (!present.has(target)) continue;
      const edge: Edge = direction === 'referenced-first' ? [target, id] : [id, target];
      edges.push({ edge, hard: reference.hard, from: id, path: reference.path, target: reference.target });
    }
  }
  return edges;
}

function stepFor(resource: ResourcePlan, deferred: DeferredReference[]): ApplyStep {
  const { key } = resource;
  switch (resource.action) {
    case 'create':
      if (resource.kind === 'contentType') {
        return { action: 'create', kind: 'contentType', key, definition: stripReferences(required(resource.after, resource), deferred), deferred };
      }
      return { action: 'create', kind: 'propertyGroup', key, definition: required(resource.after, resource) };
    case 'update': {
      const precondition = required(resource.precondition, resource);
      const dataLoss = resource.codes.some((code) => SERVER_DATA_LOSS_CODES.has(code));
      const rest = { precondition, dataLoss, codes: resource.codes, purpose: 'change' } as const;
      return resource.kind === 'contentType'
        ? { action: 'update', kind: 'contentType', key, previous: required(resource.before, resource), next: required(resource.after, resource), ...rest }
        : { action: 'update', kind: 'propertyGroup', key, previous: required(resource.before, resource), next: required(resource.after, resource), ...rest };
    }
    case 'delete':
      return { action: 'delete', kind: resource.kind, key, precondition: required(resource.precondition, resource), codes: resource.codes };
    case 'adopt': {
      const precondition = required(resource.precondition, resource);
      const version = precondition.kind === 'version' ? precondition.version : {};
      return resource.kind === 'contentType'
        ? { action: 'adopt', kind: 'contentType', key, definition: required(resource.after, resource), version }
        : { action: 'adopt', kind: 'propertyGroup', key, definition: required(resource.after, resource), version };
    }
    case 'forget':
      return { action: 'forget', kind: resource.kind, key };
    case 'none':
      throw new Error(`internal error: no step for ${resource.kind} "${key}", whose action is none`);
    default: {
      const unknown: never = resource.action;
      throw new Error(`internal error: unknown action ${String(unknown)}`);
    }
  }
}

function followUpStep(resource: ResourcePlan, deferred: DeferredReference[]): ApplyStep[] {
  if (deferred.length === 0 || resource.kind !== 'contentType') return [];
  const full: ContentTypeDef = required(resource.after, resource);
  return [{
    action: 'update',
    kind: 'contentType',
    key: resource.key,
    previous: stripReferences(full, deferred),
    next: full,
    precondition: { kind: 'created' },
    dataLoss: false,
    codes: [],
    purpose: 'deferredReferences',
  }];
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

function required<T>(value: T | null | undefined, resource: ResourcePlan): T {
  if (value === null || value === undefined) {
    throw new Error(`internal error: ${resource.kind} "${resource.key}" has action ${resource.action} but lacks a member it needs`);
  }
  return value;
}

function describeLinks(links: readonly ReferenceEdge[]): string {
  return links.map((link) => `${keyOf(link.from)}.${link.path} → ${link.target}`).join('; ');
}

function compareEdges(a: ReferenceEdge, b: ReferenceEdge): number {
  const left = `${a.from}\u0000${a.path}\u0000${a.target}`;
  const right = `${b.from}\u0000${b.path}\u0000${b.target}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

const KIND_PREFIX = { propertyGroup: 'propertyGroup:', contentType: 'contentType:' } as const;

function idOf(kind: ResourceKind, key: string): string {
  return `${KIND_PREFIX[kind]}${key}`;
}

function keyOf(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

function refOf(resource: ResourcePlan): ResourceRef {
  return { kind: resource.kind, key: resource.key };
}

/** Ranks property groups `groupRank` and content types the other (0 = first). */
function byKindRank(groupRank: 0 | 1): (id: string) => number {
  return (id) => (id.startsWith(KIND_PREFIX.propertyGroup) ? groupRank : 1 - groupRank);
}

function byKindThenKey(groupRank: 0 | 1): (a: string, b: string) => number {
  const rank = byKindRank(groupRank);
  return (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
