/**
 * How deep and how broad the team graph is when each team sits one step
 * after the teams it is reached from (longest path; lines that close a cycle
 * are ignored).
 */
export function graphShape(graph: {
  nodes: { id: string }[];
  edges: { from: string; to: string }[];
}): { depth: number; breadth: number } {
  if (!graph.nodes.length) return { depth: 0, breadth: 0 };
  const out = new Map<string, string[]>(graph.nodes.map(n => [n.id, []]));
  for (const e of graph.edges) {
    if (e.from !== e.to && out.has(e.from) && out.has(e.to)) {
      out.get(e.from)!.push(e.to);
    }
  }
  // Drop back edges (depth-first), then order topologically.
  const state = new Map<string, 1 | 2>();
  const order: string[] = [];
  const dag = new Map<string, string[]>();
  for (const start of out.keys()) {
    if (state.has(start)) continue;
    const stack: [string, number][] = [[start, 0]];
    state.set(start, 1);
    dag.set(start, []);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [id, i] = top;
      const next = out.get(id)![i];
      if (next === undefined) {
        state.set(id, 2);
        order.push(id);
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      if (state.get(next) === 1) continue; // closes a cycle
      dag.get(id)!.push(next);
      if (!state.has(next)) {
        state.set(next, 1);
        dag.set(next, []);
        stack.push([next, 0]);
      }
    }
  }
  const rank = new Map<string, number>();
  for (const id of order.reverse()) {
    const r = rank.get(id) ?? 0;
    rank.set(id, r);
    for (const next of dag.get(id)!) {
      rank.set(next, Math.max(rank.get(next) ?? 0, r + 1));
    }
  }
  const counts = new Map<number, number>();
  for (const r of rank.values()) counts.set(r, (counts.get(r) ?? 0) + 1);
  return {
    depth: Math.max(...counts.keys()) + 1,
    breadth: Math.max(...counts.values()),
  };
}
