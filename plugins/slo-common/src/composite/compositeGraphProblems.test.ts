import { compositeGraphProblems } from './compositeGraphProblems';
import { compositeParts } from './compositeParts';

type Spec = Parameters<typeof compositeParts>[0];
const composite = (...refs: string[]): Spec => ({
  objectives: refs.map(sloRef => ({ sloRef })),
});
const plain: Spec = { objectives: [{ target: 0.999 }] };

function lookupOf(specs: Record<string, Spec>) {
  return (name: string) => specs[name];
}

describe('compositeParts', () => {
  it('reads each part with its weight, 1 by default', () => {
    expect(
      compositeParts({
        objectives: [{ sloRef: 'a', compositeWeight: 2 }, { sloRef: 'b' }],
      }),
    ).toEqual([
      { path: 'spec.objectives[0].sloRef', sloRef: 'a', weight: 2 },
      { path: 'spec.objectives[1].sloRef', sloRef: 'b', weight: 1 },
    ]);
    expect(compositeParts(plain)).toEqual([]);
  });
});

describe('compositeGraphProblems', () => {
  it('accepts parts that exist, composites of composites included', () => {
    const specs = { top: composite('mid', 'a'), mid: composite('a', 'b') };
    const lookup = lookupOf({ ...specs, a: plain, b: plain });
    expect(compositeGraphProblems('top', specs.top, lookup)).toEqual([]);
  });

  it('names an unknown part on its field', () => {
    const top = composite('a', 'ghost');
    expect(compositeGraphProblems('top', top, lookupOf({ a: plain }))).toEqual([
      { path: 'spec.objectives[1].sloRef', message: 'no SLO named "ghost"' },
    ]);
  });

  it('refuses a composite that names itself', () => {
    const top = composite('top');
    expect(compositeGraphProblems('top', top, lookupOf({ top }))).toEqual([
      { path: 'spec.objectives[0].sloRef', message: 'names this SLO itself' },
    ]);
  });

  it('reports a cycle through other composites with its members', () => {
    const specs = {
      top: composite('a', 'mid'),
      mid: composite('inner'),
      inner: composite('top'),
      a: plain,
    };
    expect(compositeGraphProblems('top', specs.top, lookupOf(specs))).toEqual([
      {
        path: 'spec.objectives[1].sloRef',
        message: 'leads back to this SLO: top → mid → inner → top',
      },
    ]);
  });

  it('terminates on a cycle that does not include the composite', () => {
    const specs = { top: composite('x'), x: composite('y'), y: composite('x') };
    expect(compositeGraphProblems('top', specs.top, lookupOf(specs))).toEqual(
      [],
    );
  });
});
