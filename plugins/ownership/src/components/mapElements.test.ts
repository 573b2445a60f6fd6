import { topology } from '../__fixtures__/ownership';
import { buildTopologyGraph } from './buildTopologyGraph';
import { mapElements } from './mapElements';

describe('mapElements', () => {
  it('gives each interaction a label box between the two teams', () => {
    const graph = buildTopologyGraph(topology, { view: 'declared' });
    const { nodes, edges } = mapElements(graph);
    expect(nodes).toHaveLength(8 + 4);
    expect(nodes[8]).toMatchObject({
      kind: 'interaction',
      id: 'interaction:group:default/checkout-team->group:default/sre-core',
      lines: ['collaboration', 'not observed'],
    });
    expect(edges.slice(0, 2).map(e => [e.from, e.to, e.segment])).toEqual([
      [
        'group:default/checkout-team',
        'interaction:group:default/checkout-team->group:default/sre-core',
        'in',
      ],
      [
        'interaction:group:default/checkout-team->group:default/sre-core',
        'group:default/sre-core',
        'out',
      ],
    ]);
  });
});
