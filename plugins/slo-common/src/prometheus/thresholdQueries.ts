import { SloObjective } from '../openslo/schema';
import {
  fillWindowPlaceholder,
  overTime,
  PromSliMetric,
  sampleStepMs,
  SliQueryError,
} from './promql';

const OPS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** The objective's threshold as a PromQL comparison, e.g. `<= bool 0.3`. */
export function thresholdCondition(
  objective: Pick<SloObjective, 'op' | 'value'>,
): string {
  if (!objective.op || objective.value === undefined) {
    throw new SliQueryError(
      'objective.op',
      'a thresholdMetric SLI needs op and value on the objective',
      'no-threshold',
    );
  }
  return `${OPS[objective.op]} bool ${objective.value}`;
}

/**
 * Occurrences of a threshold metric: each sample (one per
 * {@link sampleStepMs}) over the window is an event, good when `condition`
 * (from {@link thresholdCondition}) holds; `{{window}}` becomes the step.
 */
export function thresholdSamplesQueries(
  metric: PromSliMetric,
  condition: string,
  windowMs: number,
): { good: string; total: string } {
  const step = sampleStepMs(windowMs);
  const point = `(${fillWindowPlaceholder(metric.query, step)}) > -Inf`;
  return {
    good: overTime('sum', `(${point}) ${condition}`, windowMs, step),
    total: overTime('count', point, windowMs, step),
  };
}
