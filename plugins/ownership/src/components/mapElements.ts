import { MapEdge, MapNode, TopologyEdge, TopologyNode } from './topologyTypes';

/**
 * The elements handed to the dependency graph. Every interaction's label is a
 * box of its own between the two teams, so that the layout gives labels room
 * and they never sit on top of each other or of a team.
 */
export function mapElements(graph: {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}): { nodes: MapNode[]; edges: MapEdge[] } {
  const nodes: MapNode[] = graph.nodes.map(n => ({ kind: 'team', ...n }));
  const edges: MapEdge[] = [];
  for (const e of graph.edges) {
    const id = `interaction:${e.from}->${e.to}`;
    nodes.push({
      kind: 'interaction',
      id,
      interaction: e,
      lines: e.label.split(' · '),
    });
    edges.push({ from: e.from, to: id, interaction: e, segment: 'in' });
    edges.push({ from: id, to: e.to, interaction: e, segment: 'out' });
  }
  return { nodes, edges };
}
