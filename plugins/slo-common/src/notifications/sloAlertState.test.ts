import { SloResult } from '../api/types';
import { budgetLevel, sloAlertState } from './sloAlertState';

const thresholds = { warningBelow: 0.25, breachedBelow: 0 };

function objective(remaining: number | undefined, pageFiring = false) {
  return {
    index: 0,
    target: 0.999,
    budgetingMethod: 'Occurrences',
    budget: { remaining, totalTimeMs: 2_592_000 },
    alerts: [
      { name: 'page-fast', severity: 'page', factor: 14.4, firing: pageFiring },
      { name: 'ticket', severity: 'ticket', factor: 1, firing: true },
    ],
    status: 'healthy',
  };
}

const slo = (objectives: unknown[], extra: Partial<SloResult> = {}) =>
  ({ stale: false, objectives, ...extra } as unknown as SloResult);

describe('budgetLevel', () => {
  it('uses the warning threshold and "nothing left" as the SLO tab does', () => {
    expect(budgetLevel(0.25, thresholds)).toBe('ok');
    expect(budgetLevel(0.2499, thresholds)).toBe('low');
    expect(budgetLevel(0.0001, thresholds)).toBe('low');
    expect(budgetLevel(0, thresholds)).toBe('exhausted');
    expect(budgetLevel(-0.4, thresholds)).toBe('exhausted');
  });
});

describe('sloAlertState', () => {
  it('takes the objective with the least budget and any firing page tier', () => {
    expect(
      sloAlertState(slo([objective(0.9), objective(0.1, true)]), {
        thresholds,
        releaseBlocked: true,
      }),
    ).toEqual({ pageFiring: true, budget: 'low', releaseBlocked: true });
  });

  it('does not count a firing ticket tier as a page', () => {
    expect(
      sloAlertState(slo([objective(0.9)]), {
        thresholds,
        releaseBlocked: false,
      }),
    ).toEqual({ pageFiring: false, budget: 'ok', releaseBlocked: false });
  });

  it('has no budget level without data', () => {
    expect(
      sloAlertState(slo([objective(undefined)]), {
        thresholds,
        releaseBlocked: false,
      }),
    ).toEqual({ pageFiring: false, releaseBlocked: false });
  });

  it('gives no state for a stale or failed evaluation', () => {
    const options = { thresholds, releaseBlocked: false };
    expect(
      sloAlertState(slo([objective(0.9)], { stale: true }), options),
    ).toBeUndefined();
    expect(sloAlertState(slo([], { error: 'boom' }), options)).toBeUndefined();
  });
});
