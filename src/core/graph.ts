import { compareCodeUnits } from './compare-code-units.js';
/**
 * Small graph algorithms for apply ordering. Nodes are strings; an edge [a, b] means "a before b".
 * Every function is deterministic: ties are broken by the caller's `rank`, then by node name.
 */
export type Edge = readonly [from: string, to: string];

/**
 * Strongly connected components (Tarjan, iterative so deep chains cannot overflow the stack),
 * each sorted by name, listed in the order of their smallest member. A component is cyclic when
 * it has several nodes or a node with an edge to itself.
 */
export function stronglyConnectedComponents(nodes: readonly string[], edges: readonly Edge[]): string[][] {
  const successors = adjacency(nodes, edges);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of [...nodes].sort()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = successors.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next]!;
        frame.next += 1;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}

export function isCyclic(component: readonly string[], edges: readonly Edge[]): boolean {
  if (component.length > 1) return true;
  const [node] = component;
  return edges.some(([from, to]) => from === node && to === node);
}

/**
 * Kahn's topological order. `rank` orders nodes that are ready at the same time (lower first,
 * then by name). Edges must form no cycle; nodes on a cycle are appended at the end in rank order
 * rather than dropped, so a caller that reported the cycle still gets every node.
 */
export function topologicalOrder(nodes: readonly string[], edges: readonly Edge[], rank: (node: string) => number): string[] {
  const successors = adjacency(nodes, edges);
  const indegree = new Map(nodes.map((node) => [node, 0]));
  for (const targets of successors.values()) for (const target of targets) indegree.set(target, (indegree.get(target) ?? 0) + 1);
  const byRank = (a: string, b: string) => rank(a) - rank(b) || compareCodeUnits(a, b);
  const ready = nodes.filter((node) => indegree.get(node) === 0).sort(byRank);
  const order: string[] = [];
  while (ready.length > 0) {
    const node = ready.shift()!;
    order.push(node);
    for (const target of successors.get(node) ?? []) {
      const remaining = (indegree.get(target) ?? 0) - 1;
      indegree.set(target, remaining);
      if (remaining === 0) {
        ready.push(target);
        ready.sort(byRank);
      }
    }
  }
  const placed = new Set(order);
  return [...order, ...nodes.filter((node) => !placed.has(node)).sort(byRank)];
}

function adjacency(nodes: readonly string[], edges: readonly Edge[]): Map<string, string[]> {
  const known = new Set(nodes);
  const successors = new Map<string, Set<string>>(nodes.map((node) => [node, new Set<string>()]));
  for (const [from, to] of edges) {
    if (known.has(from) && known.has(to)) successors.get(from)!.add(to);
  }
  return new Map([...successors].map(([node, targets]) => [node, [...targets].sort()]));
}
