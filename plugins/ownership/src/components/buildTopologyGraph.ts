import { TopologyResponse } from '@triad/plugin-ownership-common';
import { declaredEdges } from './declaredEdges';
import { observedEdges } from './observedEdges';
import { TopologyEdge, TopologyFilter, TopologyNode } from './topologyTypes';

const nameOf = (ref: string) => ref.slice(ref.indexOf('/') + 1);

/**
 * The nodes and lines of the team map for one view and filter, from one
 * topology response.
 */
export function buildTopologyGraph(
  topology: TopologyResponse,
  filter: TopologyFilter,
): { nodes: TopologyNode[]; edges: TopologyEdge[] } {
  const all = new Map<string, TopologyNode>();
  for (const t of topology.teams) {
    all.set(t.team.ref, {
      id: t.team.ref,
      ref: t.team.ref,
      title: t.team.title ?? t.team.name,
      teamType: t.team.teamType ?? 'none',
      disciplines: t.disciplines,
      memberCount: t.memberCount,
      isTeam: true,
    });
  }
  let edges =
    filter.view === 'declared'
      ? declaredEdges(topology)
      : observedEdges(topology);
  // Groups that take part in an interaction without being teams.
  for (const e of edges) {
    for (const ref of [e.from, e.to]) {
      if (!all.has(ref)) {
        all.set(ref, {
          id: ref,
          ref,
          title: nameOf(ref),
          teamType: 'none',
          disciplines: [],
          isTeam: false,
        });
      }
    }
  }

  const types = filter.teamTypes ?? [];
  let shown = new Set(
    [...all.values()]
      .filter(
        n =>
          (!types.length || types.includes(n.teamType)) &&
          (!filter.discipline || n.disciplines.includes(filter.discipline)),
      )
      .map(n => n.id),
  );
  edges = edges.filter(e => shown.has(e.from) && shown.has(e.to));

  const needle = filter.search?.trim().toLocaleLowerCase();
  if (needle) {
    const matches = new Set(
      [...shown].filter(id => {
        const n = all.get(id)!;
        return `${n.title} ${nameOf(n.ref)}`
          .toLocaleLowerCase()
          .includes(needle);
      }),
    );
    edges = edges.filter(e => matches.has(e.from) || matches.has(e.to));
    shown = new Set([...matches, ...edges.flatMap(e => [e.from, e.to])]);
  }
  if (filter.connectedOnly) {
    shown = new Set(edges.flatMap(e => [e.from, e.to]));
  }
  const nodes = [...all.values()]
    .filter(n => shown.has(n.id))
    .sort((a, b) => a.title.localeCompare(b.title));
  return { nodes, edges };
}

/** Every discipline practised by some team, sorted. */
export function disciplinesOf(topology: TopologyResponse): string[] {
  return [...new Set(topology.teams.flatMap(t => t.disciplines))].sort();
}
