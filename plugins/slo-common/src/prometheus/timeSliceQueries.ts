import { BudgetingMethod } from '../math/evaluateObjective';
import { SloObjective } from '../openslo/schema';
import {
  PromSli,
  SliQueryError,
  successRatioQuery,
  valueOverQuery,
} from './promql';
import { thresholdCondition } from './thresholdQueries';

/**
 * What one time slice of `sliceMs` contributes, to be aggregated with
 * {@link overTime} at the slice length as step: for Timeslices 1 for a good
 * slice and 0 for a bad one, for RatioTimeslices the slice's success ratio.
 * A slice without data gives nothing, so it is neither good nor bad. `value`
 * is the SLI (or the threshold metric) of a slice.
 */
export function timeSliceQueries(
  sli: PromSli,
  budgetingMethod: Exclude<BudgetingMethod, 'Occurrences'>,
  objective: Pick<SloObjective, 'op' | 'value' | 'timeSliceTarget'>,
  sliceMs: number,
): { perSlice: string; value: string } {
  if (budgetingMethod === 'RatioTimeslices') {
    if (sli.kind === 'threshold') {
      throw new SliQueryError(
        'thresholdMetric',
        'budgetingMethod RatioTimeslices needs a ratioMetric SLI; use Timeslices for a thresholdMetric',
        'not-a-ratio',
      );
    }
    const ratio = successRatioQuery(sli, sliceMs);
    return { perSlice: ratio, value: ratio };
  }
  if (sli.kind === 'threshold') {
    const condition = thresholdCondition(objective);
    const value = valueOverQuery(sli.metric, sliceMs);
    return { perSlice: `(${value}) ${condition}`, value };
  }
  if (objective.timeSliceTarget === undefined) {
    throw new SliQueryError(
      'objective.timeSliceTarget',
      'is required with budgetingMethod Timeslices and a ratioMetric SLI',
      'no-time-slice-target',
    );
  }
  const value = successRatioQuery(sli, sliceMs);
  return {
    perSlice: `(${value}) >= bool ${objective.timeSliceTarget}`,
    value,
  };
}
