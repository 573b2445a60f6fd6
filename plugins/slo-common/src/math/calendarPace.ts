/** How spending in a calendar period compares with spending evenly. */
export type CalendarPace = 'ahead' | 'on-track' | 'behind';

/** Pace of a calendar period, with the numbers behind it. */
export interface CalendarPaceResult {
  pace: CalendarPace;
  /** Share of the period elapsed. */
  elapsedFraction: number;
  /** Share of the period's budget spent so far: the objective's `consumed`. */
  spentFraction: number;
}

/**
 * Compares the budget spent with the time elapsed: spending exactly evenly
 * uses a share of the budget equal to the share of the period gone.
 * `tolerance` is the relative band counted as on track (default ±10 %).
 */
export function calendarPace(
  consumed: number | undefined,
  elapsedFraction: number,
  tolerance = 0.1,
): CalendarPaceResult | undefined {
  if (consumed === undefined) return undefined;
  let pace: CalendarPace = 'on-track';
  if (consumed < elapsedFraction * (1 - tolerance)) pace = 'ahead';
  else if (consumed > elapsedFraction * (1 + tolerance)) pace = 'behind';
  return { pace, elapsedFraction, spentFraction: consumed };
}
