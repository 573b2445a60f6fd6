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

/**
 * The allowed error ratio of a target: `1 − target`. OpenSLO allows targets
 * in [0, 1): 0 budgets every event; 1 would leave no budget at all.
 */
export function errorBudgetRatio(target: number): number {
  if (!(target >= 0 && target < 1)) {
    throw new RangeError(
      `target must be between 0 (inclusive) and 1 (exclusive), got ${target}`,
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

/*
 * The one definition of an error budget, used by every figure Triad shows:
 *
 * The budget is always the whole period's: a share `EB` of everything the
 * period holds. A rolling window has fully elapsed when it is measured
 * (`elapsedFraction` = 1). A calendar period is still under way, so its total
 * is projected from the traffic so far: the period allows
 * `EB × total / elapsedFraction` bad events (or slices), and the share spent is
 * `consumed = (e / EB) × elapsedFraction`, `remaining = 1 − consumed`. The SLI
 * itself stays period-to-date. README.md works an example.
 */

/**
 * Bad events (or slices) the whole period allows: `EB × total / elapsedFraction`,
 * where `total` is what the period held so far. Undefined before anything of
 * the period has elapsed.
 */
export function budgetAllowance(
  target: number,
  totalSoFar: number,
  elapsedFraction: number,
): number | undefined {
  return elapsedFraction > 0
    ? (errorBudgetRatio(target) * totalSoFar) / elapsedFraction
    : undefined;
}

/**
 * Share of the period's budget consumed: `(e / EB) × elapsedFraction`; above 1
 * when overspent.
 */
export function budgetConsumed(
  ratio: number | undefined,
  target: number,
  elapsedFraction: number,
): number | undefined {
  const rate = burnRate(ratio, target);
  return rate === undefined ? undefined : rate * elapsedFraction;
}

/** Share of the period's budget left: `1 − consumed`; negative when overspent. */
export function budgetRemaining(
  ratio: number | undefined,
  target: number,
  elapsedFraction: number,
): number | undefined {
  const consumed = budgetConsumed(ratio, target, elapsedFraction);
  return consumed === undefined ? undefined : 1 - consumed;
}

/** The budget in time: how long the service may be fully down per period. */
export function budgetTimeMs(target: number, periodMs: number): number {
  return errorBudgetRatio(target) * periodMs;
}

/**
 * Time until the remaining budget is gone at a constant burn rate:
 * `remaining × period / burnRate` (burning at `b` spends `b / T` of the
 * period's budget per unit of time, for rolling and calendar periods alike).
 * 0 when already exhausted; undefined when nothing is burning (it never runs
 * out) or there is no data.
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
