import { AlertTier, AlertTierState, evaluateAlertTier } from './alertTiers';
import {
  budgetConsumed,
  budgetRemaining,
  burnRate,
  errorBudgetRatio,
  timeToExhaustionMs,
} from './budget';
import { calendarPace, CalendarPaceResult } from './calendarPace';
import { sloStatus, SloStatus, StatusThresholds } from './status';
import { Period } from './timeWindow';

/** OpenSLO budgeting methods. */
export type BudgetingMethod = 'Occurrences' | 'Timeslices' | 'RatioTimeslices';

/** What a data source measured for one objective. */
export interface ObjectiveMeasurements {
  /**
   * Error ratio over the period: bad/total events (Occurrences), bad/judged
   * slices (Timeslices) or 1 − mean slice ratio (RatioTimeslices); undefined
   * without data.
   */
  periodErrorRatio: number | undefined;
  /** Events in the period, for the budget in events (Occurrences only). */
  periodTotalEvents?: number;
  /** Slices judged in the period, for the budget in slices (Timeslices only). */
  periodJudgedSlices?: number;
  /** Error ratio per alert window, keyed by the window length in ms. */
  windowErrorRatios: Record<number, number | undefined>;
}

export interface EvaluateObjectiveOptions {
  target: number;
  budgetingMethod: BudgetingMethod;
  period: Period;
  calendar: boolean;
  tiers: readonly AlertTier[];
  /** Slice length for the Timeslices methods. */
  timeSliceMs?: number;
  thresholds?: StatusThresholds;
}

/** Everything known about one objective at one time. */
export interface ObjectiveEvaluation {
  target: number;
  budgetingMethod: BudgetingMethod;
  /** SLI over the period; undefined without data. */
  sli?: number;
  errorRatio?: number;
  budget: {
    /** Share left; negative when overspent. */
    remaining?: number;
    consumed?: number;
    /** Whole-period budget in time (full outage allowed), ms. */
    totalTimeMs: number;
    remainingTimeMs?: number;
    /** Bad events allowed among the events seen in the period (Occurrences). */
    totalEvents?: number;
    remainingEvents?: number;
    /** Bad slices allowed in the period (Timeslices). */
    totalSlices?: number;
    remainingSlices?: number;
  };
  /** Burn rate over the shortest long alert window: "the current rate". */
  burnRate?: number;
  /** Window (ms) that `burnRate` was measured over. */
  burnRateWindowMs?: number;
  alerts: AlertTierState[];
  /** At the current burn rate; 0 when exhausted, undefined when not burning. */
  timeToExhaustionMs?: number;
  status: SloStatus;
  /** Calendar periods only. */
  pace?: CalendarPaceResult;
}

/**
 * Combines the measurements of one objective into budget, burn rates, alert
 * tiers, time to exhaustion and status. Pure: the data source does the I/O.
 */
export function evaluateObjective(
  m: ObjectiveMeasurements,
  o: EvaluateObjectiveOptions,
): ObjectiveEvaluation {
  const eb = errorBudgetRatio(o.target);
  const e = m.periodErrorRatio;
  const remaining = budgetRemaining(e, o.target);
  const totalTimeMs = eb * o.period.lengthMs;

  const alerts = o.tiers.map(tier =>
    evaluateAlertTier(
      tier,
      burnRate(m.windowErrorRatios[tier.longWindowMs], o.target),
      burnRate(m.windowErrorRatios[tier.shortWindowMs], o.target),
    ),
  );
  const current = [...alerts].sort(
    (a, b) => a.longWindowMs - b.longWindowMs,
  )[0];

  const budget: ObjectiveEvaluation['budget'] = {
    remaining,
    consumed: budgetConsumed(e, o.target),
    totalTimeMs,
    remainingTimeMs:
      remaining === undefined ? undefined : remaining * totalTimeMs,
  };
  if (
    o.budgetingMethod === 'Occurrences' &&
    m.periodTotalEvents !== undefined
  ) {
    budget.totalEvents = eb * m.periodTotalEvents;
    if (remaining !== undefined)
      budget.remainingEvents = remaining * budget.totalEvents;
  }
  if (o.budgetingMethod === 'Timeslices' && o.timeSliceMs) {
    budget.totalSlices = (eb * o.period.lengthMs) / o.timeSliceMs;
    if (remaining !== undefined)
      budget.remainingSlices = remaining * budget.totalSlices;
  }

  return {
    target: o.target,
    budgetingMethod: o.budgetingMethod,
    sli: e === undefined ? undefined : 1 - e,
    errorRatio: e,
    budget,
    burnRate: current?.longBurnRate,
    burnRateWindowMs: current?.longWindowMs,
    alerts,
    timeToExhaustionMs: timeToExhaustionMs(
      remaining,
      o.period.lengthMs,
      current?.longBurnRate,
    ),
    status: sloStatus(remaining, {
      pageFiring: alerts.some(a => a.firing && a.severity === 'page'),
      thresholds: o.thresholds,
    }),
    pace: o.calendar
      ? calendarPace(e, eb, o.period.elapsedFraction)
      : undefined,
  };
}
