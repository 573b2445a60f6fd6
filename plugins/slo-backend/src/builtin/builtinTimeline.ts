import { judgeSlice, TimelineBucket } from '@triad/plugin-slo-common';
import { SloMeasureRequest } from '@triad/plugin-slo-node';
import { BuiltinStore } from './BuiltinStore';
import { countsBySlice, countsOf, seriesOfIndicator } from './builtinSeries';

/**
 * Good and total counts in steps of `stepMs` from the period start to the
 * evaluation, for the SLI and burn-down charts.
 */
export async function builtinTimeline(
  store: BuiltinStore,
  req: SloMeasureRequest,
  stepMs: number,
): Promise<TimelineBucket[]> {
  const series = seriesOfIndicator(req.indicator);
  const start = req.period.start.getTime();
  const end = Math.min(req.at.getTime(), req.period.end.getTime());
  const rows = await store.samples(series.total, start, end);
  const buckets = new Map<number, TimelineBucket>();
  for (let b = start; b < end; b += stepMs)
    buckets.set(b, { start: b, good: 0, total: 0 });
  const add = (atMs: number, good: number, total: number) => {
    const bucket = buckets.get(
      start + Math.floor((atMs - start) / stepMs) * stepMs,
    );
    if (bucket) {
      bucket.good += good;
      bucket.total += total;
    }
  };
  if (req.slo.spec.budgetingMethod === 'Occurrences') {
    for (const s of rows)
      add(s.minute * 60_000, countsOf(s, series).good, s.total);
    return [...buckets.values()];
  }
  // Charts of slice-based SLOs count slices: judged good ones, or the sum
  // of slice ratios for RatioTimeslices (whose running mean is the SLI).
  for (const [at, counts] of countsBySlice(rows, series, req.timeSliceMs!)) {
    if (req.slo.spec.budgetingMethod === 'RatioTimeslices') {
      if (counts.total > 0) add(at, counts.good / counts.total, 1);
    } else {
      const verdict = judgeSlice(counts, {
        kind: 'ratio',
        timeSliceTarget: req.objective.timeSliceTarget ?? 1,
      });
      if (verdict !== undefined) add(at, verdict ? 1 : 0, 1);
    }
  }
  return [...buckets.values()];
}
