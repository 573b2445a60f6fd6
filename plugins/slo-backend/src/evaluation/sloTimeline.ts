import {
  burnDown,
  objectiveTarget,
  SloResult,
  SloTimelineResponse,
  timeSliceMs,
} from '@triad/plugin-slo-common';
import { SloDefinition } from './SloDefinitions';
import { checkPeriod, isMeasurable, periodOf, SloSources } from './SloSources';

/**
 * Cumulative SLI and remaining budget over the current period, for charts,
 * up to the instant of `evaluation`: the chart ends at the figures the page
 * shows beside it. Sources without a timeline give no points; the charts
 * then fall back to the history of snapshots.
 */
export async function sloTimeline(
  def: SloDefinition,
  evaluation: SloResult,
  sources: SloSources,
): Promise<SloTimelineResponse> {
  const at = new Date(evaluation.evaluatedAt);
  const { timeWindow, period } = periodOf(def, at);
  checkPeriod(period, timeWindow);
  // About 200 points per chart over the part of the period gone so far (a
  // calendar month on its first morning still draws a line), in whole
  // minutes and whole slices.
  const spanMs = period.elapsedFraction * period.lengthMs;
  const objectives = await Promise.all(
    def.objectives.map(async o => {
      const slice = timeSliceMs(o.objective) ?? 60_000;
      const stepMs = Math.max(slice, Math.ceil(spanMs / 200 / slice) * slice);
      const source = sources.serving(o);
      const base = {
        index: o.index,
        displayName: o.objective.displayName,
        target: objectiveTarget(o.objective),
      };
      if (!source?.timeline || !isMeasurable(o)) {
        return { ...base, stepMs, points: [] };
      }
      const buckets = await sources.ask(
        def,
        o,
        { period, windowsMs: [], timeSliceMs: timeSliceMs(o.objective), at },
        request => source.timeline!(request, stepMs),
      );
      const points = burnDown(buckets, base.target, period, stepMs);
      // Counts that arrived after the evaluation (a late push) may move the
      // curve by a step's worth; its end is pinned to the evaluation so the
      // page never shows two different figures for one instant.
      const evaluated = evaluation.objectives.find(e => e.index === o.index);
      const last = points[points.length - 1];
      if (last && evaluated && !evaluation.stale) {
        last.sli = evaluated.sli;
        last.remaining = evaluated.budget.remaining;
      }
      return { ...base, stepMs, points };
    }),
  );
  return JSON.parse(
    JSON.stringify({
      ref: def.ref,
      stepMs: objectives[0]?.stepMs ?? 60_000,
      period,
      objectives: objectives.map(({ stepMs: _step, ...o }) => o),
    }),
  );
}
