/** A point of a remaining-budget series: share of the period's budget left at `t`. */
export interface RemainingBudgetPoint {
  /** Epoch ms. */
  t: number;
  remaining?: number;
}

/** Budget spent in the windows either side of an instant (e.g. a deploy). */
export interface BudgetSpentAround {
  /**
   * Share of the period's budget spent in the window before the instant;
   * undefined when the series does not cover that window.
   */
  before?: number;
  /**
   * Share spent in the window after the instant; while that window is still
   * running, up to the last point (`afterComplete` is then false). Undefined
   * when the series has nothing after the instant.
   */
  after?: number;
  afterComplete: boolean;
}

/** Remaining budget at `t`, linear between the points either side. */
function remainingAt(
  points: readonly { t: number; remaining: number }[],
  t: number,
): number | undefined {
  const next = points.findIndex(p => p.t >= t);
  if (next < 0) return undefined;
  if (points[next].t === t) return points[next].remaining;
  if (next === 0) return undefined;
  const a = points[next - 1];
  const b = points[next];
  return a.remaining + ((t - a.t) / (b.t - a.t)) * (b.remaining - a.remaining);
}

/**
 * How much of the period's error budget was spent in the `windowMs` before
 * `atMs` and in the `windowMs` after it, as the fall of the remaining budget
 * over each window (read between the series' points in a straight line).
 * A rise (old bad events leaving a rolling window, a new calendar period)
 * shows as a negative figure: budget given back, never hidden.
 */
export function budgetSpentAround(
  series: readonly RemainingBudgetPoint[],
  atMs: number,
  windowMs: number,
): BudgetSpentAround {
  const points = series
    .filter((p): p is { t: number; remaining: number } =>
      Number.isFinite(p.remaining),
    )
    .sort((a, b) => a.t - b.t);
  const atEvent = remainingAt(points, atMs);
  if (atEvent === undefined) return { afterComplete: false };
  const start = remainingAt(points, atMs - windowMs);
  const before = start === undefined ? undefined : start - atEvent;
  const end = remainingAt(points, atMs + windowMs);
  if (end !== undefined) {
    return { before, after: atEvent - end, afterComplete: true };
  }
  const last = points[points.length - 1];
  return {
    before,
    after: last.t > atMs ? atEvent - last.remaining : undefined,
    afterComplete: false,
  };
}
