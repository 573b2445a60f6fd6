import { calendarPace } from './calendarPace';
import { sloStatus } from './status';

describe('sloStatus', () => {
  it.each([
    [undefined, false, 'no-data'],
    [0.9, false, 'healthy'],
    [0.9, true, 'warning'],
    [0.1, false, 'warning'],
    [0, false, 'warning'],
    [-0.01, false, 'breached'],
  ])(
    'remaining %p with page firing %p is %s',
    (remaining, pageFiring, status) => {
      expect(sloStatus(remaining, { pageFiring })).toBe(status);
    },
  );

  it('takes configured thresholds', () => {
    const thresholds = { warningBelow: 0.5, breachedBelow: 0.1 };
    expect(sloStatus(0.4, { thresholds })).toBe('warning');
    expect(sloStatus(0.05, { thresholds })).toBe('breached');
  });
});

describe('calendarPace', () => {
  it('is on track when spending exactly evenly', () => {
    // Errors at exactly the budget ratio, halfway through: half the budget spent.
    const r = calendarPace(0.001, 0.001, 0.5)!;
    expect(r.spentFraction).toBeCloseTo(0.5, 12);
    expect(r.pace).toBe('on-track');
  });

  it('is ahead when spending slower than time passes', () => {
    // Errors at half the budget ratio, 40 % in: 20 % spent.
    const r = calendarPace(0.0005, 0.001, 0.4)!;
    expect(r.spentFraction).toBeCloseTo(0.2, 12);
    expect(r.pace).toBe('ahead');
  });

  it('is behind when spending faster', () => {
    // Errors at twice the budget ratio, 30 % in: 60 % spent.
    const r = calendarPace(0.002, 0.001, 0.3)!;
    expect(r.spentFraction).toBeCloseTo(0.6, 12);
    expect(r.pace).toBe('behind');
  });

  it('has no pace without data', () => {
    expect(calendarPace(undefined, 0.001, 0.3)).toBeUndefined();
  });
});
