import { burnDown } from './burnDown';

const HOUR = 3_600_000;

describe('burnDown', () => {
  const period = {
    start: new Date(0),
    end: new Date(4 * HOUR),
    lengthMs: 4 * HOUR,
    elapsedFraction: 1,
  };

  it('accumulates SLI and spends the budget of the whole period', () => {
    // Four hours of 1000 events; 2, 0, 4 and 0 bad. Target 99 %: budget = 1 % of
    // 4000 = 40 bad events.
    const points = burnDown(
      [
        { start: 0, good: 998, total: 1000 },
        { start: HOUR, good: 1000, total: 1000 },
        { start: 2 * HOUR, good: 996, total: 1000 },
        { start: 3 * HOUR, good: 1000, total: 1000 },
      ],
      0.99,
      period,
      HOUR,
    );
    expect(points.map(p => p.t / HOUR)).toEqual([1, 2, 3, 4]);
    // SLI: 998/1000, 1998/2000, 2994/3000, 3994/4000.
    expect(points.map(p => p.sli)).toEqual([0.998, 0.999, 0.998, 0.9985]);
    // Remaining: 1 − 2/40, 1 − 2/40, 1 − 6/40, 1 − 6/40.
    points.forEach((p, i) =>
      expect(p.remaining).toBeCloseTo([0.95, 0.95, 0.85, 0.85][i], 12),
    );
    expect(points.map(p => p.idealRemaining)).toEqual([0.75, 0.5, 0.25, 0]);
  });

  it('projects the budget of a calendar period from the traffic so far', () => {
    // Half of a 4-hour period gone, 2000 events so far: projected 4000, budget 40.
    const points = burnDown(
      [
        { start: 0, good: 990, total: 1000 },
        { start: HOUR, good: 1000, total: 1000 },
      ],
      0.99,
      { ...period, elapsedFraction: 0.5 },
      HOUR,
    );
    expect(points[1].remaining).toBeCloseTo(1 - 10 / 40, 12);
    expect(points[1].idealRemaining).toBe(0.5);
  });

  it('has no SLI or budget before there is traffic', () => {
    const [p] = burnDown([{ start: 0, good: 0, total: 0 }], 0.99, period, HOUR);
    expect(p.sli).toBeUndefined();
    expect(p.remaining).toBeUndefined();
    expect(p.idealRemaining).toBe(0.75);
  });
});
