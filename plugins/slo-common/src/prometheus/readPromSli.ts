import { SliSpec } from '../openslo/schema';
import {
  hasWindowPlaceholder,
  isSeriesSelector,
  PromSli,
  PromSliMetric,
  SliQueryError,
} from './promql';

function readMetric(
  metric: { metricSource: { spec: Record<string, unknown> } } | undefined,
  field: string,
  counter: boolean,
): PromSliMetric | undefined {
  if (!metric) return undefined;
  const spec = metric.metricSource.spec;
  const at = `${field}.metricSource.spec.query`;
  if (typeof spec.query !== 'string' || !spec.query.trim()) {
    const builtin =
      typeof spec.series === 'string'
        ? ` (this SLI reads the series "${spec.series}" of the built-in store, which Prometheus cannot query)`
        : '';
    throw new SliQueryError(
      at,
      `is required: Prometheus rules need a PromQL query${builtin}`,
      'no-query',
    );
  }
  if (
    counter &&
    !hasWindowPlaceholder(spec.query) &&
    !isSeriesSelector(spec.query)
  ) {
    throw new SliQueryError(
      at,
      `is a counter but not a series selector: write a selector such as ` +
        `http_requests_total{job="api"} (it is wrapped as sum(increase(<selector>[<window>]))), or put ` +
        `{{window}} where the range goes, e.g. sum(increase(http_requests_total[{{window}}])); got "${spec.query}"`,
      'not-a-selector',
    );
  }
  return { query: spec.query, field, counter };
}

/** Reads the metrics of an SLI; throws {@link SliQueryError} for what PromQL cannot express. */
export function readPromSli(indicator: SliSpec): PromSli {
  const ratio = indicator.ratioMetric;
  if (ratio) {
    if (ratio.raw) {
      // A ratio is never a counter: it is averaged (or used as written).
      return {
        kind: 'raw',
        failure: ratio.rawType === 'failure',
        ratio: readMetric(ratio.raw, 'ratioMetric.raw', false)!,
      };
    }
    // OpenSLO does not require counter; the validator's default is true.
    const counter = ratio.counter ?? true;
    const good = readMetric(ratio.good, 'ratioMetric.good', counter);
    const bad = readMetric(ratio.bad, 'ratioMetric.bad', counter);
    const total = readMetric(ratio.total, 'ratioMetric.total', counter);
    if (!total || !(good || bad)) {
      throw new SliQueryError(
        'ratioMetric',
        'needs total with good or bad, or raw with rawType',
        'incomplete-ratio',
      );
    }
    return { kind: 'counts', bad: !good, numerator: (good ?? bad)!, total };
  }
  if (!indicator.thresholdMetric) {
    throw new SliQueryError(
      'ratioMetric',
      'the SLI has neither ratioMetric nor thresholdMetric',
      'no-metric',
    );
  }
  return {
    kind: 'threshold',
    metric: readMetric(indicator.thresholdMetric, 'thresholdMetric', false)!,
  };
}
