import { budgetAllowance } from './budget';
import { Period } from './timeWindow';

/** Counts in one step of a timeline: events, or slices for Timeslices. */
export interface TimelineBucket {
  /** Start of the step, epoch ms. */
  start: number;
  good: number;
  total: number;
}

/** One point of the SLI and budget charts, at the end of a step. */
export interface BurnDownPoint {
  /** End of the step, epoch ms. */
  t: number;
  /** SLI from the period start to `t`; undefined while there is no data. */
  sli?: number;
  /** Share of the period's budget left at `t`. */
  remaining?: number;
  /** What is left when spending exactly evenly: `1 − elapsed / T`. */
  idealRemaining: number;
}

/**
 * Cumulative SLI and remaining budget over the period, for charts. Every point
 * is measured against the same whole-period budget as the evaluation
 * (`budgetAllowance`), so the last point is the remaining budget the
 * evaluation reports for the same counts.
 */
export function burnDown(
  buckets: readonly TimelineBucket[],
  target: number,
  period: Period,
  stepMs: number,
): BurnDownPoint[] {
  const sorted = [...buckets].sort((a, b) => a.start - b.start);
  const total = sorted.reduce((sum, b) => sum + b.total, 0);
  const budget = budgetAllowance(target, total, period.elapsedFraction) ?? 0;
  const start = period.start.getTime();
  // The last step ends at the evaluation instant, not after it.
  const end = start + Math.round(period.elapsedFraction * period.lengthMs);
  let good = 0;
  let seen = 0;
  return sorted.map(b => {
    good += b.good;
    seen += b.total;
    const t = Math.min(b.start + stepMs, end);
    return {
      t,
      sli: seen > 0 ? good / seen : undefined,
      remaining: budget > 0 ? 1 - (seen - good) / budget : undefined,
      idealRemaining: 1 - (t - start) / period.lengthMs,
    };
  });
}
