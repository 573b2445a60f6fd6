import { formatDuration } from '../math/duration';
import { BudgetingMethod } from '../math/evaluateObjective';
import { SliSpec, SloObjective } from '../openslo/schema';

/**
 * An SLI that cannot be written as PromQL. `field` is the path inside the SLI
 * spec (`ratioMetric.good.metricSource.spec.query`) or the objective
 * (`objective.timeSliceTarget`).
 */
export class SliQueryError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'SliQueryError';
    this.field = field;
  }
}

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

const PLACEHOLDER = /\{\{\s*window\s*\}\}/g;
const OPS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

interface Metric {
  query: string;
  field: string;
  counter: boolean;
}

type Sli =
  | { kind: 'counts'; bad: boolean; numerator: Metric; total: Metric }
  | { kind: 'raw'; failure: boolean; ratio: Metric }
  | { kind: 'threshold'; metric: Metric };

function hasPlaceholder(query: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(query);
}

/** A bare series selector (`name{labels}`), the only form `increase()` can wrap. */
function isSeriesSelector(query: string): boolean {
  const bare = query.replace(
    /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g,
    '""',
  );
  const match = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*(\{[^{}]*\})?\s*$/.exec(
    bare,
  );
  return !!match && !!(match[1] || match[2]);
}

const range = (ms: number) => formatDuration(ms);

/**
 * `[w:step]` of a subquery. Prometheus 2 includes both ends of a range, and
 * subquery steps are aligned to multiples of the step, so a full window would
 * hold one step too many; one millisecond less keeps exactly w / step points,
 * as the Triad Prometheus data source does.
 */
function subquery(windowMs: number, step: string): string {
  return `[${windowMs - 1}ms:${step}]`;
}

/** Sampling step of gauges: one minute, coarser beyond a day (≤ 1440 points). */
function stepMsOf(windowMs: number): number {
  return Math.max(60_000, Math.ceil(windowMs / 1440 / 60_000) * 60_000);
}

const stepOf = (windowMs: number) => range(stepMsOf(windowMs));

function withWindow(query: string, windowMs: number): string {
  return query.replace(PLACEHOLDER, range(windowMs));
}

// `> -Inf` drops NaN points (0/0 while idle) so they do not poison averages.
function averaged(query: string, windowMs: number): string {
  return `avg_over_time(((${query}) > -Inf)${subquery(
    windowMs,
    stepOf(windowMs),
  )})`;
}

function eventCount(metric: Metric, windowMs: number): string {
  if (hasPlaceholder(metric.query)) {
    return `sum(${withWindow(metric.query, windowMs)})`;
  }
  if (metric.counter) {
    return `sum(increase(${metric.query.trim()}[${range(windowMs)}]))`;
  }
  return `sum(${averaged(metric.query, windowMs)})`;
}

function valueOver(metric: Metric, windowMs: number): string {
  if (hasPlaceholder(metric.query)) {
    return `(${withWindow(metric.query, windowMs)}) > -Inf`;
  }
  return averaged(metric.query, windowMs);
}

function readMetric(
  metric: { metricSource: { spec: Record<string, unknown> } } | undefined,
  field: string,
  counter: boolean,
): Metric | undefined {
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
    );
  }
  if (counter && !hasPlaceholder(spec.query) && !isSeriesSelector(spec.query)) {
    throw new SliQueryError(
      at,
      `is a counter but not a series selector: write a selector such as http_requests_total{job="api"}, or put {{window}} where the range goes; got "${spec.query}"`,
    );
  }
  return { query: spec.query, field, counter };
}

function readSli(indicator: SliSpec): Sli {
  const ratio = indicator.ratioMetric;
  if (ratio) {
    if (ratio.raw) {
      return {
        kind: 'raw',
        failure: ratio.rawType === 'failure',
        ratio: readMetric(ratio.raw, 'ratioMetric.raw', false)!,
      };
    }
    const good = readMetric(ratio.good, 'ratioMetric.good', ratio.counter);
    const bad = readMetric(ratio.bad, 'ratioMetric.bad', ratio.counter);
    const total = readMetric(ratio.total, 'ratioMetric.total', ratio.counter);
    if (!total || !(good || bad)) {
      throw new SliQueryError(
        'ratioMetric',
        'needs total with good or bad, or raw with rawType',
      );
    }
    return { kind: 'counts', bad: !good, numerator: (good ?? bad)!, total };
  }
  if (!indicator.thresholdMetric) {
    throw new SliQueryError(
      'ratioMetric',
      'the SLI has neither ratioMetric nor thresholdMetric',
    );
  }
  return {
    kind: 'threshold',
    metric: readMetric(indicator.thresholdMetric, 'thresholdMetric', false)!,
  };
}

