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
      { periodErrorRatio: 0.002, windowErrorRatios: {} },
      {
        target: 0.999,
        budgetingMethod: 'Occurrences',
        period: month,
        calendar: true,
        tiers,
      },
    );
    // 15 of 30 days gone; errors at twice the budget ratio.
    expect(r.pace?.pace).toBe('behind');
    expect(r.pace?.elapsedFraction).toBeCloseTo(0.5, 12);
    expect(r.pace?.spentFraction).toBeCloseTo(1, 12);
    expect(r.status).toBe('breached');
  });
});
