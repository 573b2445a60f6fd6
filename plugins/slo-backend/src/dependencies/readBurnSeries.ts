import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AttributedSlo,
  AttributionSeries,
  objectiveTarget,
  Period,
  TimelineBucket,
  timeSliceMs,
} from '@triad/plugin-slo-common';
import { SloDefinition } from '../evaluation/SloDefinitions';
import {
  checkPeriod,
  isMeasurable,
  MeasurableObjective,
  periodOf,
  SloSources,
} from '../evaluation/SloSources';

/** The window every series of one attribution is read over, in one step. */
export interface BurnWindow {
  period: Period;
  at: Date;
  stepMs: number;
}

/** An SLO's counts over a window, for burnAttribution. */
export interface BurnSeries extends AttributionSeries {
  slo: AttributedSlo;
  buckets: TimelineBucket[];
}

/** The objective judged: the lowest target, as in the dependency ceiling. */
function judgedObjective(def: SloDefinition): MeasurableObjective | undefined {
  return def.objectives
    .filter(isMeasurable)
    .sort(
      (a, b) => objectiveTarget(a.objective) - objectiveTarget(b.objective),
    )[0];
}

/** The SLO as attributions name it: ref, title and the judged target. */
export function attributedSlo(def: SloDefinition): AttributedSlo {
  const title =
    (def.doc.metadata.displayName as string | undefined) ??
    def.entity.metadata.title;
  const lowest = Math.min(
    ...def.objectives.map(o => objectiveTarget(o.objective)),
  );
  return { ref: def.ref, ...(title ? { title } : {}), target: lowest };
}

/** Why an SLO has no series: its source has no timeline, or did not answer. */
export const NO_SERIES_PROBLEM =
  "This SLO's counts could not be read over its window: its data source has no timeline, or did not answer.";

/**
 * The SLO's current window at `at`, in about 200 steps of whole minutes
 * that are also whole slices of every slice-based SLO in `all` (so one
 * step serves them all, as the charts draw).
 */
export function burnWindowOf(
  def: SloDefinition,
  all: SloDefinition[],
  at: Date,
): BurnWindow {
  const { timeWindow, period } = periodOf(def, at);
  checkPeriod(period, timeWindow);
  const slices = all.flatMap(d =>
    d.objectives.map(o => timeSliceMs(o.objective) ?? 0),
  );
  const unit = Math.max(60_000, ...slices);
  const spanMs = period.elapsedFraction * period.lengthMs;
  const stepMs = Math.max(unit, Math.ceil(spanMs / 200 / unit) * unit);
  return { period, at, stepMs };
}

/**
 * Each SLO's buckets over the window, by the SLO's ref: its judged
 * objective, read from its data source's timeline. An SLO whose source has
 * no timeline, or fails, is absent (logged), not fatal to the others.
 */
export async function readBurnSeries(
  deps: { sources: SloSources; logger: LoggerService },
  defs: SloDefinition[],
  window: BurnWindow,
): Promise<Map<string, BurnSeries>> {
  const series = new Map<string, BurnSeries>();
  await Promise.all(
    defs.map(async def => {
      const o = judgedObjective(def);
      const source = o && deps.sources.serving(o);
      if (!o || !source?.timeline) return;
      try {
        const buckets = await deps.sources.ask(
          def,
          o,
          {
            period: window.period,
            windowsMs: [],
            timeSliceMs: timeSliceMs(o.objective),
            at: window.at,
          },
          request => source.timeline!(request, window.stepMs),
        );
        const target = objectiveTarget(o.objective);
        series.set(def.ref, {
          slo: { ...attributedSlo(def), target },
          buckets,
          target,
        });
      } catch (error) {
        deps.logger.warn(`No burn series of ${def.ref}: ${error}`);
      }
    }),
  );
  return series;
}
