import { TopologyResponse } from '@triad/plugin-ownership-common';
import { shortRef } from './refs';
import { MODE_LABELS } from './topologyLabels';
import { TopologyEdge } from './topologyTypes';

const key = (from: string, to: string) => `${from}\u0000${to}`;

/** The declared interactions as lines, one per direction between two teams. */
export function declaredEdges(topology: TopologyResponse): TopologyEdge[] {
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
