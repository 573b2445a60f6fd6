/**
 * Error-budget arithmetic. Every function is pure. Where an input has no
 * defined answer (no traffic, a burn rate of zero) the result is `undefined`,
 * never NaN or Infinity, so that "no data" cannot be mistaken for 0 % or 100 %.
 */

/** Good and total event counts over some window. */
export interface EventCounts {
  good: number;
  total: number;
}

/** The allowed error ratio of a target: `1 − target`. */
export function errorBudgetRatio(target: number): number {
  if (!(target > 0 && target < 1)) {
    throw new RangeError(
      `target must be between 0 and 1 (exclusive), got ${target}`,
    );
  }
  return 1 - target;
}

/** SLI = good / total; undefined when there was no traffic. */
export function sli(counts: EventCounts): number | undefined {
  return counts.total > 0 ? counts.good / counts.total : undefined;
}

/** Error ratio = bad / total; undefined when there was no traffic. */
export function errorRatio(counts: EventCounts): number | undefined {
  return counts.total > 0
    ? (counts.total - counts.good) / counts.total
    : undefined;
}

/**
 * Burn rate: how many times faster than "exactly the budget over the period"
 * errors are spent. 1 spends the whole budget in one period.
 */
export function burnRate(
  ratio: number | undefined,
  target: number,
): number | undefined {
  return ratio === undefined ? undefined : ratio / errorBudgetRatio(target);
}

/** Share of the budget consumed over the period (above 1 when overspent). */
export function budgetConsumed(
  ratio: number | undefined,
  target: number,
): number | undefined {
  return burnRate(ratio, target);
}

/** Share of the budget left: `1 − consumed`; negative when overspent. */
export function budgetRemaining(
  ratio: number | undefined,
  target: number,
): number | undefined {
  const consumed = budgetConsumed(ratio, target);
  return consumed === undefined ? undefined : 1 - consumed;
}

/** The budget in events: bad events allowed among `total`. */
export function budgetEvents(target: number, total: number): number {
  return errorBudgetRatio(target) * total;
}

/** The budget in time: how long the service may be fully down per period. */
export function budgetTimeMs(target: number, periodMs: number): number {
  return errorBudgetRatio(target) * periodMs;
}

/**
 * Time until the remaining budget is gone at a constant burn rate:
 * `remaining × period / burnRate`. 0 when already exhausted; undefined when
 * nothing is burning (it never runs out) or there is no data.
 */
export function timeToExhaustionMs(
  remaining: number | undefined,
  periodMs: number,
  rate: number | undefined,
): number | undefined {
  if (remaining === undefined || rate === undefined) return undefined;
  if (remaining <= 0) return 0;
  if (rate <= 0) return undefined;
  return (remaining * periodMs) / rate;
}
