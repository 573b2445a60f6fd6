import { graphShape } from './graphShape';

describe('graphShape', () => {
  const e = (from: string, to: string) => ({ from, to });
  const n = (...ids: string[]) => ids.map(id => ({ id }));

  it('measures the longest chain and the widest step', () => {
    expect(
      graphShape({
        nodes: n('a', 'b', 'c', 'd', 'x'),
        edges: [e('a', 'b'), e('b', 'c'), e('a', 'c'), e('d', 'c')],
      }),
    ).toEqual({ depth: 3, breadth: 3 });
  });

  it('survives cycles and empty graphs', () => {
    expect(
      graphShape({ nodes: n('a', 'b'), edges: [e('a', 'b'), e('b', 'a')] }),
    ).toEqual({ depth: 2, breadth: 1 });
    expect(graphShape({ nodes: [], edges: [] })).toEqual({
      depth: 0,
      breadth: 0,
    });
  });
});
