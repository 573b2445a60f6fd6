import { alertTiersForPeriod } from './alertTiers';
import { evaluateObjective } from './evaluateObjective';
import { periodAt } from './timeWindow';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('evaluateObjective', () => {
  const at = new Date('2026-11-28T12:00:00Z');
  const period = periodAt({ type: 'rolling', duration: '30d' }, at);
  const tiers = alertTiersForPeriod(period.lengthMs);

  it('works out budget, burn rates, alerts and time to exhaustion', () => {
    const r = evaluateObjective(
      {
        // 500 bad of 1,000,000 over 30 days: 0.05 %, half of a 0.1 % budget.
        periodErrorRatio: 0.0005,
        periodTotalEvents: 1_000_000,
        windowErrorRatios: {
          [HOUR]: 0.02, // 20× burn
          [5 * MINUTE]: 0.03, // 30×
          [6 * HOUR]: 0.004, // 4×: below 6
          [30 * MINUTE]: 0.01,
          [DAY]: 0.001,
          [2 * HOUR]: 0.001,
          [3 * DAY]: 0.0005,
        },
      },
      {
        target: 0.999,
        budgetingMethod: 'Occurrences',
        period,
        calendar: false,
        tiers,
      },
    );
    expect(r.sli).toBeCloseTo(0.9995, 12);
    expect(r.budget.remaining).toBeCloseTo(0.5, 9);
    expect(r.budget.totalTimeMs / MINUTE).toBeCloseTo(43.2, 9);
    expect(r.budget.remainingTimeMs! / MINUTE).toBeCloseTo(21.6, 9);
    expect(r.budget.totalEvents).toBeCloseTo(1000, 6);
    expect(r.budget.remainingEvents).toBeCloseTo(500, 6);
    expect(r.burnRate).toBeCloseTo(20, 9);
    expect(r.burnRateWindowMs).toBe(HOUR);
    expect(r.alerts.map(a => [a.name, a.firing])).toEqual([
      ['page-fast', true],
      ['page-slow', false],
      ['ticket-fast', false],
      ['ticket-slow', false],
    ]);
    // 0.5 × 720 h / 20 = 18 h.
    expect(r.timeToExhaustionMs! / HOUR).toBeCloseTo(18, 9);
    // Half the budget left, but a page tier fires.
    expect(r.status).toBe('warning');
    expect(r.pace).toBeUndefined();
  });

  it('reports a quiet service as no data throughout', () => {
    const r = evaluateObjective(
      {
        periodErrorRatio: undefined,
        periodTotalEvents: 0,
        windowErrorRatios: {},
      },
      {
        target: 0.99,
        budgetingMethod: 'Occurrences',
        period,
        calendar: false,
        tiers,
      },
    );
    expect(r.status).toBe('no-data');
    expect(r.sli).toBeUndefined();
    expect(r.budget.remaining).toBeUndefined();
    expect(r.timeToExhaustionMs).toBeUndefined();
    expect(r.alerts.every(a => !a.firing)).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity|null/);
  });

  it('counts the budget in slices for Timeslices', () => {
    const r = evaluateObjective(
      {
        periodErrorRatio: 0.0002,
        periodJudgedSlices: 43_200,
        windowErrorRatios: {},
      },
      {
        target: 0.999,
        budgetingMethod: 'Timeslices',
        period,
        calendar: false,
        tiers,
        timeSliceMs: MINUTE,
      },
    );
    expect(r.budget.totalSlices).toBeCloseTo(43.2, 9);
    // 0.02 % of slices bad = 20 % of the budget; 80 % of 43.2 left.
    expect(r.budget.remainingSlices).toBeCloseTo(34.56, 9);
    expect(r.status).toBe('healthy');
  });

  it('adds the pace for calendar windows', () => {
    const month = periodAt(
      {
        type: 'calendar',
        duration: '1M',
        startTime: '2026-01-01 00:00:00',
        timeZone: 'UTC',
      },
      new Date('2026-11-16T00:00:00Z'),
    );
    const r = evaluateObjective(
      { periodErrorRatio: 0.003, windowErrorRatios: {} },
      {
        target: 0.999,
        budgetingMethod: 'Occurrences',
        period: month,
        calendar: true,
        tiers,
      },
    );
    // 15 of 30 days gone at three times the budget ratio: 3 × 0.5 = 1.5
    // budgets spent, half a budget more than the whole month allows.
    expect(r.pace?.pace).toBe('behind');
    expect(r.pace?.elapsedFraction).toBeCloseTo(0.5, 12);
    expect(r.pace?.spentFraction).toBeCloseTo(1.5, 12);
    expect(r.budget.remaining).toBeCloseTo(-0.5, 12);
    expect(r.status).toBe('breached');
  });

  it('gives one budget for a calendar month, whichever way it is counted', () => {
    // December 2026 (31 days), 99.95 %, 200 requests a minute, 1,200 failed in
    // the first three days.
    const december = periodAt(
      {
        type: 'calendar',
        duration: '1M',
        startTime: '2026-01-01 00:00:00',
        timeZone: 'UTC',
      },
      new Date('2026-12-04T00:00:00Z'),
    );
    const soFar = 3 * 1440 * 200; // 864,000 requests
    const r = evaluateObjective(
      {
        periodErrorRatio: 1200 / soFar,
        periodTotalEvents: soFar,
        windowErrorRatios: { [HOUR]: 0.05, [5 * MINUTE]: 0.05 },
      },
      {
        target: 0.9995,
        budgetingMethod: 'Occurrences',
        period: december,
        calendar: true,
        tiers: alertTiersForPeriod(30 * DAY).slice(0, 1),
      },
    );
    // The month is projected to hold 864,000 × 31 / 3 = 8,928,000 requests, of
    // which 0.05 % = 4,464 may fail; 1,200 have: 26.88 % spent.
    expect(r.budget.totalEvents).toBeCloseTo(4464, 6);
    expect(r.budget.consumed).toBeCloseTo(1200 / 4464, 12);
    expect(r.budget.remaining).toBeCloseTo(3264 / 4464, 12);
    expect(r.budget.remainingEvents).toBeCloseTo(3264, 6);
    // 0.05 % of 31 days = 22.32 min; 73.12 % of it left.
    expect(r.budget.totalTimeMs / MINUTE).toBeCloseTo(22.32, 9);
    expect(r.budget.remainingTimeMs! / MINUTE).toBeCloseTo(
      (22.32 * 3264) / 4464,
      9,
    );
    // The SLI stays the month so far: 1,200 of 864,000 failed.
    expect(r.sli).toBeCloseTo(1 - 1200 / 864_000, 12);
    // The pace sentence reads the same share: 26.88 % spent with 3/31 = 9.68 %
    // of the month gone.
    expect(r.pace?.spentFraction).toBeCloseTo(1200 / 4464, 12);
    expect(r.pace?.pace).toBe('behind');
    // Burning at 100× (5 % errors against 0.05 %): 0.7312 × 31 d / 100 = 5.44 h,
    // well before the month ends.
    expect(r.timeToExhaustionMs! / HOUR).toBeCloseTo(
      ((3264 / 4464) * 31 * 24) / 100,
      9,
    );
    expect(r.exhaustedWithinPeriod).toBe(true);
  });

  it('says when the budget outlasts the period at the current rate', () => {
    const r = evaluateObjective(
      {
        periodErrorRatio: 0.0001,
        periodTotalEvents: 1000,
        windowErrorRatios: { [HOUR]: 0.0005, [5 * MINUTE]: 0.0005 },
      },
      {
        target: 0.999,
        budgetingMethod: 'Occurrences',
        period,
        calendar: false,
        tiers: tiers.slice(0, 1),
      },
    );
    // 90 % left burning at 0.5×: 0.9 × 30 d / 0.5 = 54 days, longer than the
    // 30-day window.
    expect(r.timeToExhaustionMs! / DAY).toBeCloseTo(54, 9);
    expect(r.exhaustedWithinPeriod).toBe(false);
  });
});
