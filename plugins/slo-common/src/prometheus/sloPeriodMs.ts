import { FIXED_UNIT_MS, durationToMs, parseDuration } from '../math/duration';
import { SloTimeWindow } from '../openslo/schema';

const DAY = FIXED_UNIT_MS.d;

/**
 * The period burn-rate alert tiers are computed for, in the app and in
 * generated Prometheus rules alike, so that the page and the pager agree.
 * Rolling windows have their exact length. A calendar month, quarter or year
 * has no fixed length, and a rule file cannot change its thresholds every
 * month, so they count as 30, 90 and 365 days (a 28-day February then pages
 * at 2.1 % of its budget instead of 2 %, a 31-day month at 1.94 %). Budgets
 * themselves use the real length of the period.
 */
export function sloPeriodMs(window: SloTimeWindow): number {
  const parsed = parseDuration(window.duration);
  if (!parsed) throw new TypeError(`"${window.duration}" is not a duration`);
  switch (parsed.unit) {
    case 'M':
      return parsed.amount * 30 * DAY;
    case 'Q':
      return parsed.amount * 90 * DAY;
    case 'Y':
      return parsed.amount * 365 * DAY;
    default:
      return durationToMs(parsed);
  }
}
