import type { SliSpec, SloObjective, SloSpec } from './schema';

/**
 * What an objective lacks for the SLI it measures: a threshold SLI needs `op`
 * and `value`, and Timeslices a `timeSliceTarget` unless a threshold decides
 * each slice. `sli` is undefined while the SLI is only known by name (the
 * validator of a single document); then only what no SLI could make right is
 * reported, and the resolver checks the rest once it has the SLI. Fields are
 * relative to the objective.
 */
export function objectiveSliProblems(
  objective: SloObjective,
  sli: SliSpec | undefined,
  budgetingMethod: SloSpec['budgetingMethod'],
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const threshold = sli ? !!sli.thresholdMetric : undefined;
  const hasOp = objective.op !== undefined && objective.value !== undefined;
  if (
    budgetingMethod === 'Timeslices' &&
    objective.timeSliceTarget === undefined &&
    !(hasOp && threshold !== false)
  ) {
    problems.push({
      field: 'timeSliceTarget',
      message: 'is required with budgetingMethod Timeslices and a ratio SLI',
    });
  }
  if (threshold && !hasOp) {
    problems.push({
      field: objective.op === undefined ? 'op' : 'value',
      message: 'a threshold SLI needs op and value on each objective',
    });
  }
  return problems;
}
