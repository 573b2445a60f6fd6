import {
  budgetAllowance,
  budgetConsumed,
  budgetRemaining,
  budgetTimeMs,
  burnRate,
  errorBudgetRatio,
  errorRatio,
  sli,
  timeToExhaustionMs,
} from './budget';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('budget arithmetic', () => {
  it('computes SLI and error ratio from counts', () => {
    // 990 good of 1000: 99 % good, 1 % bad.
    expect(sli({ good: 990, total: 1000 })).toBeCloseTo(0.99, 12);
    expect(errorRatio({ good: 990, total: 1000 })).toBeCloseTo(0.01, 12);
  });

  it('treats zero traffic as no data, never 0 %, 100 % or NaN', () => {
    const none = { good: 0, total: 0 };
    expect(sli(none)).toBeUndefined();
    expect(errorRatio(none)).toBeUndefined();
    expect(burnRate(errorRatio(none), 0.999)).toBeUndefined();
    expect(budgetRemaining(errorRatio(none), 0.999, 1)).toBeUndefined();
    expect(timeToExhaustionMs(undefined, 30 * DAY, undefined)).toBeUndefined();
  });

  it('gives the budget in time from the reference table', () => {
    // 0.1 % of 30 days = 0.001 × 43,200 min = 43.2 min
    expect(budgetTimeMs(0.999, 30 * DAY) / MINUTE).toBeCloseTo(43.2, 9);
    // 0.1 % of 28 days = 0.001 × 40,320 min = 40.32 min
    expect(budgetTimeMs(0.999, 28 * DAY) / MINUTE).toBeCloseTo(40.32, 9);
    // 1 % of 30 days = 432 min
    expect(budgetTimeMs(0.99, 30 * DAY) / MINUTE).toBeCloseTo(432, 9);
  });

  it('gives the budget in events of the whole period', () => {
    // 99.9 % of 2,000,000 requests may fail 2,000 times.
    expect(budgetAllowance(0.999, 2_000_000, 1)).toBeCloseTo(2000, 6);
    // Half a calendar period gone with 1,000,000 so far: 2,000,000 projected.
    expect(budgetAllowance(0.999, 1_000_000, 0.5)).toBeCloseTo(2000, 6);
    expect(budgetAllowance(0.999, 0, 0)).toBeUndefined();
  });

  it("spends a calendar period's budget in proportion to the time gone", () => {
    // Errors at twice the budget ratio for a quarter of the period spend half
    // of the whole period's budget.
    expect(budgetConsumed(0.002, 0.999, 0.25)).toBeCloseTo(0.5, 9);
    expect(budgetRemaining(0.002, 0.999, 0.25)).toBeCloseTo(0.5, 9);
  });

  it('computes burn rate as error ratio over budget ratio', () => {
    // 1.44 % errors against a 0.1 % budget burns 14.4 times too fast.
    expect(burnRate(0.0144, 0.999)).toBeCloseTo(14.4, 9);
    expect(burnRate(0, 0.999)).toBe(0);
  });

  it('shows an overspent budget as negative, not clamped', () => {
    // 3 bad in 1000 against 0.1 %: three budgets spent, two more than allowed.
    const e = errorRatio({ good: 997, total: 1000 });
    expect(budgetConsumed(e, 0.999, 1)).toBeCloseTo(3, 9);
    expect(budgetRemaining(e, 0.999, 1)).toBeCloseTo(-2, 9);
  });

  it('computes time to exhaustion from the reference table', () => {
    // Full budget over 30 days: 720 h / 14.4 = 50 h, / 6 = 5 d, / 1 = 30 d.
    expect(timeToExhaustionMs(1, 30 * DAY, 14.4)! / HOUR).toBeCloseTo(50, 9);
    expect(timeToExhaustionMs(1, 30 * DAY, 6)! / DAY).toBeCloseTo(5, 9);
    expect(timeToExhaustionMs(1, 30 * DAY, 1)! / DAY).toBeCloseTo(30, 9);
    // Half the budget left at 2×: 0.5 × 30 d / 2 = 7.5 d.
    expect(timeToExhaustionMs(0.5, 30 * DAY, 2)! / DAY).toBeCloseTo(7.5, 9);
  });

  it('never runs out when nothing burns, and is already out when overspent', () => {
    expect(timeToExhaustionMs(0.8, 30 * DAY, 0)).toBeUndefined();
    expect(timeToExhaustionMs(-0.5, 30 * DAY, 3)).toBe(0);
  });

  it('refuses targets that leave no budget', () => {
    expect(() => errorBudgetRatio(1)).toThrow(/between 0/);
    expect(() => errorBudgetRatio(-0.1)).toThrow(/between 0/);
    expect(errorBudgetRatio(0)).toBe(1);
    expect(() => errorBudgetRatio(99.9)).toThrow(/between 0/);
  });
});
