import { validateOpenSloDocument } from '../openslo/validateOpenSloDocument';

const compositeSlo = (objectives: unknown[], spec: object = {}) => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'payments-core-journey' },
  spec: {
    service: 'system:payments-core',
    budgetingMethod: 'Occurrences',
    objectives,
    ...spec,
  },
});

function problemsOf(doc: unknown) {
  const result = validateOpenSloDocument(doc);
  return result.ok ? [] : result.problems;
}

describe('validating a composite SLO', () => {
  it('accepts objectives that each name a part, with or without a weight', () => {
    const doc = compositeSlo([
      {
        displayName: 'API',
        sloRef: 'payments-api-availability',
        compositeWeight: 3,
      },
      { sloRef: 'ledger-availability' },
    ]);
    expect(problemsOf(doc)).toEqual([]);
    // Its parts have their own windows: no warning about the default one.
    const result = validateOpenSloDocument(doc);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it.each([0, -2])('refuses compositeWeight %p, naming the field', weight => {
    const doc = compositeSlo([{ sloRef: 'a', compositeWeight: weight }]);
    expect(problemsOf(doc)).toEqual([
      {
        path: 'spec.objectives[0].compositeWeight',
        message: 'must be above 0',
      },
    ]);
  });

  it("refuses a target on a part: the part keeps its own SLO's", () => {
    const doc = compositeSlo([{ sloRef: 'a', target: 0.99 }]);
    expect(problemsOf(doc)).toEqual([
      {
        path: 'spec.objectives[0].target',
        message:
          "cannot be given with sloRef: a part keeps its own SLO's target",
      },
    ]);
  });

  it('refuses mixing parts with objectives that measure an SLI', () => {
    const doc = compositeSlo([
      { sloRef: 'a' },
      { target: 0.99, indicatorRef: 'requests' },
    ]);
    expect(problemsOf(doc)).toEqual([
      {
        path: 'spec.objectives[1].sloRef',
        message:
          'is required: in a composite SLO every objective names a part SLO',
      },
      {
        path: 'spec.objectives[1].indicatorRef',
        message: 'cannot be given in a composite SLO: it measures its parts',
      },
    ]);
  });

  it('refuses an SLI on the composite itself', () => {
    const doc = compositeSlo([{ sloRef: 'a' }], { indicatorRef: 'requests' });
    expect(problemsOf(doc)).toEqual([
      {
        path: 'spec.indicatorRef',
        message: 'cannot be given in a composite SLO: it measures its parts',
      },
    ]);
  });
});
