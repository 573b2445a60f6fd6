import { InputError } from '@backstage/errors';
import { EventCounts, SliSpec } from '@triad/plugin-slo-common';
import { Sample } from './BuiltinStore';

type Metric = NonNullable<NonNullable<SliSpec['ratioMetric']>['good']>;

/** The series of an SLI's good or bad, and total, counts. */
export interface BuiltinSeries {
  good?: string;
  bad?: string;
  total: string;
}

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
export function seriesOfIndicator(indicator: SliSpec): BuiltinSeries {
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
export function countsOf(s: Sample, series: { good?: string }): EventCounts {
  return series.good
    ? { good: s.good, total: s.total }
    : { good: s.total - s.good, total: s.total };
}

/**
 * Good and total events per slice of `sliceMs`, keyed by the slice's start.
 * Slices are aligned to the epoch, so every window sees the same slices;
 * samples before `fromMs` are left out.
 */
export function countsBySlice(
  rows: readonly Sample[],
  series: { good?: string },
  sliceMs: number,
  fromMs = -Infinity,
): Map<number, EventCounts> {
  const bySlice = new Map<number, EventCounts>();
  for (const s of rows) {
    if (s.minute * 60_000 < fromMs) continue;
    const start = Math.floor((s.minute * 60_000) / sliceMs) * sliceMs;
    const c = countsOf(s, series);
    const acc = bySlice.get(start) ?? { good: 0, total: 0 };
    bySlice.set(start, {
      good: acc.good + c.good,
      total: acc.total + c.total,
    });
  }
  return bySlice;
}
