import { periodAt } from './timeWindow';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const monthly = (timeZone: string) => ({
  type: 'calendar' as const,
  duration: '1M',
  startTime: '2026-01-01 00:00:00',
  timeZone,
});

describe('periodAt', () => {
  it('ends a rolling window at the evaluation time', () => {
    const at = new Date('2026-11-28T12:00:00Z');
    const p = periodAt({ type: 'rolling', duration: '28d' }, at);
    expect(p.start.toISOString()).toBe('2026-10-31T12:00:00.000Z');
    expect(p.end).toEqual(at);
    expect(p.lengthMs).toBe(28 * DAY);
    expect(p.elapsedFraction).toBe(1);
  });

  it.each([
    // February 2027 (not a leap year), April and January.
    ['2027-02-14T00:00:00Z', '2027-02-01T00:00:00.000Z', 28],
    ['2026-04-30T23:59:59Z', '2026-04-01T00:00:00.000Z', 30],
    ['2027-01-01T00:00:00Z', '2027-01-01T00:00:00.000Z', 31],
  ])('a calendar month at %s starts %s and has %p days', (at, start, days) => {
    const p = periodAt(monthly('UTC'), new Date(at));
    expect(p.start.toISOString()).toBe(start);
    expect(p.lengthMs).toBe(days * DAY);
  });

  it('takes month boundaries in the window time zone', () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Berlin (UTC+1).
    const p = periodAt(
      monthly('Europe/Berlin'),
      new Date('2026-11-30T23:30:00Z'),
    );
    expect(p.start.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    // Half an hour into a 31-day month.
    expect(p.elapsedFraction).toBeCloseTo(0.5 / (31 * 24), 12);
    // The same instant is still November in UTC.
    expect(
      periodAt(
        monthly('UTC'),
        new Date('2026-11-30T23:30:00Z'),
      ).start.toISOString(),
    ).toBe('2026-11-01T00:00:00.000Z');
  });

  it('gives a calendar day across a daylight-saving change its real length', () => {
    // Berlin leaves summer time on 25 October 2026: that day has 25 hours.
    const p = periodAt(
      {
        type: 'calendar',
        duration: '1d',
        startTime: '2026-01-01 00:00:00',
        timeZone: 'Europe/Berlin',
      },
      new Date('2026-10-25T12:00:00Z'),
    );
    expect(p.start.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(p.lengthMs).toBe(25 * HOUR);
  });

  it('aligns weeks and quarters to the start time', () => {
    // 2026-01-05 is a Monday; weeks run Monday to Monday.
    const week = periodAt(
      {
        type: 'calendar',
        duration: '1w',
        startTime: '2026-01-05 00:00:00',
        timeZone: 'UTC',
      },
      new Date('2026-11-28T10:00:00Z'),
    );
    expect(week.start.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(week.lengthMs).toBe(7 * DAY);
    const quarter = periodAt(
      {
        type: 'calendar',
        duration: '1Q',
        startTime: '2026-01-01 00:00:00',
        timeZone: 'UTC',
      },
      new Date('2026-11-28T10:00:00Z'),
    );
    expect(quarter.start.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    // October 31 + November 30 + December 31 days.
    expect(quarter.lengthMs).toBe(92 * DAY);
  });

  it('finds periods before the start time too', () => {
    const p = periodAt(monthly('UTC'), new Date('2025-12-15T00:00:00Z'));
    expect(p.start.toISOString()).toBe('2025-12-01T00:00:00.000Z');
  });
});
