import { TimelineBucket } from '../math/burnDown';

/** One SLO's counts per bucket, with the target a bucket's burn rate is judged by. */
export interface AttributionSeries {
  buckets: readonly TimelineBucket[];
  target: number;
}

/** The budget an SLO burned in the buckets where one dependency burned faster than 1×. */
export interface BurnShare {
  /** Bad events (bad slices for Timeslices) of the SLO in those buckets. */
  burned: number;
  /** `burned` over everything the SLO burned; absent when it burned nothing. */
  share?: number;
  /** How many buckets the dependency burned faster than 1× in. */
  buckets: number;
}

/**
 * A bucket's burn rate: its error rate over the error rate the target
 * allows, `(1 − good / total) / (1 − target)`. Undefined for a bucket
 * without counts, or a target of 100 % (no budget to burn at any rate).
 */
export function bucketBurnRate(
  bucket: TimelineBucket,
  target: number,
): number | undefined {
  if (!(bucket.total > 0) || !(target < 1)) return undefined;
  return (1 - bucket.good / bucket.total) / (1 - target);
}

/**
 * The starts of the buckets where any of `series` burned faster than 1×
 * (a dependency with several SLOs burns when one of them does).
 */
export function burningBucketStarts(
  series: readonly AttributionSeries[],
): Set<number> {
  const starts = new Set<number>();
  for (const { buckets, target } of series) {
    for (const bucket of buckets) {
      // Exactly 1× is not faster, whatever binary rounding makes of it.
      if ((bucketBurnRate(bucket, target) ?? 0) > 1 + 1e-9) {
        starts.add(bucket.start);
      }
    }
  }
  return starts;
}

/** The bad events (or bad slices) of a bucket, never below zero. */
function badOf(bucket: TimelineBucket): number {
  return Math.max(0, bucket.total - bucket.good);
}

/**
 * Burn that coincided with a dependency's burn — not burn it caused: the
 * share of an SLO's burned budget that fell in buckets where the dependency
 * was burning faster than 1×. With `B` the SLO's buckets (one step for all
 * series, buckets matched by start), `bad(b) = total(b) − good(b)` and
 * `D` the buckets where one of the dependency's SLOs had
 * `(1 − good/total) / (1 − target) > 1`:
 *
 * `share = Σ_{b ∈ B ∩ D} bad(b) / Σ_{b ∈ B} bad(b)`.
 *
 * Shares of different dependencies overlap when they burned in the same
 * buckets, so they need not add up to 1 (nor stay below it). An SLO that
 * burned nothing has no share (absent, not NaN).
 */
export function burnAttribution(
  slo: readonly TimelineBucket[],
  dependency: readonly AttributionSeries[],
): BurnShare {
  const burning = burningBucketStarts(dependency);
  let total = 0;
  let burned = 0;
  for (const bucket of slo) {
    const bad = badOf(bucket);
    total += bad;
    if (burning.has(bucket.start)) burned += bad;
  }
  return {
    burned,
    ...(total > 0 ? { share: burned / total } : {}),
    buckets: burning.size,
  };
}

/** Everything an SLO burned over its buckets: `Σ bad(b)`. */
export function burnedBudget(slo: readonly TimelineBucket[]): number {
  return slo.reduce((sum, bucket) => sum + badOf(bucket), 0);
}
