import { errorBudgetRatio } from './budget';
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
 * Cumulative SLI and remaining budget over the period, for charts. The
 * period's budget is `EB × total`, where the total is what the period held
 * (rolling windows) or is projected to hold at the rate seen so far
 * (calendar windows, `elapsedFraction` < 1).
 */
export function burnDown(
  buckets: readonly TimelineBucket[],
  target: number,
  period: Period,
  stepMs: number,
): BurnDownPoint[] {
  const eb = errorBudgetRatio(target);
  const sorted = [...buckets].sort((a, b) => a.start - b.start);
  const total = sorted.reduce((sum, b) => sum + b.total, 0);
  const budget =
    period.elapsedFraction > 0 ? (eb * total) / period.elapsedFraction : 0;
  const start = period.start.getTime();
  let good = 0;
  let seen = 0;
  return sorted.map(b => {
    good += b.good;
    seen += b.total;
    const t = Math.min(b.start + stepMs, start + period.lengthMs);
    return {
      t,
      sli: seen > 0 ? good / seen : undefined,
      remaining: budget > 0 ? 1 - (seen - good) / budget : undefined,
      idealRemaining: 1 - (t - start) / period.lengthMs,
    };
  });
}
