import { AlertTier, AlertTierState, evaluateAlertTier } from './alertTiers';
import {
  budgetAllowance,
  budgetConsumed,
  budgetTimeMs,
  burnRate,
  timeToExhaustionMs,
} from './budget';
import { calendarPace, CalendarPaceResult } from './calendarPace';
import { sloStatus, SloStatus, StatusThresholds } from './status';
import { budgetSlices } from './timeslices';
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
  /** Events in the period so far, for the budget in events (Occurrences only). */
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
  /**
   * The whole period's budget (see `budgetAllowance`): every figure here is a
   * view of the same `consumed` share.
   */
  budget: {
    /** Share left; negative when overspent. */
    remaining?: number;
    consumed?: number;
    /** Whole-period budget in time (full outage allowed), ms. */
    totalTimeMs: number;
    remainingTimeMs?: number;
    /**
     * Bad events the whole period allows, projected from the events so far
     * for calendar periods (Occurrences).
     */
    totalEvents?: number;
    remainingEvents?: number;
    /** Bad slices the whole period allows (Timeslices). */
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
  /**
   * Whether the budget runs out before the period does at the current rate:
   * before the end of a calendar period, or within one window length of a
   * rolling one. Undefined when it does not run out or there is no data.
   */
  exhaustedWithinPeriod?: boolean;
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
  const e = m.periodErrorRatio;
  const elapsed = o.period.elapsedFraction;
  const consumed = budgetConsumed(e, o.target, elapsed);
  const remaining = consumed === undefined ? undefined : 1 - consumed;
  const totalTimeMs = budgetTimeMs(o.target, o.period.lengthMs);

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
    consumed,
    totalTimeMs,
    remainingTimeMs:
      remaining === undefined ? undefined : remaining * totalTimeMs,
  };
  if (
    o.budgetingMethod === 'Occurrences' &&
    m.periodTotalEvents !== undefined
  ) {
    budget.totalEvents = budgetAllowance(
      o.target,
      m.periodTotalEvents,
      elapsed,
    );
    if (remaining !== undefined && budget.totalEvents !== undefined)
      budget.remainingEvents = remaining * budget.totalEvents;
  }
  if (o.budgetingMethod === 'Timeslices' && o.timeSliceMs) {
    budget.totalSlices = budgetSlices(
      o.target,
      o.period.lengthMs,
      o.timeSliceMs,
    );
    if (remaining !== undefined)
      budget.remainingSlices = remaining * budget.totalSlices;
  }

  const tte = timeToExhaustionMs(
    remaining,
    o.period.lengthMs,
    current?.longBurnRate,
  );
  // A rolling window never ends: its budget lasts "beyond the period" when it
  // would take more than one window length to spend.
  const periodLeftMs = o.calendar
    ? (1 - elapsed) * o.period.lengthMs
    : o.period.lengthMs;
  return {
    target: o.target,
    budgetingMethod: o.budgetingMethod,
    sli: e === undefined ? undefined : 1 - e,
    errorRatio: e,
    budget,
    burnRate: current?.longBurnRate,
    burnRateWindowMs: current?.longWindowMs,
    alerts,
    timeToExhaustionMs: tte,
    exhaustedWithinPeriod: tte === undefined ? undefined : tte <= periodLeftMs,
    status: sloStatus(remaining, {
      pageFiring: alerts.some(a => a.firing && a.severity === 'page'),
      thresholds: o.thresholds,
    }),
    pace: o.calendar ? calendarPace(consumed, elapsed) : undefined,
  };
}
