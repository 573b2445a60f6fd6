import { BudgetingMethod } from '../math/evaluateObjective';
import { SliSpec, SloObjective } from '../openslo/schema';
import { SliQueryError, errorRatioQuery, overTime } from './promql';
import { readPromSli } from './readPromSli';
import {
  thresholdCondition,
  thresholdSamplesQueries,
} from './thresholdQueries';
import { timeSliceQueries } from './timeSliceQueries';

/** What {@link sliErrorRatioQuery} needs to know about one objective. */
export interface SliErrorRatioQueryInput {
  indicator: SliSpec;
  objective: Pick<SloObjective, 'op' | 'value' | 'timeSliceTarget'>;
  budgetingMethod: BudgetingMethod;
  /** The window the ratio is measured over, e.g. one hour. */
  windowMs: number;
  /** Slice length for Timeslices and RatioTimeslices. */
  timeSliceMs?: number;
}

/**
 * PromQL for the error ratio (0 – 1) of an objective over one window, built
 * from the same PromQL as the Triad Prometheus data source: counter selectors
 * become `sum(increase(…[w]))`, `{{window}}` is replaced by the window,
 * gauges and raw ratios are averaged, threshold samples are events, and time
 * slices without data are neither good nor bad. No traffic gives no series,
 * so quiet services never page.
 */
export function sliErrorRatioQuery(input: SliErrorRatioQueryInput): string {
  const sli = readPromSli(input.indicator);
  const w = input.windowMs;

  if (input.budgetingMethod === 'Occurrences') {
    if (sli.kind !== 'threshold') return errorRatioQuery(sli, w);
    const { good, total } = thresholdSamplesQueries(
      sli.metric,
      thresholdCondition(input.objective),
      w,
    );
    return `1 - ${good} / ${total}`;
  }

  const slice = input.timeSliceMs;
  if (!slice || slice < 60_000 || slice % 1000 !== 0) {
    throw new SliQueryError(
      'objective.timeSliceWindow',
      `budgetingMethod ${input.budgetingMethod} needs a timeSliceWindow of at least one minute`,
      'bad-time-slice',
    );
  }
  // The error ratio is the share of bad slices (Timeslices), or 1 − the mean
  // of the slice ratios (RatioTimeslices), over the slices with data.
  const { perSlice } = timeSliceQueries(
    sli,
    input.budgetingMethod,
    input.objective,
    slice,
  );
  return `1 - ${overTime('avg', perSlice, w, slice)}`;
}
