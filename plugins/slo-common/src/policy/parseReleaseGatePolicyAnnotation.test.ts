import { parseReleaseGatePolicyAnnotation } from './parseReleaseGatePolicyAnnotation';

describe('parseReleaseGatePolicyAnnotation', () => {
  it('reads shares as fractions or percentages, and booleans', () => {
    expect(
      parseReleaseGatePolicyAnnotation(
        'minRemainingBudget=10%, blockOnPageAlert=false',
      ),
    ).toEqual({
      policy: { minRemainingBudget: 0.1, blockOnPageAlert: false },
      problems: [],
    });
    expect(
      parseReleaseGatePolicyAnnotation(' minRemainingBudget = 0.25 ,'),
    ).toEqual({ policy: { minRemainingBudget: 0.25 }, problems: [] });
    expect(
      parseReleaseGatePolicyAnnotation('minRemainingBudget=12.5 %').policy,
    ).toEqual({ minRemainingBudget: 0.125 });
    expect(
      parseReleaseGatePolicyAnnotation(
        'minRemainingBudget=0, blockOnPageAlert=true',
      ).policy,
    ).toEqual({ minRemainingBudget: 0, blockOnPageAlert: true });
  });

  it('names every setting it cannot read, and keeps the others', () => {
    expect(
      parseReleaseGatePolicyAnnotation(
        'minRemainingBudget=150%, blockOnPageAlert=yes, maxBurn=2, blockOnPageAlert=false',
      ),
    ).toEqual({
      policy: { blockOnPageAlert: false },
      problems: [
        'annotation triad.dev/release-gate-policy: minRemainingBudget: "150%" is not a share of the budget between 0 and 1 (e.g. 0.1 or 10%)',
        'annotation triad.dev/release-gate-policy: blockOnPageAlert: "yes" is not true or false',
        'annotation triad.dev/release-gate-policy: "maxBurn" is not a setting; expected minRemainingBudget or blockOnPageAlert',
      ],
    });
    expect(
      parseReleaseGatePolicyAnnotation('minRemainingBudget=-0.1').problems,
    ).toHaveLength(1);
    expect(
      parseReleaseGatePolicyAnnotation('minRemainingBudget').problems,
    ).toEqual([
      'annotation triad.dev/release-gate-policy: minRemainingBudget: "" is not a share of the budget between 0 and 1 (e.g. 0.1 or 10%)',
    ]);
    expect(parseReleaseGatePolicyAnnotation(' , ')).toEqual({
      policy: {},
      problems: [
        'annotation triad.dev/release-gate-policy: is empty; expected e.g. minRemainingBudget=10%, blockOnPageAlert=false',
      ],
    });
  });
});