/** Success ratio over a window; absent (no alert) when there was no traffic. */
function successRatio(sli: Sli, windowMs: number): string {
  if (sli.kind === 'counts') {
    const numerator = `(${eventCount(sli.numerator, windowMs)} or vector(0))`;
    const total = `(${eventCount(sli.total, windowMs)} > 0)`;
    return sli.bad
      ? `(1 - ${numerator} / ${total})`
      : `(${numerator} / ${total})`;
  }
  if (sli.kind === 'raw') {
    const value = valueOver(sli.ratio, windowMs);
    return sli.failure ? `(1 - (${value}))` : `(${value})`;
  }
  throw new SliQueryError(
    'thresholdMetric',
    'a threshold SLI has no success ratio',
  );
}

function threshold(objective: SliErrorRatioQueryInput['objective']) {
  if (!objective.op || objective.value === undefined) {
    throw new SliQueryError(
      'objective.op',
      'a thresholdMetric SLI needs op and value on the objective',
    );
  }
  return `${OPS[objective.op]} bool ${objective.value}`;
}

/**
 * PromQL for the error ratio (0 – 1) of an objective over one window, with
 * the same semantics as the Triad Prometheus data source: counter selectors
 * become `sum(increase(…[w]))`, `{{window}}` is replaced by the window,
 * gauges and raw ratios are averaged, threshold samples are events, and time
 * slices without data are neither good nor bad. No traffic gives no series,
 * so quiet services never page.
 */
export function sliErrorRatioQuery(input: SliErrorRatioQueryInput): string {
  const sli = readSli(input.indicator);
  const w = input.windowMs;

  if (input.budgetingMethod === 'Occurrences') {
    if (sli.kind === 'counts') {
      const numerator = `(${eventCount(sli.numerator, w)} or vector(0))`;
      const total = `(${eventCount(sli.total, w)} > 0)`;
      return sli.bad
        ? `${numerator} / ${total}`
        : `1 - ${numerator} / ${total}`;
    }
    if (sli.kind === 'raw') {
      const value = valueOver(sli.ratio, w);
      return sli.failure ? value : `1 - (${value})`;
    }
    // Every sample (one per step) is an event, good when the threshold holds.
    const step = stepOf(w);
    const point = `(${withWindow(sli.metric.query, stepMsOf(w))}) > -Inf`;
    const points = subquery(w, step);
    return `1 - sum_over_time(((${point}) ${threshold(
      input.objective,
    )})${points}) / count_over_time((${point})${points})`;
  }

  const slice = input.timeSliceMs;
  if (!slice || slice < 60_000 || slice % 1000 !== 0) {
    throw new SliQueryError(
      'objective.timeSliceWindow',
      `budgetingMethod ${input.budgetingMethod} needs a timeSliceWindow of at least one minute`,
    );
  }
  const slices = subquery(w, range(slice));
  if (input.budgetingMethod === 'RatioTimeslices') {
    if (sli.kind === 'threshold') {
      throw new SliQueryError(
        'thresholdMetric',
        'budgetingMethod RatioTimeslices needs a ratioMetric SLI; use Timeslices for a thresholdMetric',
      );
    }
    return `1 - avg_over_time(${successRatio(sli, slice)}${slices})`;
  }
  // Timeslices: 1 for a good slice, 0 for a bad one, nothing without data.
  let verdict: string;
  if (sli.kind === 'threshold') {
    verdict = `(${valueOver(sli.metric, slice)}) ${threshold(input.objective)}`;
  } else {
    if (input.objective.timeSliceTarget === undefined) {
      throw new SliQueryError(
        'objective.timeSliceTarget',
        'is required with budgetingMethod Timeslices and a ratioMetric SLI',
      );
    }
    verdict = `${successRatio(sli, slice)} >= bool ${
      input.objective.timeSliceTarget
    }`;
  }
  return `1 - avg_over_time((${verdict})${slices})`;
}
