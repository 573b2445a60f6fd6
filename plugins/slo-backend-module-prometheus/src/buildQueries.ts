import { InputError } from '@backstage/errors';
import {
  BudgetingMethod,
  SliSpec,
  SloObjective,
} from '@triad/plugin-slo-common';
import { promDuration } from './promDuration';

/** Label that tags each series of the combined query with its window. */
export const WINDOW_LABEL = 'slo_window';
/** Label that tags each series with what it measures (good, total, …). */
export const PART_LABEL = 'slo_part';
/** Window key of the SLO period (alert windows are keyed by their length in ms). */
export const PERIOD_KEY = 'period';

/** What one series of the combined query measures. */
export type QueryPart = 'good' | 'bad' | 'total' | 'ratio';

/** How a window's parts become an error ratio. */
export type QueryReading =
  | 'good/total'
  | 'bad/total'
  | 'success ratio'
  | 'failure ratio';

/** The PromQL for one objective, and how to read its answer back. */
export interface QueryPlan {
  /** One instant query that measures every window. */
  query: string;
  reading: QueryReading;
  /** The windows in the query: the period (`period`) and each alert window. */
  windows: Array<{ key: string; ms: number }>;
  /** What the period's `total` counts: events, judged slices, or nothing to report. */
  totalCounts: 'events' | 'slices' | 'none';
  /** The SLI (or the threshold metric) over short windows, for a graph link. */
  graphQuery: string;
}

export interface BuildQueriesInput {
  indicator: SliSpec;
  objective: Pick<SloObjective, 'op' | 'value' | 'timeSliceTarget'>;
  budgetingMethod: BudgetingMethod;
  /** Length of the period measured so far (ends at the evaluation time); ≤ 0 skips it. */
  periodMs: number;
  windowsMs: readonly number[];
  timeSliceMs?: number;
}

const PLACEHOLDER = /\{\{\s*window\s*\}\}/g;
const OPS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
const GRAPH_WINDOW_MS = 5 * 60_000;

interface Metric {
  query: string;
  /** Where it came from, for error messages, e.g. `ratioMetric.good`. */
  field: string;
  counter: boolean;
}

/** Whether a query carries the `{{window}}` placeholder. */
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

/**
 * Step of the subqueries that sample gauges and threshold metrics over a
 * window: one minute, or coarser for long windows so that a window never
 * needs more than 1440 evaluations (30 d → 30 m).
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

function withWindow(query: string, windowMs: number): string {
  return query.replace(PLACEHOLDER, promDuration(windowMs));
}

/** A gauge averaged over the window, ignoring NaN points (0/0 while idle). */
function averaged(query: string, windowMs: number): string {
  return `avg_over_time(((${query}) > -Inf)${subqueryRange(
    windowMs,
    sampleStepMs(windowMs),
  )})`;
}

/** Events counted by a good, bad or total metric over a window. */
function eventCount(metric: Metric, windowMs: number): string {
  if (hasWindowPlaceholder(metric.query)) {
    return `sum(${withWindow(metric.query, windowMs)})`;
  }
  if (metric.counter) {
    return `sum(increase(${metric.query.trim()}[${promDuration(windowMs)}]))`;
  }
  return `sum(${averaged(metric.query, windowMs)})`;
}

/** A ratio or threshold metric's value over a window; NaN and no data drop out. */
function valueOver(metric: Metric, windowMs: number): string {
  if (hasWindowPlaceholder(metric.query)) {
    return `(${withWindow(metric.query, windowMs)}) > -Inf`;
  }
  return averaged(metric.query, windowMs);
}

function tag(expr: string, key: string, part: QueryPart): string {
  return `label_replace(label_replace(${expr}, "${WINDOW_LABEL}", "${key}", "", ""), "${PART_LABEL}", "${part}", "", "")`;
}

