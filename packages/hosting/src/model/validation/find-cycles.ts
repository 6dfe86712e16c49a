/**
 * Every distinct cycle reachable through `edges`, each as a path that ends where it starts
 * (`[a, b, c, a]`). Depth-first search with three colours; each cycle is reported once.
 */
export function findCycles<T>(nodes: readonly T[], edges: (node: T) => readonly T[]): T[][] {
  const state = new Map<T, "visiting" | "done">();
  const stack: T[] = [];
  const cycles: T[][] = [];

  const visit = (node: T): void => {
    state.set(node, "visiting");
    stack.push(node);
    for (const next of edges(node)) {
      const seen = state.get(next);
      if (seen === "visiting") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (seen === undefined) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };

  for (const node of nodes) if (!state.has(node)) visit(node);
  return cycles;
}
