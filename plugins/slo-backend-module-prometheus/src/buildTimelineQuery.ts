import { InputError } from '@backstage/errors';
import { promDuration } from '@triad/plugin-slo-common';
import {
  ObjectiveQueryInput,
  objectiveQueryParts,
  PERIOD_KEY,
  QueryPlan,
  QueryReading,
  tag,
} from './buildQueries';

/** Window key of the whole steps of a timeline. */
export const STEP_KEY = 'step';
/** Window key of a timeline's last step, which ends at the evaluation. */
export const LAST_KEY = 'last';
/**
 * Most steps one timeline may have, whatever the period: the SLO backend asks
 * for about 200; Prometheus itself refuses more than 11,000 per series.
 */
export const MAX_TIMELINE_STEPS = 2000;

export interface BuildTimelineQueryInput extends ObjectiveQueryInput {
  periodStartMs: number;
  /** The evaluation instant; the last step ends here. */
  atMs: number;
  stepMs: number;
}

/** The range query of one objective's timeline, and where its steps lie. */
export interface TimelinePlan {
  query: string;
  /** Evaluation times of the range query, epoch ms. */
  range: { startMs: number; endMs: number; stepMs: number };
  /**
   * The steps, oldest first: whole steps from the period start, read at
   * their ends from the range query, and a last one (shorter, or as long)
   * that ends at the evaluation instant.
   */
  steps: Array<{ start: number; end: number }>;
  reading: QueryReading;
  totalCounts: QueryPlan['totalCounts'];
}

/**
 * `expr` evaluated at `atMs` only, in a range query too. A subquery takes the
 * instant modifier where an arbitrary expression cannot; with the instant
 * itself as resolution, its one aligned point is `atMs`. Prometheus evaluates
 * such a step-invariant expression once per query, not once per step.
 */
function atInstant(expr: string, atMs: number): string {
  return `last_over_time((${expr})[1ms:${promDuration(atMs)}] @ ${
    atMs / 1000
  })`;
}

/**
 * The one range query that gives an objective's timeline: each step's parts
 * (good, bad, total or ratio, as `measure` reads them) from the period start
 * to the evaluation, plus the last step's and the whole period's parts at the
 * evaluation instant — the period's being exactly `measure`'s, so that the
 * timeline can end at the figure the evaluation shows. Pure: throws
 * `InputError` for steps it cannot draw.
 */
export function buildTimelineQuery(
  input: BuildTimelineQueryInput,
): TimelinePlan | undefined {
  const { periodStartMs: start, atMs: at, stepMs } = input;
  if (!Number.isInteger(stepMs) || stepMs < 1000) {
    throw new InputError(
      `a timeline step of ${stepMs} ms is not a whole number of seconds`,
    );
  }
  const slice = input.timeSliceMs;
  if (input.budgetingMethod !== 'Occurrences' && slice && stepMs % slice) {
    throw new InputError(
      `a timeline step of ${stepMs} ms does not hold whole slices of ${slice} ms`,
    );
  }
  const spanMs = at - start;
  // Less than a second of the period has gone: nothing to draw yet.
  if (spanMs < 1000) return undefined;
  let count = Math.ceil(spanMs / stepMs);
  // A last step shorter than a second would have no data: the one before
  // stretches to the evaluation instead.
  if (count > 1 && spanMs - (count - 1) * stepMs < 1000) count -= 1;
  if (count > MAX_TIMELINE_STEPS) {
    throw new InputError(
      `a timeline of ${spanMs} ms in steps of ${stepMs} ms has ${count} points; at most ${MAX_TIMELINE_STEPS} are drawn`,
    );
  }
  const { parts, reading, totalCounts } = objectiveQueryParts(input);
  const steps = Array.from({ length: count }, (_, k) => ({
    start: start + k * stepMs,
    end: k === count - 1 ? at : start + (k + 1) * stepMs,
  }));
  const series = parts(spanMs).map(([part, expr]) =>
    tag(atInstant(expr, at), PERIOD_KEY, part),
  );
  if (count > 1) {
    const lastMs = at - steps[count - 1].start;
    series.push(
      ...parts(stepMs).map(([part, expr]) => tag(expr, STEP_KEY, part)),
      ...parts(lastMs).map(([part, expr]) =>
        tag(atInstant(expr, at), LAST_KEY, part),
      ),
    );
  }
  return {
    query: series.join('\nor\n'),
    range:
      count > 1
        ? {
            startMs: steps[0].end,
            endMs: steps[count - 2].end,
            stepMs,
          }
        : { startMs: at, endMs: at, stepMs },
    steps,
    reading,
    totalCounts,
  };
}
