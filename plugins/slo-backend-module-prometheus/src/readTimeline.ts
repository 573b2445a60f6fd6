import { InputError } from '@backstage/errors';
import { TimelineBucket } from '@triad/plugin-slo-common';
import {
  PART_LABEL,
  PERIOD_KEY,
  QueryPart,
  QueryReading,
  WINDOW_LABEL,
} from './buildQueries';
import { LAST_KEY, STEP_KEY, TimelinePlan } from './buildTimelineQuery';
import { PromSeries } from './queryPrometheus';
import { errorRatio, parseValue, Parts } from './readMeasurements';

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** Good and total of one step, from its parts; zero without data. */
function countsOf(
  reading: QueryReading,
  parts: Parts,
): { good: number; total: number } {
  const total = parts.total !== undefined && parts.total > 0 ? parts.total : 0;
  switch (reading) {
    case 'good/total':
      return { good: Math.min(total, Math.max(0, parts.good ?? 0)), total };
    case 'bad/total':
      return {
        good: total - Math.min(total, Math.max(0, parts.bad ?? 0)),
        total,
      };
    default: {
      if (parts.ratio === undefined) return { good: 0, total: 0 };
      // A raw ratio weighs each step alike; RatioTimeslices by its slices.
      const weight = 'total' in parts ? total : 1;
      const success =
        reading === 'success ratio' ? parts.ratio : 1 - parts.ratio;
      return { good: clamp01(success) * weight, total: weight };
    }
  }
}

/**
 * Reads a timeline plan's range-query answer into buckets whose sums are the
 * period's own figures. Each step's counts come from its own window, and
 * Prometheus extrapolates every `increase()` (or samples every gauge) on its
 * own, so the steps of a counter add up to the period's `increase()` only
 * approximately. The totals and the bad counts of the steps are therefore
 * scaled to the period's, as `measure` reads them: the curve keeps the steps'
 * shape, never rises above 100 %, and ends exactly at the error ratio and the
 * events of the evaluation. Slices add up exactly, so for them the scale is 1.
 */
export function readTimeline(
  plan: TimelinePlan,
  series: readonly PromSeries[],
): TimelineBucket[] {
  const stepParts = new Map<number, Parts>();
  const instant: Record<string, Parts> = {};
  const seen = new Set<string>();
  for (const s of series) {
    const key = s.metric[WINDOW_LABEL];
    const part = s.metric[PART_LABEL] as QueryPart | undefined;
    if (key === undefined || part === undefined) continue;
    if (seen.has(`${key}\0${part}`)) {
      throw new InputError(
        'the query returns several series where one is needed; aggregate it to a single series, e.g. with sum(), avg() or max()',
      );
    }
    seen.add(`${key}\0${part}`);
    if (key === STEP_KEY) {
      for (const [t, v] of s.values) {
        const at = Math.round(t * 1000);
        const parts = stepParts.get(at) ?? {};
        parts[part] = parseValue(v);
        stepParts.set(at, parts);
      }
    } else if (s.values.length) {
      // Evaluated once, at the evaluation instant: the same at every step.
      (instant[key] ??= {})[part] = parseValue(
        s.values[s.values.length - 1][1],
      );
    }
  }

  const last = plan.steps.length - 1;
  const period = instant[PERIOD_KEY] ?? {};
  const raw = plan.steps.map((step, k) => {
    const parts =
      k < last
        ? stepParts.get(step.end) ?? {}
        : instant[last > 0 ? LAST_KEY : PERIOD_KEY] ?? {};
    return { start: step.start, ...countsOf(plan.reading, parts) };
  });

  // The period as `measure` reads it: its error ratio and its total.
  const e = errorRatio(plan.reading, period);
  const stepsTotal = raw.reduce((sum, b) => sum + b.total, 0);
  if (e === undefined) return raw.map(b => ({ ...b, good: 0, total: 0 }));
  const total =
    period.total !== undefined && period.total > 0 ? period.total : stepsTotal;
  if (!(stepsTotal > 0)) {
    // Steps too short for the source's samples: only the period has data.
    return raw.map((b, k) =>
      k === last
        ? { start: b.start, good: (1 - e) * total, total }
        : { ...b, good: 0, total: 0 },
    );
  }
  const bad = e * total;
  const stepsBad = raw.reduce((sum, b) => sum + (b.total - b.good), 0);
  const totalScale = total / stepsTotal;
  return raw.map(b => {
    const t = b.total * totalScale;
    // Bad counts follow the steps'; without any, they follow the traffic.
    const badShare =
      stepsBad > 0 ? (b.total - b.good) / stepsBad : b.total / stepsTotal;
    return { start: b.start, good: t - bad * badShare, total: t };
  });
}