function readMetric(
  metric: { metricSource: { spec: Record<string, unknown> } } | undefined,
  field: string,
  counter: boolean,
): Metric | undefined {
  if (!metric) return undefined;
  const query = metric.metricSource.spec.query;
  if (typeof query !== 'string' || query.trim() === '') {
    throw new InputError(
      `${field}.metricSource.spec.query must be a PromQL query (a non-empty string)`,
    );
  }
  if (counter && !hasWindowPlaceholder(query) && !isSeriesSelector(query)) {
    throw new InputError(
      `${field}.metricSource.spec.query is a counter but not a series selector: write a selector such as ` +
        `http_requests_total{job="api"} (it is wrapped as sum(increase(<selector>[<window>]))), or put ` +
        `{{window}} where the range goes, e.g. sum(increase(http_requests_total[{{window}}])); got "${query}"`,
    );
  }
  return { query, field, counter };
}

/** The SLI as the query sees it: event counts, a raw ratio, or a threshold metric. */
type Sli =
  | { kind: 'counts'; bad: boolean; numerator: Metric; total: Metric }
  | { kind: 'raw'; failure: boolean; ratio: Metric }
  | { kind: 'threshold'; metric: Metric };

function readSli(indicator: SliSpec): Sli {
  const ratio = indicator.ratioMetric;
  if (ratio) {
    const counter = ratio.counter;
    if (ratio.raw) {
      // A ratio is never a counter: it is averaged (or used as written).
      return {
        kind: 'raw',
        failure: ratio.rawType === 'failure',
        ratio: readMetric(ratio.raw, 'ratioMetric.raw', false)!,
      };
    }
    const good = readMetric(ratio.good, 'ratioMetric.good', counter);
    const bad = readMetric(ratio.bad, 'ratioMetric.bad', counter);
    const total = readMetric(ratio.total, 'ratioMetric.total', counter);
    if (!total || !(good || bad)) {
      throw new InputError(
        'ratioMetric needs total with good or bad, or raw with rawType',
      );
    }
    return { kind: 'counts', bad: !good, numerator: (good ?? bad)!, total };
  }
  if (!indicator.thresholdMetric) {
    throw new InputError('the SLI has neither ratioMetric nor thresholdMetric');
  }
  return {
    kind: 'threshold',
    metric: readMetric(indicator.thresholdMetric, 'thresholdMetric', false)!,
  };
}

/** The SLI (success ratio) over a window; absent when there was no traffic. */
function successRatio(sli: Sli, windowMs: number): string {
  if (sli.kind === 'counts') {
    const numerator = `(${eventCount(sli.numerator, windowMs)} or vector(0))`;
    const total = `(${eventCount(sli.total, windowMs)} > 0)`;
    return sli.bad ? `1 - ${numerator} / ${total}` : `${numerator} / ${total}`;
  }
  if (sli.kind === 'raw') {
    const value = valueOver(sli.ratio, windowMs);
    return sli.failure ? `1 - (${value})` : value;
  }
  throw new InputError('a threshold SLI has no success ratio');
}

function thresholdOf(objective: BuildQueriesInput['objective']): {
  op: string;
  value: number;
} {
  if (!objective.op || objective.value === undefined) {
    throw new InputError(
      'a thresholdMetric SLI needs op and value on the objective',
    );
  }
  return { op: OPS[objective.op], value: objective.value };
}

/**
 * Builds the single instant query that measures one objective over its
 * period and every alert window. Each window contributes a couple of series
 * tagged with `slo_window` and `slo_part`, joined with `or`, so that the whole
 * objective costs one round trip. Pure: throws `InputError` for SLIs it
 * cannot express.
 */
