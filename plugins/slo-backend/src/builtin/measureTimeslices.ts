import { InputError } from '@backstage/errors';
import {
  countSlices,
  ratioTimesliceSli,
  TimeSlice,
  timesliceSli,
} from '@triad/plugin-slo-common';
import { SloMeasureRequest, SloMeasurement } from '@triad/plugin-slo-node';
import { BuiltinStore, Sample } from './BuiltinStore';
import { BuiltinSeries, countsBySlice } from './builtinSeries';

/** The error ratio of the slices from `startMs` on, and how many were judged. */
function errorRatioSince(
  rows: readonly Sample[],
  req: SloMeasureRequest,
  series: BuiltinSeries,
  startMs: number,
): { ratio?: number; judged: number } {
  const list = [
    ...countsBySlice(rows, series, req.timeSliceMs!, startMs).values(),
  ];
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
}

/**
 * Error ratios of a Timeslices or RatioTimeslices SLO over its period and
 * alert windows, from one read of the samples.
 */
export async function measureTimeslices(
  store: BuiltinStore,
  req: SloMeasureRequest,
  series: BuiltinSeries,
): Promise<SloMeasurement> {
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
  const period = errorRatioSince(rows, req, series, req.period.start.getTime());
  return {
    periodErrorRatio: period.ratio,
    periodJudgedSlices: period.judged,
    windowErrorRatios: Object.fromEntries(
      req.windowsMs.map(w => [
        w,
        errorRatioSince(rows, req, series, end - w).ratio,
      ]),
    ),
  };
}
