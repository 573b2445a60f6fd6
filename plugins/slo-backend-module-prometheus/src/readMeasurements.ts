import { InputError } from '@backstage/errors';
import { ObjectiveMeasurements } from '@triad/plugin-slo-common';
import {
  PART_LABEL,
  PERIOD_KEY,
  QueryPart,
  QueryPlan,
  QueryReading,
  WINDOW_LABEL,
} from './buildQueries';

/** One series of an instant-query answer (`resultType: vector`). */
export interface PromSample {
  metric: Record<string, string>;
  /** `[unix seconds, value]`; the value is a string and may be `NaN` or `±Inf`. */
  value: [number, string];
}

/** The parts of one window, as numbers. */
export type Parts = Partial<Record<QueryPart, number | undefined>>;

/** A sample value as a number; NaN and ±Inf are no data. */
export function parseValue(text: string): number | undefined {
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function clampRatio(e: number): number {
  // increase() extrapolates each series on its own, so good can exceed total
  // by a hair; an error ratio outside [0, 1] would only be that artefact.
  return Math.min(1, Math.max(0, e));
}

/** The error ratio of one window from its parts; undefined without data. */
export function errorRatio(
  reading: QueryReading,
  parts: Parts,
): number | undefined {
  const hasTotal = 'total' in parts;
  if (hasTotal && !(parts.total! > 0)) return undefined;
  if (reading === 'good/total' || reading === 'bad/total') {
    if (!hasTotal) return undefined;
    const key = reading === 'good/total' ? 'good' : 'bad';
    // A counter that never moved may not exist at all (no 5xx yet): zero.
    const numerator = key in parts ? parts[key] : 0;
    if (numerator === undefined) return undefined;
    const share = numerator / parts.total!;
    return clampRatio(reading === 'good/total' ? 1 - share : share);
  }
  if (parts.ratio === undefined) return undefined;
  return clampRatio(
    reading === 'success ratio' ? 1 - parts.ratio : parts.ratio,
  );
}

/**
 * Reads the answer of a plan's combined query back into per-window error
 * ratios. Windows without traffic, without series or with NaN/Inf values are
 * `undefined`, never 0 or NaN.
 */
export function readMeasurements(
  plan: QueryPlan,
  samples: readonly PromSample[],
): ObjectiveMeasurements {
  const byWindow = new Map<string, Parts>();
  for (const sample of samples) {
    const key = sample.metric[WINDOW_LABEL];
    const part = sample.metric[PART_LABEL] as QueryPart | undefined;
    if (key === undefined || part === undefined) continue;
    const parts = byWindow.get(key) ?? {};
    if (part in parts) {
      const count = samples.filter(
        s => s.metric[WINDOW_LABEL] === key && s.metric[PART_LABEL] === part,
      ).length;
      throw new InputError(
        `the query returns ${count} series where one is needed; aggregate it to a single series, e.g. with sum(), avg() or max()`,
      );
    }
    parts[part] = parseValue(sample.value[1]);
    byWindow.set(key, parts);
  }

  const result: ObjectiveMeasurements = {
    periodErrorRatio: undefined,
    windowErrorRatios: {},
  };
  for (const { key, ms } of plan.windows) {
    const parts = byWindow.get(key) ?? {};
    const e = errorRatio(plan.reading, parts);
    if (key !== PERIOD_KEY) {
      result.windowErrorRatios[ms] = e;
      continue;
    }
    result.periodErrorRatio = e;
    const total = parts.total;
    if (total !== undefined && plan.totalCounts === 'events') {
      result.periodTotalEvents = total;
    }
    if (total !== undefined && plan.totalCounts === 'slices') {
      result.periodJudgedSlices = total;
    }
  }
  return result;
}
