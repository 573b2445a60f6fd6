import { SloObjectiveResult } from '../api/types';
import {
  formatBurnRate,
  formatPercent,
  humanizeDuration,
  summarize,
} from './format';

describe('format', () => {
  it.each([
    [500, 'less than a second'],
    [50 * 3_600_000, '2 days 2 hours'],
    [(3 * 24 + 4) * 3_600_000 + 59_000, '3 days 4 hours'],
    [3 * 86_400_000, '3 days'],
    [90 * 60_000, '1 hour 30 minutes'],
    [61_000, '1 minute 1 second'],
  ])('humanizes %p ms as %s', (ms, text) => {
    expect(humanizeDuration(ms)).toBe(text);
  });

  it('formats percentages and burn rates', () => {
    expect(formatPercent(0.9995)).toBe('99.95 %');
    expect(formatPercent(undefined)).toBe('–');
    expect(formatBurnRate(14.4)).toBe('14.4×');
    expect(formatBurnRate(0.5)).toBe('0.50×');
  });

  const objective = (
    budget: object,
    burnRate?: number,
    timeToExhaustionMs?: number,
  ) =>
    ({
      budget,
      burnRate,
      timeToExhaustionMs,
      alerts: [],
    } as unknown as SloObjectiveResult);

  it('explains the numbers in words', () => {
    expect(summarize(objective({ remaining: 0.5 }, 20, 18 * 3_600_000))).toBe(
      '50.0 % of the error budget is left. It is burning at 20.0×, faster than the pace that would spend exactly the whole budget in one period. At the current rate the budget is gone in 18 hours.',
    );
    expect(summarize(objective({}))).toMatch(/No traffic/);
    expect(summarize(objective({ remaining: -0.25 }, 3))).toMatch(
      /overspent: 25.0 % more/,
    );
    expect(summarize(objective({ remaining: 0.9 }, 0))).toMatch(
      /nothing is burning/,
    );
  });
});
