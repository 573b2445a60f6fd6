import { timeAxis } from './timeAxis';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dec1 = Date.UTC(2026, 11, 1);

describe('timeAxis', () => {
  it('labels a span of hours with times, midnight with its date', () => {
    // 1 Dec 00:00 to 2 Dec 00:00, every 6 hours.
    const { ticks, format } = timeAxis(dec1, dec1 + DAY);
    expect(ticks.map(format)).toEqual([
      '1 Dec',
      '06:00',
      '12:00',
      '18:00',
      '2 Dec',
    ]);
  });

  it('labels the first minutes of a period every few minutes', () => {
    // 23:01 to 23:20: every 5 minutes.
    const start = dec1 + 23 * HOUR + 60_000;
    const { ticks, format } = timeAxis(start, start + 19 * 60_000);
    expect(ticks.map(format)).toEqual(['23:05', '23:10', '23:15', '23:20']);
  });

  it('labels a span of days with dates and never repeats one', () => {
    // 1 Dec 00:00 to 4 Dec 18:00 used to show "Dec 2" twice.
    const { ticks, format } = timeAxis(dec1, dec1 + 3.75 * DAY);
    expect(ticks.map(format)).toEqual(['1 Dec', '2 Dec', '3 Dec', '4 Dec']);
    const labels = timeAxis(dec1 + 5 * HOUR, dec1 + 30 * DAY).ticks.map(
      timeAxis(dec1 + 5 * HOUR, dec1 + 30 * DAY).format,
    );
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.length).toBeLessThanOrEqual(8);
  });

  it('never gives more ticks than asked, however long the span', () => {
    for (const span of [HOUR, 7 * DAY, 28 * DAY, 92 * DAY, 365 * DAY]) {
      const { ticks, format } = timeAxis(dec1, dec1 + span);
      expect(ticks.length).toBeLessThanOrEqual(8);
      expect(new Set(ticks.map(format)).size).toBe(ticks.length);
    }
  });
});
