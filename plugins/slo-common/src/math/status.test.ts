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
    // Half the budget spent halfway through.
    const r = calendarPace(0.5, 0.5)!;
    expect(r.spentFraction).toBeCloseTo(0.5, 12);
    expect(r.pace).toBe('on-track');
  });

  it('is ahead when spending slower than time passes', () => {
    // 20 % spent 40 % in.
    const r = calendarPace(0.2, 0.4)!;
    expect(r.spentFraction).toBeCloseTo(0.2, 12);
    expect(r.pace).toBe('ahead');
  });

  it('is behind when spending faster', () => {
    // 60 % spent 30 % in.
    const r = calendarPace(0.6, 0.3)!;
    expect(r.spentFraction).toBeCloseTo(0.6, 12);
    expect(r.pace).toBe('behind');
  });

  it('has no pace without data', () => {
    expect(calendarPace(undefined, 0.3)).toBeUndefined();
  });
});
