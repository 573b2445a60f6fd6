import { SloObjectiveResult, SloResult } from '../api/types';
import { summarize } from './summarize';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const rolling = {
  timeWindow: { type: 'rolling', duration: '30d' },
  period: { lengthMs: 30 * DAY },
} as Pick<SloResult, 'timeWindow' | 'period'>;

const objective = (o: Partial<SloObjectiveResult>) =>
  ({ target: 0.999, alerts: [], ...o } as unknown as SloObjectiveResult);

describe('summarize', () => {
  it('explains the numbers in words', () => {
    expect(
      summarize(
        objective({
          sli: 0.9995,
          budget: { remaining: 0.5, totalTimeMs: 1 },
          burnRate: 20,
          timeToExhaustionMs: 18 * HOUR,
          exhaustedWithinPeriod: true,
        }),
        rolling,
      ),
    ).toBe(
      '50.0 % of the error budget is left. It is burning at 20.0×, faster than the pace that would spend exactly the whole budget in one period. At the current rate the budget is gone in 18 hours.',
    );
    expect(
      summarize(objective({ budget: { totalTimeMs: 1 } }), rolling),
    ).toMatch(/No traffic/);
    expect(
      summarize(
        objective({ budget: { remaining: 0.9, totalTimeMs: 1 }, burnRate: 0 }),
        rolling,
      ),
    ).toMatch(/Nothing is burning it right now/);
  });

  it('says an overspent budget and an SLI below target plainly', () => {
    expect(
      summarize(
        objective({
          sli: 0.997,
          budget: { remaining: -2, totalTimeMs: 1 },
          burnRate: 3,
          timeToExhaustionMs: 0,
        }),
        rolling,
      ),
    ).toBe(
      'The error budget is overspent: 200.0 % more than the period allows has been used. The SLI so far, 99.700 %, is below the 99.900 % target: if the period ended now it would miss its objective.',
    );
  });

  it('says when the budget outlasts the window', () => {
    expect(
      summarize(
        objective({
          sli: 0.9999,
          budget: { remaining: 0.9, totalTimeMs: 1 },
          burnRate: 0.5,
          timeToExhaustionMs: 54 * DAY,
          exhaustedWithinPeriod: false,
        }),
        rolling,
      ),
    ).toMatch(
      /At the current rate it lasts more than 30 days, longer than the window\.$/,
    );
  });

  it('says "less than 1 %" for a period that has only just begun', () => {
    expect(
      summarize(
        objective({
          sli: 0.95,
          target: 0.9995,
          budget: { remaining: 0.953, totalTimeMs: 1 },
          pace: {
            pace: 'behind',
            elapsedFraction: 0.0004,
            spentFraction: 0.047,
          },
        }),
        {
          timeWindow: {
            type: 'calendar',
            duration: '1M',
            startTime: '2026-01-01 00:00:00',
            timeZone: 'UTC',
          },
          period: { lengthMs: 31 * DAY },
        } as Pick<SloResult, 'timeWindow' | 'period'>,
      ),
    ).toMatch(
      /This calendar period is less than 1 % over and 5 % of its budget is spent: behind\.$/,
    );
  });

  it('adds the calendar pace from the same consumed share', () => {
    expect(
      summarize(
        objective({
          sli: 0.9986,
          target: 0.9995,
          budget: { remaining: 0.7312, totalTimeMs: 1 },
          pace: {
            pace: 'behind',
            elapsedFraction: 3 / 31,
            spentFraction: 0.2688,
          },
        }),
        {
          timeWindow: {
            type: 'calendar',
            duration: '1M',
            startTime: '2026-01-01 00:00:00',
            timeZone: 'UTC',
          },
          period: { lengthMs: 31 * DAY },
        } as Pick<SloResult, 'timeWindow' | 'period'>,
      ),
    ).toBe(
      '73.1 % of the error budget is left. Nothing is burning it right now. The SLI so far, 99.860 %, is below the 99.950 % target: if the period ended now it would miss its objective. This calendar period is 10 % over and 27 % of its budget is spent: behind.',
    );
  });
});
