import { budgetSpentAround } from './budgetSpentAround';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('budgetSpentAround', () => {
  it('compares the hour before with the hour after, on points at the window edges', () => {
    // Budget left 0.90 an hour before the deploy at 60 min, 0.88 at the
    // deploy, 0.70 an hour after: 2 % spent before, 18 % after.
    const spent = budgetSpentAround(
      [
        { t: 0, remaining: 0.9 },
        { t: 60 * MIN, remaining: 0.88 },
        { t: 90 * MIN, remaining: 0.8 },
        { t: 120 * MIN, remaining: 0.7 },
      ],
      60 * MIN,
      HOUR,
    );
    expect(spent.before).toBeCloseTo(0.02, 12);
    expect(spent.after).toBeCloseTo(0.18, 12);
    expect(spent.afterComplete).toBe(true);
  });

  it('reads between points in a straight line, whatever their order', () => {
    // Snapshots every 20 minutes, deploy at 70 min, windows 10..70 and 70..130.
    // At 10: halfway from 1.00 (0) to 0.98 (20) = 0.99.
    // At 70: halfway from 0.96 (60) to 0.94 (80) = 0.95.
    // At 130: halfway from 0.80 (120) to 0.70 (140) = 0.75.
    // Before: 0.99 − 0.95 = 0.04; after: 0.95 − 0.75 = 0.20.
    const spent = budgetSpentAround(
      [
        { t: 140 * MIN, remaining: 0.7 },
        { t: 0, remaining: 1 },
        { t: 20 * MIN, remaining: 0.98 },
        { t: 40 * MIN, remaining: 0.97 },
        { t: 60 * MIN, remaining: 0.96 },
        { t: 80 * MIN, remaining: 0.94 },
        { t: 100 * MIN, remaining: 0.9 },
        { t: 120 * MIN, remaining: 0.8 },
      ],
      70 * MIN,
      HOUR,
    );
    expect(spent.before).toBeCloseTo(0.04, 12);
    expect(spent.after).toBeCloseTo(0.2, 12);
    expect(spent.afterComplete).toBe(true);
  });

  it('reports the hour after so far while it is still running', () => {
    // Last point 30 minutes after the deploy: 0.88 − 0.85 = 3 % so far.
    const spent = budgetSpentAround(
      [
        { t: 0, remaining: 0.9 },
        { t: 60 * MIN, remaining: 0.88 },
        { t: 90 * MIN, remaining: 0.85 },
      ],
      60 * MIN,
      HOUR,
    );
    expect(spent.before).toBeCloseTo(0.02, 12);
    expect(spent.after).toBeCloseTo(0.03, 12);
    expect(spent.afterComplete).toBe(false);
  });

  it('leaves out a window the series does not cover, and skips points without data', () => {
    // Series starts 20 minutes before the deploy: no "before". The point
    // without a remaining budget (no data) is not read as zero.
    const spent = budgetSpentAround(
      [
        { t: 40 * MIN, remaining: 0.9 },
        { t: 60 * MIN, remaining: 0.9 },
        { t: 90 * MIN },
        { t: 120 * MIN, remaining: 0.6 },
      ],
      60 * MIN,
      HOUR,
    );
    expect(spent).toEqual({
      before: undefined,
      after: expect.closeTo(0.3, 12),
      afterComplete: true,
    });
    // Nothing at or after the deploy yet: no figure at all.
    expect(
      budgetSpentAround([{ t: 0, remaining: 0.9 }], 60 * MIN, HOUR),
    ).toEqual({ afterComplete: false });
    expect(budgetSpentAround([], 60 * MIN, HOUR)).toEqual({
      afterComplete: false,
    });
  });

  it('shows budget given back as a negative figure', () => {
    // Old bad events leave a rolling window: 0.50 → 0.55 over the hour after.
    const spent = budgetSpentAround(
      [
        { t: 0, remaining: 0.5 },
        { t: HOUR, remaining: 0.5 },
        { t: 2 * HOUR, remaining: 0.55 },
      ],
      HOUR,
      HOUR,
    );
    expect(spent.before).toBe(0);
    expect(spent.after).toBeCloseTo(-0.05, 12);
  });
});
