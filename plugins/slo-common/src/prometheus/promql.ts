/*
 * The PromQL of an OpenSLO SLI over a window, in one place (this file,
 * readPromSli, thresholdQueries and timeSliceQueries): the Triad
 * Prometheus data source measures windows with it, and the rule generator
 * records error ratios with it, so that the two always query the same thing.
 * Pure string building; SLIs that cannot be written as PromQL throw
 * SliQueryError.
 */

/** Why an SLI cannot be written as PromQL, for callers that word it their own way. */
export type SliQueryProblem =
  | 'no-query'
  | 'not-a-selector'
  | 'incomplete-ratio'
  | 'no-metric'
  | 'no-threshold'
  | 'no-time-slice-target'
  | 'bad-time-slice'
  | 'not-a-ratio'
  | 'no-events';

/**
 * An SLI that cannot be written as PromQL. `field` is the path inside the SLI
 * spec (`ratioMetric.good.metricSource.spec.query`) or the objective
 * (`objective.timeSliceTarget`).
 */
export class SliQueryError extends Error {
  readonly field: string;
  readonly problem: SliQueryProblem;
  constructor(field: string, message: string, problem: SliQueryProblem) {
    super(message);
    this.name = 'SliQueryError';
    this.field = field;
    this.problem = problem;
  }
}

const UNITS: Array<[string, number]> = [
  ['w', 7 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/**
 * Formats milliseconds as a PromQL duration: the largest exact unit (`30d`,
 * `5m`), else milliseconds (`1137737123ms`) so that elapsed calendar periods
 * are queried to the millisecond instead of being rounded.
 */
export function promDuration(ms: number): string {
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new RangeError(`${ms} ms is not a positive whole duration`);
  }
  const [unit, size] = UNITS.find(([, s]) => ms % s === 0)!;
  return `${ms / size}${unit}`;
}

// `{{window}}`, or Sloth's Go-template spelling `{{.window}}`.
const PLACEHOLDER = /\{\{\s*\.?window\s*\}\}/g;

/** Whether a query carries the `{{window}}` (or `{{.window}}`) placeholder. */
export function hasWindowPlaceholder(query: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(query);
}

/**
 * Whether a query is a bare series selector (`name{labels}`), the only form
 * that can be wrapped as `increase(<selector>[window])`.
 */
export function isSeriesSelector(query: string): boolean {
  // Label values may hold any character, so blank them out first.
  const bare = query.replace(
    /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g,
    '""',
  );
  const match = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*(\{[^{}]*\})?\s*$/.exec(
    bare,
  );
  return !!match && !!(match[1] || match[2]);
}

/** The query with every `{{window}}` replaced by the window, e.g. `5m`. */
export function fillWindowPlaceholder(query: string, windowMs: number): string {
  return query.replace(PLACEHOLDER, promDuration(windowMs));
}

/**
 * Step of the subqueries that sample gauges and threshold metrics over a
 * window: one minute, or coarser for long windows so that a window never
 * needs more than 1440 evaluations (30 d → 30 m), in whole seconds.
 */
export function sampleStepMs(windowMs: number): number {
  return Math.max(60_000, Math.ceil(windowMs / 1440 / 1000) * 1000);
}

/**
 * A subquery range of `windowMs` at `stepMs`. Prometheus 2 includes both ends
 * of a range, and subquery steps are aligned to multiples of the step, so a
 * full window would hold one step too many whenever the evaluation time is
 * aligned; one millisecond less keeps exactly window / step points.
 */
function subqueryRange(windowMs: number, stepMs: number): string {
  return `[${promDuration(windowMs - 1)}:${promDuration(stepMs)}]`;
}

/** `<fn>_over_time((<expr>)[window:step])`, e.g. the mean of per-slice values. */
export function overTime(
  fn: 'avg' | 'sum' | 'count',
  expr: string,
  windowMs: number,
  stepMs: number,
): string {
  return `${fn}_over_time((${expr})${subqueryRange(windowMs, stepMs)})`;
}

/** A gauge averaged over the window; `> -Inf` drops NaN points (0/0 while idle). */
function averaged(query: string, windowMs: number): string {
  return overTime('avg', `(${query}) > -Inf`, windowMs, sampleStepMs(windowMs));
}

/** One metric of an SLI, with its PromQL. */
export interface PromSliMetric {
  query: string;
  /** Where it came from, for error messages, e.g. `ratioMetric.good`. */
  field: string;
  counter: boolean;
}

/** The SLI as PromQL sees it: event counts, a raw ratio, or a threshold metric. */
export type PromSli =
  | {
      kind: 'counts';
      /** Whether the numerator counts bad events rather than good ones. */
      bad: boolean;
      numerator: PromSliMetric;
      total: PromSliMetric;
    }
  | { kind: 'raw'; failure: boolean; ratio: PromSliMetric }
  | { kind: 'threshold'; metric: PromSliMetric };

/**
 * Events counted by a good, bad or total metric over a window: a counter
 * selector as `sum(increase(…[w]))`, a `{{window}}` query as written, a gauge
 * averaged over the window.
 */
export function eventCountQuery(
  metric: PromSliMetric,
  windowMs: number,
): string {
  if (hasWindowPlaceholder(metric.query)) {
    return `sum(${fillWindowPlaceholder(metric.query, windowMs)})`;
  }
  if (metric.counter) {
    return `sum(increase(${metric.query.trim()}[${promDuration(windowMs)}]))`;
  }
  return `sum(${averaged(metric.query, windowMs)})`;
}

/** A ratio or threshold metric's value over a window; NaN and no data drop out. */
export function valueOverQuery(
  metric: PromSliMetric,
  windowMs: number,
): string {
  if (hasWindowPlaceholder(metric.query)) {
    return `(${fillWindowPlaceholder(metric.query, windowMs)}) > -Inf`;
  }
  return averaged(metric.query, windowMs);
}

/**
 * The success or the error ratio of a ratio SLI over a window; absent when
 * there was no traffic. A missing good or bad series counts as zero.
 */
function ratioQuery(
  sli: PromSli,
  windowMs: number,
  wanted: 'success' | 'error',
): string {
  if (sli.kind === 'counts') {
    const numerator = `(${eventCountQuery(
      sli.numerator,
      windowMs,
    )} or vector(0))`;
    const total = `(${eventCountQuery(sli.total, windowMs)} > 0)`;
    const share = `${numerator} / ${total}`;
    return (sli.bad ? 'error' : 'success') === wanted ? share : `1 - ${share}`;
  }
  if (sli.kind === 'raw') {
    const value = valueOverQuery(sli.ratio, windowMs);
    return (sli.failure ? 'error' : 'success') === wanted
      ? value
      : `1 - (${value})`;
  }
  throw new SliQueryError(
    'thresholdMetric',
    'a threshold SLI has no success ratio',
    'not-a-ratio',
  );
}

/** The SLI (success ratio) of a ratio SLI over a window; absent without traffic. */
export function successRatioQuery(sli: PromSli, windowMs: number): string {
  return ratioQuery(sli, windowMs, 'success');
}

/** The error ratio (1 − SLI) of a ratio SLI over a window; absent without traffic. */
export function errorRatioQuery(sli: PromSli, windowMs: number): string {
  return ratioQuery(sli, windowMs, 'error');
}
