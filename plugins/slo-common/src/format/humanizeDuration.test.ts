import { humanizeDuration } from './humanizeDuration';

describe('humanizeDuration', () => {
  it.each([
    [500, 'less than a second'],
    [50 * 3_600_000, '2 days 2 hours'],
    [(3 * 24 + 4) * 3_600_000 + 59_000, '3 days 4 hours'],
    [3 * 86_400_000, '3 days'],
    [90 * 60_000, '1 hour 30 minutes'],
    [61_000, '1 minute 1 second'],
  ])('writes %p ms as %s', (ms, text) => {
    expect(humanizeDuration(ms)).toBe(text);
  });
});
