/** How spending in a calendar period compares with spending evenly. */
export type CalendarPace = 'ahead' | 'on-track' | 'behind';

/** Pace of a calendar period, with the numbers behind it. */
export interface CalendarPaceResult {
  pace: CalendarPace;
  /** Share of the period elapsed. */
  elapsedFraction: number;
  /**
   * Projected share of the whole period's budget spent so far: the error ratio
   * since the period start, over the budget ratio, times the elapsed share
   * (traffic is assumed to continue at the rate seen so far).
   */
  spentFraction: number;
}

/**
 * Compares budget spent with time elapsed: spending exactly evenly uses a
 * share of the budget equal to the share of the period gone. `tolerance` is
 * the relative band counted as on track (default ±10 %).
 */
export function calendarPace(
  errorRatioSoFar: number | undefined,
  budgetRatio: number,
  elapsedFraction: number,
  tolerance = 0.1,
): CalendarPaceResult | undefined {
  if (errorRatioSoFar === undefined) return undefined;
  const spentFraction = (errorRatioSoFar / budgetRatio) * elapsedFraction;
  let pace: CalendarPace = 'on-track';
  if (spentFraction < elapsedFraction * (1 - tolerance)) pace = 'ahead';
  else if (spentFraction > elapsedFraction * (1 + tolerance)) pace = 'behind';
  return { pace, elapsedFraction, spentFraction };
}
