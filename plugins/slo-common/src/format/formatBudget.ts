import { SloObjectiveResult, SloResult } from '../api/types';
import { formatCount, formatPercent } from './formatPercent';
import { humanizeDuration } from './humanizeDuration';

/*
 * An objective's budget in words. Every figure is a view of the objective's
 * one `consumed` share (see budgetAllowance), so the words never disagree with
 * the percentage beside them.
 */

/** "73.1 % of budget left", "Overspent by 27.2 %" or "No data". */
export function formatBudgetLeft(remaining: number | undefined): string {
  if (remaining === undefined) return 'No data';
  return remaining < 0
    ? `Overspent by ${formatPercent(-remaining, 1)}`
    : `${formatPercent(remaining, 1)} of budget left`;
}

/** "22 minutes 19 seconds allowed, 16 minutes 19 seconds left" or "…, all used". */
export function formatBudgetInTime(o: SloObjectiveResult): string {
  const { remainingTimeMs, totalTimeMs } = o.budget;
  if (remainingTimeMs === undefined) return '–';
  const allowed = `${humanizeDuration(totalTimeMs)} allowed`;
  return remainingTimeMs > 0
    ? `${allowed}, ${humanizeDuration(remainingTimeMs)} left`
    : `${allowed}, all used`;
}

function spentOfAllowed(
  consumed: number,
  allowed: number,
  unit: string,
  digits: number,
): string {
  const spent = consumed * allowed;
  const a = `${formatCount(allowed, digits)} allowed`;
  return spent > allowed
    ? `${formatCount(spent, digits)} ${unit}, ${a} (${formatCount(
        spent - allowed,
        digits,
      )} over)`
    : `${formatCount(spent, digits)} ${unit} of ${a}`;
}

/**
 * The budget in the unit it is counted in: "1,200 bad events of 4,464
 * allowed", "50 bad slices, 43.2 allowed (6.8 over)"; undefined when the
 * method counts neither.
 */
export function formatBudgetInUnits(o: SloObjectiveResult): string | undefined {
  const { consumed, totalEvents, totalSlices } = o.budget;
  if (totalSlices !== undefined) {
    return consumed === undefined
      ? `${formatCount(totalSlices, 1)} bad slices allowed`
      : spentOfAllowed(consumed, totalSlices, 'bad slices', 1);
  }
  if (totalEvents !== undefined) {
    return consumed === undefined
      ? 'no events yet'
      : spentOfAllowed(consumed, totalEvents, 'bad events', 0);
  }
  return undefined;
}

/**
 * When the budget runs out at the current rate: "5 hours 26 minutes",
 * "already exhausted", "not burning", "not before the period ends" (calendar)
 * or "more than 28 days" (a rolling window's length).
 */
export function formatTimeToExhaustion(
  o: SloObjectiveResult,
  slo: Pick<SloResult, 'timeWindow' | 'period'>,
): string {
  if (o.budget.remaining === undefined) return 'no data';
  if (o.budget.remaining <= 0) return 'already exhausted';
  if (o.timeToExhaustionMs === undefined) return 'not burning';
  if (o.exhaustedWithinPeriod === false) {
    return slo.timeWindow.type === 'calendar'
      ? 'not before the period ends'
      : `more than ${humanizeDuration(slo.period.lengthMs)}`;
  }
  return humanizeDuration(o.timeToExhaustionMs);
}