export function buildQueries(input: BuildQueriesInput): QueryPlan {
  const sli = readSli(input.indicator);
  const windows: QueryPlan['windows'] = [];
  if (input.periodMs > 0) windows.push({ key: PERIOD_KEY, ms: input.periodMs });
  for (const ms of new Set(input.windowsMs)) {
    if (!Number.isInteger(ms) || ms < 1000) {
      throw new InputError(
        `alert window of ${ms} ms is not a whole number of seconds`,
      );
    }
    windows.push({ key: String(ms), ms });
  }

  const parts: Array<(windowMs: number) => [QueryPart, string][]> = [];
  let reading: QueryReading;
  let totalCounts: QueryPlan['totalCounts'];
  let graphQuery: string;

  if (input.budgetingMethod === 'Occurrences') {
    if (sli.kind === 'counts') {
      reading = sli.bad ? 'bad/total' : 'good/total';
      totalCounts = sli.total.counter ? 'events' : 'none';
      parts.push(w => [
        [sli.bad ? 'bad' : 'good', eventCount(sli.numerator, w)],
        ['total', eventCount(sli.total, w)],
      ]);
      graphQuery = successRatio(sli, GRAPH_WINDOW_MS);
    } else if (sli.kind === 'raw') {
      reading = sli.failure ? 'failure ratio' : 'success ratio';
      totalCounts = 'none';
      parts.push(w => [['ratio', valueOver(sli.ratio, w)]]);
      graphQuery = valueOver(sli.ratio, GRAPH_WINDOW_MS);
    } else {
      // Each sample of the metric (one per step) is an event, good when the
      // objective's threshold holds.
      const { op, value } = thresholdOf(input.objective);
      reading = 'good/total';
      totalCounts = 'none';
      parts.push(w => {
        const step = sampleStepMs(w);
        const point = `(${withWindow(sli.metric.query, step)}) > -Inf`;
        const range = subqueryRange(w, step);
        return [
          ['good', `sum_over_time(((${point}) ${op} bool ${value})${range})`],
          ['total', `count_over_time((${point})${range})`],
        ];
      });
      graphQuery = sli.metric.query.replace(PLACEHOLDER, '5m');
    }
  } else {
    const slice = input.timeSliceMs;
    if (!slice || slice < 1000 || !Number.isInteger(slice)) {
      throw new InputError(
        `budgetingMethod ${input.budgetingMethod} needs timeSliceWindow of at least one second`,
      );
    }
    if (input.budgetingMethod === 'RatioTimeslices') {
      if (sli.kind === 'threshold') {
        throw new InputError(
          'budgetingMethod RatioTimeslices needs a ratioMetric SLI; use Timeslices for a thresholdMetric',
        );
      }
      // SLI = mean of the slice ratios, over slices with traffic.
      reading = 'success ratio';
      totalCounts = 'slices';
      const perSlice = successRatio(sli, slice);
      parts.push(w => [
        ['ratio', `avg_over_time((${perSlice})${subqueryRange(w, slice)})`],
        ['total', `count_over_time((${perSlice})${subqueryRange(w, slice)})`],
      ]);
      graphQuery = perSlice;
    } else {
      // Timeslices: 1 for a good slice, 0 for a bad one, nothing without data.
      let verdict: string;
      if (sli.kind === 'threshold') {
        const { op, value } = thresholdOf(input.objective);
        graphQuery = valueOver(sli.metric, slice);
        verdict = `(${graphQuery}) ${op} bool ${value}`;
      } else {
        if (input.objective.timeSliceTarget === undefined) {
          throw new InputError(
            'budgetingMethod Timeslices with a ratioMetric SLI needs timeSliceTarget on the objective',
          );
        }
        graphQuery = successRatio(sli, slice);
        verdict = `(${graphQuery}) >= bool ${input.objective.timeSliceTarget}`;
      }
      reading = 'good/total';
      totalCounts = 'slices';
      parts.push(w => [
        ['good', `sum_over_time((${verdict})${subqueryRange(w, slice)})`],
        ['total', `count_over_time((${verdict})${subqueryRange(w, slice)})`],
      ]);
    }
  }

  const query = windows
    .flatMap(({ key, ms }) =>
      parts.flatMap(p => p(ms)).map(([part, expr]) => tag(expr, key, part)),
    )
    .join('\nor\n');
  return { query, reading, windows, totalCounts, graphQuery };
}
