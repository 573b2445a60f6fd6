import { EventCounts, errorBudgetRatio } from './budget';

/** Comparison operators of OpenSLO threshold objectives. */
export type ThresholdOp = 'lt' | 'lte' | 'gt' | 'gte';

/** Whether `value op threshold` holds. */
export function compare(
  value: number,
  op: ThresholdOp,
  threshold: number,
): boolean {
  switch (op) {
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
    case 'gt':
      return value > threshold;
    default:
      return value >= threshold;
  }
}

/**
 * One time slice: event counts (ratio SLIs) or a single metric value
 * (threshold SLIs). A slice with no traffic and no value has no data.
 */
export type TimeSlice = EventCounts | { value: number | undefined };

/** How a slice is judged good or bad. */
export type SliceRule =
  | { kind: 'ratio'; timeSliceTarget: number }
  | { kind: 'threshold'; op: ThresholdOp; value: number };

/** Good, bad and no-data slice counts. */
export interface SliceCounts {
  good: number;
  bad: number;
  noData: number;
}

/** Judges one slice: true (good), false (bad) or undefined (no data). */
export function judgeSlice(
  slice: TimeSlice,
  rule: SliceRule,
): boolean | undefined {
  if ('value' in slice) {
    if (slice.value === undefined || rule.kind !== 'threshold')
      return undefined;
    return compare(slice.value, rule.op, rule.value);
  }
  if (slice.total <= 0) return undefined;
  const ratio = slice.good / slice.total;
  return rule.kind === 'ratio'
    ? ratio >= rule.timeSliceTarget
    : compare(ratio, rule.op, rule.value);
}

/**
 * Counts good and bad slices. Slices without data are counted apart and
 * excluded from the SLI: a quiet minute is neither a success nor a failure.
 */
export function countSlices(
  slices: readonly TimeSlice[],
  rule: SliceRule,
): SliceCounts {
  const counts: SliceCounts = { good: 0, bad: 0, noData: 0 };
  for (const slice of slices) {
    const verdict = judgeSlice(slice, rule);
    if (verdict === undefined) counts.noData++;
    else if (verdict) counts.good++;
    else counts.bad++;
  }
  return counts;
}

/** Timeslices SLI = good slices / slices with data; undefined without data. */
export function timesliceSli(counts: SliceCounts): number | undefined {
  const judged = counts.good + counts.bad;
  return judged > 0 ? counts.good / judged : undefined;
}

/**
 * RatioTimeslices SLI: the mean of each slice's good/total, over slices with
 * traffic; undefined without any.
 */
export function ratioTimesliceSli(
  slices: readonly EventCounts[],
): number | undefined {
  let sum = 0;
  let n = 0;
  for (const s of slices) {
    if (s.total > 0) {
      sum += s.good / s.total;
      n++;
    }
  }
  return n > 0 ? sum / n : undefined;
}

/** Bad slices the budget allows in one period: `(1 − target) × T / slice`. */
export function budgetSlices(
  target: number,
  periodMs: number,
  sliceMs: number,
): number {
  return (errorBudgetRatio(target) * periodMs) / sliceMs;
}
