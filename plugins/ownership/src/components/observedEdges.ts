import { TopologyResponse } from '@triad/plugin-ownership-common';
import { evidenceText } from './evidenceText';
import { shortRef } from './refs';
import { TopologyEdge } from './topologyTypes';

const samePair = (
  a: { from: string; to: string },
  b: { from: string; to: string },
) =>
  (a.from === b.from && a.to === b.to) || (a.from === b.to && a.to === b.from);

/** The dependencies observed between teams as lines. */
export function observedEdges(topology: TopologyResponse): TopologyEdge[] {
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
      )}: ${evidenceText(o.evidence)}. ${
        o.declared
          ? `Declared as ${modes.join(' + ')}.`
          : 'No interaction between the two teams is declared.'
      }`,
    };
  });
}
