import {
  InteractionMode,
  TeamType,
  TopologyResponse,
} from '@triad/plugin-ownership-common';
import { shortRef } from './refs';

/** Declared interactions, or the dependencies observed between teams. */
export type TopologyView = 'declared' | 'observed';

/** `none`: a team without `spec.topology.type`. */
export type TeamTypeKey = TeamType | 'none';

/** A team on the map. */
export interface TeamNodeData {
  ref: string;
  title: string;
  teamType: TeamTypeKey;
  disciplines: string[];
  memberCount?: number;
  /** False for a group that is not a team but takes part in an interaction. */
  isTeam: boolean;
}

/** One line between two teams; interactions of one direction share it. */
export interface InteractionEdgeData {
  view: TopologyView;
  /** Declared modes; for observed lines, the modes declared between the pair. */
  modes: InteractionMode[];
  /**
   * Declared but no dependency backs it (declared view), or a dependency
   * nobody declared (observed view).
   */
  mismatch: boolean;
  /** Every declared interaction on the line has passed its `until`. */
  stale: boolean;
  until?: string;
  /** Observed view: the dependencies that show it. */
  evidence: { source: string; relation: string; target: string }[];
  /** Mode and status in words, drawn next to the line. */
  label: string;
  /** Everything about the line, for its tooltip. */
  description: string;
}

export interface TopologyNode extends TeamNodeData {
  id: string;
}

export interface TopologyEdge extends InteractionEdgeData {
  from: string;
  to: string;
}

export interface TopologyFilter {
  view: TopologyView;
  /** Team types to show; empty shows every type. */
  teamTypes?: TeamTypeKey[];
  /** Show teams practising this discipline; empty shows all. */
  discipline?: string;
  /**
   * Show teams whose name or title contains this, with the teams they
   * interact with in the current view.
   */
  search?: string;
  /** Leave out teams without a line in the current view. */
  connectedOnly?: boolean;
}

export const TEAM_TYPE_LABELS: Record<TeamTypeKey, string> = {
  'stream-aligned': 'Stream-aligned',
  platform: 'Platform',
  enabling: 'Enabling',
  'complicated-subsystem': 'Complicated subsystem',
  none: 'No team type',
};

export const MODE_LABELS: Record<InteractionMode, string> = {
  collaboration: 'collaboration',
  'x-as-a-service': 'x-as-a-service',
  facilitating: 'facilitating',
};

const key = (from: string, to: string) => `${from}\u0000${to}`;
const samePair = (
  a: { from: string; to: string },
  b: { from: string; to: string },
) =>
  (a.from === b.from && a.to === b.to) || (a.from === b.to && a.to === b.from);

const nameOf = (ref: string) => ref.slice(ref.indexOf('/') + 1);

function declaredEdges(topology: TopologyResponse): TopologyEdge[] {
  const edges = new Map<string, TopologyEdge>();
  for (const i of topology.declared) {
    const k = key(i.from, i.to);
    const edge: TopologyEdge = edges.get(k) ?? {
      from: i.from,
      to: i.to,
      view: 'declared',
      modes: [],
      mismatch: true,
      stale: true,
      evidence: [],
      label: '',
      description: '',
    };
    if (!edge.modes.includes(i.mode)) edge.modes.push(i.mode);
    edge.mismatch = edge.mismatch && !i.observed;
    edge.stale = edge.stale && i.stale;
    if (i.until && (!edge.until || i.until > edge.until)) edge.until = i.until;
    edges.set(k, edge);
  }
  return [...edges.values()].map(edge => {
    const status = [
      edge.stale && edge.until ? `ended ${edge.until}` : undefined,
      edge.mismatch ? 'not observed' : undefined,
    ].filter(Boolean);
    const modes = edge.modes.map(m => MODE_LABELS[m]).join(' + ');
    return {
      ...edge,
      label: [modes, ...status].join(' · '),
      description: `${shortRef(edge.from)} → ${shortRef(edge.to)}: ${modes}${
        edge.until ? ` until ${edge.until}` : ''
      }${edge.stale ? ' (ended)' : ''}. ${
        edge.mismatch
          ? 'Declared, but no dependency between the two teams’ software shows it.'
          : 'Dependencies between the two teams’ software show it.'
      }`,
    };
  });
}

function observedEdges(topology: TopologyResponse): TopologyEdge[] {
  return topology.observed.map(o => {
    const declared = topology.declared.filter(d => samePair(d, o));
    const modes = [...new Set(declared.map(d => d.mode))];
    const n = o.evidence.length;
    const label = `${n} ${n === 1 ? 'dependency' : 'dependencies'}${
      o.declared ? '' : ' · undeclared'
    }`;
    return {
      from: o.from,
      to: o.to,
      view: 'observed',
      modes,
      mismatch: !o.declared,
      stale: false,
      evidence: o.evidence,
      label,
      description: `${shortRef(o.from)} depends on ${shortRef(
        o.to,
      )}: ${o.evidence
        .map(e => `${shortRef(e.source)} ${e.relation} ${shortRef(e.target)}`)
        .join('; ')}. ${
        o.declared
          ? `Declared as ${modes.join(' + ')}.`
          : 'No interaction between the two teams is declared.'
      }`,
    };
  });
}

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

/** A box on the map: a team, or the label of the interaction between two. */
export type MapNode =
  | ({ kind: 'team' } & TopologyNode)
  | {
      kind: 'interaction';
      id: string;
      interaction: TopologyEdge;
      /** The label, one entry per line. */
      lines: string[];
    };

/** Half a line: from a team to its interaction's label, or from the label on. */
export interface MapEdge {
  from: string;
  to: string;
  interaction: TopologyEdge;
  segment: 'in' | 'out';
}

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
