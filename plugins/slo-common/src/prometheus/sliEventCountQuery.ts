import { SliSpec } from '../openslo/schema';
import { SliQueryError, eventCountQuery } from './promql';
import { readPromSli } from './readPromSli';

/**
 * PromQL for the events an SLI counted over a window (its `total`), for the
 * minimum-traffic guard. Only a ratioMetric with good or bad and total counts
 * events: a raw ratio or a threshold metric says nothing about traffic.
 */
export function sliEventCountQuery(
  indicator: SliSpec,
  windowMs: number,
): string {
  const sli = readPromSli(indicator);
  if (sli.kind !== 'counts') {
    throw new SliQueryError(
      sli.kind === 'raw' ? 'ratioMetric.raw' : 'thresholdMetric',
      `counts no events (it is ${
        sli.kind === 'raw' ? 'a raw ratio' : 'a threshold metric'
      }), so a minimum-traffic guard cannot apply`,
      'no-events',
    );
  }
  return eventCountQuery(sli.total, windowMs);
}
