import { SloResult } from '@triad/plugin-slo-common';
import { sloFacts } from './sloFacts';

type Objective = SloResult['objectives'][number];

const objective = (
  remaining: number | undefined,
  firing: { severity: string }[] = [],
): Objective =>
  ({
    budget: { remaining, totalTimeMs: 0 },
    alerts: [
      { name: 'quiet', severity: 'page', firing: false },
      ...firing.map((f, i) => ({ name: `t${i}`, ...f, firing: true })),
    ],
  } as unknown as Objective);

const slo = (status: SloResult['status'], objectives: Objective[]) =>
  ({ status, objectives } as unknown as SloResult);

describe('sloFacts', () => {
  it('says an entity without SLOs has none, with no budget to report', () => {
    expect(sloFacts([])).toEqual({
      hasSlo: false,
      sloCount: 0,
      minBudgetRemaining: null,
      pageTierFiring: false,
      breachedCount: 0,
    });
  });

  it('takes the least budget of every objective, overspent included, and ignores objectives without data', () => {
    const facts = sloFacts([
      slo('healthy', [objective(0.8), objective(undefined)]),
      slo('breached', [objective(-0.25)]),
      slo('no-data', [objective(undefined)]),
    ]);
    expect(facts).toEqual({
      hasSlo: true,
      sloCount: 3,
      minBudgetRemaining: -0.25,
      pageTierFiring: false,
      breachedCount: 1,
    });
  });

  it('counts only firing page tiers as paging', () => {
    expect(
      sloFacts([slo('warning', [objective(0.5, [{ severity: 'ticket' }])])])
        .pageTierFiring,
    ).toBe(false);
    expect(
      sloFacts([
        slo('healthy', [objective(0.9)]),
        slo('warning', [objective(0.5, [{ severity: 'page' }])]),
      ]).pageTierFiring,
    ).toBe(true);
  });
});
