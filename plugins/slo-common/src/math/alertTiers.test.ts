import {
  alertTiersForPeriod,
  alertTiersFromConditions,
  burnRateFactor,
  evaluateAlertTier,
} from './alertTiers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('multi-window multi-burn-rate tiers', () => {
  // Factors worked out by hand, k = p × T / w_L with T in hours: 0.02 × 720 / 1,
  // 0.05 × 720 / 6, 0.1 × 720 / 24, 0.1 × 720 / 72, and the same with 672 h.
  it.each([
    // 30 d = 720 h
    [30, 'page-fast', 14.4],
    [30, 'page-slow', 6],
    [30, 'ticket-fast', 3],
    [30, 'ticket-slow', 1],
    // 28 d = 672 h
    [28, 'page-fast', 13.44],
    [28, 'page-slow', 5.6],
    [28, 'ticket-fast', 2.8],
    [28, 'ticket-slow', 0.9333333333],
  ])('%p-day period, %s: factor %p', (days, name, expected) => {
    const tier = alertTiersForPeriod(days * DAY).find(t => t.name === name)!;
    expect(tier.factor).toBeCloseTo(expected, 9);
  });

  it('uses the long and short windows of the reference table', () => {
    const windows = alertTiersForPeriod(30 * DAY).map(t => [
      t.severity,
      t.longWindowMs / 60_000,
      t.shortWindowMs / 60_000,
    ]);
    expect(windows).toEqual([
      ['page', 60, 5],
      ['page', 360, 30],
      ['ticket', 1440, 120],
      ['ticket', 4320, 360],
    ]);
  });

  it('scales with calendar periods of any length', () => {
    // A 31-day month: 744 h × 2 % / 1 h = 14.88.
    expect(burnRateFactor(0.02, 31 * DAY, HOUR)).toBeCloseTo(14.88, 9);
  });

  it('fires only when both windows burn faster than the factor', () => {
    const [fast] = alertTiersForPeriod(30 * DAY);
    expect(evaluateAlertTier(fast, 20, 16).firing).toBe(true);
    // Long window high, short window recovered: the incident is over.
    expect(evaluateAlertTier(fast, 20, 2).firing).toBe(false);
    // Short spike only: not significant yet.
    expect(evaluateAlertTier(fast, 3, 50).firing).toBe(false);
    // Exactly at the factor does not fire.
    expect(evaluateAlertTier(fast, 14.4, 14.4).firing).toBe(false);
    // No data in a window never fires.
    expect(evaluateAlertTier(fast, undefined, 50).firing).toBe(false);
  });

  it('takes tiers from AlertPolicy burn-rate conditions', () => {
    const [tier] = alertTiersFromConditions([
      { name: 'fast', severity: 'page', threshold: 10, lookbackWindow: '2h' },
    ]);
    expect(tier).toEqual({
      name: 'fast',
      severity: 'page',
      factor: 10,
      longWindowMs: 2 * HOUR,
      shortWindowMs: 10 * 60_000,
    });
  });

  it('keeps the op and alertAfter of a condition, and fires at the factor with gte', () => {
    const [gt, gte] = alertTiersFromConditions([
      {
        name: 'gt',
        severity: 'page',
        op: 'gt',
        threshold: 10,
        lookbackWindow: '1h',
        alertAfter: '5m',
      },
      {
        name: 'gte',
        severity: 'page',
        op: 'gte',
        threshold: 10,
        lookbackWindow: '1h',
      },
    ]);
    expect(gt).toMatchObject({ op: 'gt', for: '5m' });
    expect(gte).not.toHaveProperty('for');
    expect(evaluateAlertTier(gt, 10, 10).firing).toBe(false);
    expect(evaluateAlertTier(gte, 10, 10).firing).toBe(true);
    expect(evaluateAlertTier(gte, 10, 9.99).firing).toBe(false);
  });
});
