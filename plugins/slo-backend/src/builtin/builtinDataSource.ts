import { InputError } from '@backstage/errors';
import {
  countSlices,
  EventCounts,
  judgeSlice,
  ratioTimesliceSli,
  SliSpec,
  TimelineBucket,
  TimeSlice,
  timesliceSli,
} from '@triad/plugin-slo-common';
import {
  SloDataSource,
  SloMeasureRequest,
  SloMeasurement,
} from '@triad/plugin-slo-node';
import { BuiltinStore, Sample, WindowSums } from './BuiltinStore';

type Metric = NonNullable<NonNullable<SliSpec['ratioMetric']>['good']>;

function seriesOf(
  metric: Metric | undefined,
  field: string,
): string | undefined {
  if (!metric) return undefined;
  const series = metric.metricSource.spec.series;
  if (typeof series !== 'string' || !series) {
    throw new InputError(
      `the built-in data source needs ${field}.metricSource.spec.series (a series name)`,
    );
  }
  return series;
}

/**
 * Which series give the good (or bad) and the total counts. Samples carry
 * both, so one series usually serves both roles.
 */
function seriesOfIndicator(indicator: SliSpec) {
  const r = indicator.ratioMetric;
  if (!r || r.raw) {
    throw new InputError(
      'the built-in data source serves ratioMetric SLIs with good or bad, and total',
    );
  }
  return {
    good: seriesOf(r.good, 'ratioMetric.good'),
    bad: seriesOf(r.bad, 'ratioMetric.bad'),
    total: seriesOf(r.total, 'ratioMetric.total')!,
  };
}

/** Good events of a sample, read as good or as bad as the SLI says. */
function countsOf(s: Sample, series: { good?: string }): EventCounts {
  return series.good
    ? { good: s.good, total: s.total }
    : { good: s.total - s.good, total: s.total };
}

const ratioOf = (bad: number, total: number) =>
  total > 0 ? bad / total : undefined;

/**
 * The `builtin` data source: reads the counts pushed to
 * `POST /api/slo/v1/samples`.
 */
export function builtinDataSource(store: BuiltinStore): SloDataSource {
  async function occurrences(
    req: SloMeasureRequest,
    series: ReturnType<typeof seriesOfIndicator>,
  ): Promise<SloMeasurement> {
    const end = Math.min(req.at.getTime(), req.period.end.getTime());
    const periodMs = end - req.period.start.getTime();
    const windows = [periodMs, ...req.windowsMs];
    const totals = await store.windowSums(series.total, end, windows);
    const badSeries = series.good ?? series.bad!;
    const other =
      badSeries === series.total
        ? totals
        : await store.windowSums(badSeries, end, windows);
    // Bad events come from the bad series' total minus good, or from good.
    const badOf = (i: number, sums: WindowSums[]) =>
      series.good
        ? totals[i].total - sums[i].good
        : sums[i].total - sums[i].good;
    const ratios = windows.map((_, i) =>
      ratioOf(badOf(i, other), totals[i].total),
    );
    return {
      periodErrorRatio: ratios[0],
      periodTotalEvents: totals[0].total,
      windowErrorRatios: Object.fromEntries(
        req.windowsMs.map((w, i) => [w, ratios[i + 1]]),
      ),
    };
  }

  async function slices(
    req: SloMeasureRequest,
    series: ReturnType<typeof seriesOfIndicator>,
  ): Promise<SloMeasurement> {
    const sliceMs = req.timeSliceMs!;
    const end = Math.min(req.at.getTime(), req.period.end.getTime());
    const from = Math.min(
      req.period.start.getTime(),
      end - Math.max(0, ...req.windowsMs),
    );
    if (series.good !== series.total && series.bad !== series.total) {
      throw new InputError(
        'time slices of the built-in store need one series for good and total',
      );
    }
    const rows = await store.samples(series.total, from, end);
    // Slices are aligned to the epoch, so every window sees the same slices.
    const sliceOf = (s: Sample) => Math.floor((s.minute * 60_000) / sliceMs);
    const errorRatioSince = (startMs: number) => {
      const bySlice = new Map<number, EventCounts>();
      for (const s of rows) {
        if (s.minute * 60_000 < startMs) continue;
        const c = countsOf(s, series);
        const acc = bySlice.get(sliceOf(s)) ?? { good: 0, total: 0 };
        bySlice.set(sliceOf(s), {
          good: acc.good + c.good,
          total: acc.total + c.total,
        });
      }
      const list = [...bySlice.values()];
      if (req.slo.spec.budgetingMethod === 'RatioTimeslices') {
        const sli = ratioTimesliceSli(list);
        return {
          ratio: sli === undefined ? undefined : 1 - sli,
          judged: list.length,
        };
      }
      const counts = countSlices(list as TimeSlice[], {
        kind: 'ratio',
        timeSliceTarget: req.objective.timeSliceTarget ?? 1,
      });
      const sli = timesliceSli(counts);
      return {
        ratio: sli === undefined ? undefined : 1 - sli,
        judged: counts.good + counts.bad,
      };
    };
    const period = errorRatioSince(req.period.start.getTime());
    return {
      periodErrorRatio: period.ratio,
      periodJudgedSlices: period.judged,
      windowErrorRatios: Object.fromEntries(
        req.windowsMs.map(w => [w, errorRatioSince(end - w).ratio]),
      ),
    };
  }

  async function timeline(
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
    } else {
      // Charts of slice-based SLOs count slices: judged good ones, or the sum
      // of slice ratios for RatioTimeslices (whose running mean is the SLI).
      const sliceMs = req.timeSliceMs!;
      const bySlice = new Map<number, EventCounts>();
      for (const s of rows) {
        const key = Math.floor((s.minute * 60_000) / sliceMs) * sliceMs;
        const acc = bySlice.get(key) ?? { good: 0, total: 0 };
        bySlice.set(key, {
          good: acc.good + countsOf(s, series).good,
          total: acc.total + s.total,
        });
      }
      for (const [at, counts] of bySlice) {
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
    }
    return [...buckets.values()];
  }

  return {
    type: 'builtin',
    timeline,
    async measure(req) {
      const series = seriesOfIndicator(req.indicator);
      return req.slo.spec.budgetingMethod === 'Occurrences'
        ? occurrences(req, series)
        : slices(req, series);
    },
  };
}
