import { InputError } from '@backstage/errors';
import {
  BudgetingMethod,
  eventCountQuery,
  fillWindowPlaceholder,
  overTime,
  readPromSli,
  SliQueryError,
  SliSpec,
  SloObjective,
  successRatioQuery,
  thresholdCondition,
  thresholdSamplesQueries,
  timeSliceQueries,
  valueOverQuery,
} from '@triad/plugin-slo-common';

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

/** What the PromQL of one objective depends on. */
export interface ObjectiveQueryInput {
  indicator: SliSpec;
  objective: Pick<SloObjective, 'op' | 'value' | 'timeSliceTarget'>;
  budgetingMethod: BudgetingMethod;
  timeSliceMs?: number;
}

export interface BuildQueriesInput extends ObjectiveQueryInput {
  /** Length of the period measured so far (ends at the evaluation time); ≤ 0 skips it. */
  periodMs: number;
  windowsMs: readonly number[];
}

/**
 * How one objective is measured over any window: the series (good, bad,
 * total or ratio) that a window contributes, and how to read them back.
 */
export interface ObjectiveQueryParts {
  /** The series of one window, each with the part it measures. */
  parts(windowMs: number): [QueryPart, string][];
  reading: QueryReading;
  totalCounts: QueryPlan['totalCounts'];
  graphQuery: string;
}

const GRAPH_WINDOW_MS = 5 * 60_000;

/** Tags a series with its window key and part, so one query can carry many. */
export function tag(expr: string, key: string, part: QueryPart): string {
  return `label_replace(label_replace(${expr}, "${WINDOW_LABEL}", "${key}", "", ""), "${PART_LABEL}", "${part}", "", "")`;
}

/** The data source's wording of an SLI that cannot be written as PromQL. */
function inputError(e: SliQueryError): InputError {
  switch (e.problem) {
    case 'no-query':
      return new InputError(
        `${e.field} must be a PromQL query (a non-empty string)`,
      );
    case 'no-time-slice-target':
      return new InputError(
        'budgetingMethod Timeslices with a ratioMetric SLI needs timeSliceTarget on the objective',
      );
    case 'not-a-selector':
    case 'incomplete-ratio':
      return new InputError(`${e.field} ${e.message}`);
    default:
      return new InputError(e.message);
  }
}

/**
 * Builds the single instant query that measures one objective over its
 * period and every alert window. Each window contributes a couple of series
 * tagged with `slo_window` and `slo_part`, joined with `or`, so that the whole
 * objective costs one round trip. Pure: throws `InputError` for SLIs it
 * cannot express.
 */
export function buildQueries(input: BuildQueriesInput): QueryPlan {
  const { parts, reading, totalCounts, graphQuery } =
    objectiveQueryParts(input);
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
  const query = windows
    .flatMap(({ key, ms }) =>
      parts(ms).map(([part, expr]) => tag(expr, key, part)),
    )
    .join('\nor\n');
  return { query, reading, windows, totalCounts, graphQuery };
}

/**
 * The series an objective's SLI gives over a window, for the instant query
 * of `measure` and the range query of `timeline` alike. Pure: throws
 * `InputError` for SLIs it cannot express.
 */
export function objectiveQueryParts(
  input: ObjectiveQueryInput,
): ObjectiveQueryParts {
  try {
    return planParts(input);
  } catch (e) {
    if (e instanceof SliQueryError) throw inputError(e);
    throw e;
  }
}

function planParts(input: ObjectiveQueryInput): ObjectiveQueryParts {
  const sli = readPromSli(input.indicator);
  let parts: (windowMs: number) => [QueryPart, string][];
  let reading: QueryReading;
  let totalCounts: QueryPlan['totalCounts'];
  let graphQuery: string;

  if (input.budgetingMethod === 'Occurrences') {
    if (sli.kind === 'counts') {
      reading = sli.bad ? 'bad/total' : 'good/total';
      totalCounts = sli.total.counter ? 'events' : 'none';
      parts = w => [
        [sli.bad ? 'bad' : 'good', eventCountQuery(sli.numerator, w)],
        ['total', eventCountQuery(sli.total, w)],
      ];
      graphQuery = successRatioQuery(sli, GRAPH_WINDOW_MS);
    } else if (sli.kind === 'raw') {
      reading = sli.failure ? 'failure ratio' : 'success ratio';
      totalCounts = 'none';
      parts = w => [['ratio', valueOverQuery(sli.ratio, w)]];
      graphQuery = valueOverQuery(sli.ratio, GRAPH_WINDOW_MS);
    } else {
      // Each sample of the metric (one per step) is an event, good when the
      // objective's threshold holds.
      const condition = thresholdCondition(input.objective);
      reading = 'good/total';
      totalCounts = 'none';
      parts = w => {
        const { good, total } = thresholdSamplesQueries(
          sli.metric,
          condition,
          w,
        );
        return [
          ['good', good],
          ['total', total],
        ];
      };
      graphQuery = fillWindowPlaceholder(sli.metric.query, GRAPH_WINDOW_MS);
    }
  } else {
    const slice = input.timeSliceMs;
    if (!slice || slice < 1000 || !Number.isInteger(slice)) {
      throw new InputError(
        `budgetingMethod ${input.budgetingMethod} needs timeSliceWindow of at least one second`,
      );
    }
    // Timeslices: 1 for a good slice, 0 for a bad one; RatioTimeslices: the
    // slice's ratio, averaged over the slices with traffic. Slices without
    // data are left out of both.
    const { perSlice, value } = timeSliceQueries(
      sli,
      input.budgetingMethod,
      input.objective,
      slice,
    );
    totalCounts = 'slices';
    graphQuery = value;
    if (input.budgetingMethod === 'RatioTimeslices') {
      reading = 'success ratio';
      parts = w => [
        ['ratio', overTime('avg', perSlice, w, slice)],
        ['total', overTime('count', perSlice, w, slice)],
      ];
    } else {
      reading = 'good/total';
      parts = w => [
        ['good', overTime('sum', perSlice, w, slice)],
        ['total', overTime('count', perSlice, w, slice)],
      ];
    }
  }

  return { parts, reading, totalCounts, graphQuery };
}
