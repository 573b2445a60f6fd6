import { SloObjectiveResult, SloResult } from '../api/types';
import {
  formatBudgetInTime,
  formatBudgetInUnits,
  formatBudgetLeft,
  formatTimeToExhaustion,
} from './formatBudget';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const objective = (
  budget: Partial<SloObjectiveResult['budget']>,
  extra: Partial<SloObjectiveResult> = {},
) =>
  ({
    budget: { totalTimeMs: 22.32 * MINUTE, ...budget },
    alerts: [],
    ...extra,
  } as unknown as SloObjectiveResult);

const rolling = {
  timeWindow: { type: 'rolling', duration: '28d' },
  period: { lengthMs: 28 * DAY },
} as Pick<SloResult, 'timeWindow' | 'period'>;
const calendar = {
  timeWindow: {
    type: 'calendar',
    duration: '1M',
    startTime: '2026-01-01 00:00:00',
    timeZone: 'UTC',
  },
  period: { lengthMs: 31 * DAY },
} as Pick<SloResult, 'timeWindow' | 'period'>;

describe('formatBudget', () => {
  it('writes the share left, an overspent budget and no data', () => {
    expect(formatBudgetLeft(0.7312)).toBe('73.1 % of budget left');
    expect(formatBudgetLeft(-1.272)).toBe('Overspent by 127.2 %');
    expect(formatBudgetLeft(undefined)).toBe('No data');
  });

  it('writes the budget in time as allowed and left, or all used', () => {
    // 0.05 % of 31 days = 22.32 min = 22 min 19.2 s.
    expect(
      formatBudgetInTime(
        objective({ remaining: 0.5, remainingTimeMs: 11.16 * MINUTE }),
      ),
    ).toBe('22 minutes 19 seconds allowed, 11 minutes 9 seconds left');
    expect(
      formatBudgetInTime(
        objective({ remaining: -1.272, remainingTimeMs: -28.39 * MINUTE }),
      ),
    ).toBe('22 minutes 19 seconds allowed, all used');
    expect(formatBudgetInTime(objective({}))).toBe('–');
  });

  it('writes events and slices as spent of allowed, and how far over', () => {
    // 1,200 of 4,464: 26.88 % consumed.
    expect(
      formatBudgetInUnits(
        objective({ consumed: 1200 / 4464, totalEvents: 4464 }),
      ),
    ).toBe('1,200 bad events of 4,464 allowed');
    // 1,200 bad with 528 allowed: 2.2727 budgets.
    expect(
      formatBudgetInUnits(
        objective({ consumed: 1200 / 528, totalEvents: 528 }),
      ),
    ).toBe('1,200 bad events, 528 allowed (672 over)');
    expect(
      formatBudgetInUnits(
        objective({ consumed: 50 / 43.2, totalSlices: 43.2 }),
      ),
    ).toBe('50 bad slices, 43.2 allowed (6.8 over)');
    expect(formatBudgetInUnits(objective({ consumed: 0.5 }))).toBeUndefined();
  });

  it('says when the budget runs out, and when it does not within the period', () => {
    const burning = (remaining: number, ms?: number, within?: boolean) =>
      objective(
        { remaining },
        { timeToExhaustionMs: ms, exhaustedWithinPeriod: within },
      );
    expect(
      formatTimeToExhaustion(
        burning(0.7, 5 * HOUR + 26 * MINUTE, true),
        calendar,
      ),
    ).toBe('5 hours 26 minutes');
    expect(formatTimeToExhaustion(burning(-0.2, 0, true), calendar)).toBe(
      'already exhausted',
    );
    expect(formatTimeToExhaustion(burning(0.9), rolling)).toBe('not burning');
    expect(
      formatTimeToExhaustion(burning(0.9, 1445 * DAY, false), calendar),
    ).toBe('not before the period ends');
    expect(
      formatTimeToExhaustion(burning(0.9, 1445 * DAY, false), rolling),
    ).toBe('more than 28 days');
    expect(formatTimeToExhaustion(objective({}), rolling)).toBe('no data');
  });
});
