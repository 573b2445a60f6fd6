import { SloResult } from '../api/types';
import { StatusThresholds } from '../math/status';

/**
 * Where an SLO's remaining budget stands: above the warning threshold, below
 * it, or exhausted (nothing left, as the SLO tab says "already exhausted").
 */
export type BudgetLevel = 'ok' | 'low' | 'exhausted';

/** What notifications compare from one evaluation of an SLO to the next. */
export interface SloAlertState {
  /** A page-severity burn-rate tier fires on some objective. */
  pageFiring: boolean;
  /** The level of the objective with the least budget left; undefined without data. */
  budget?: BudgetLevel;
  /** The SLO closes its service's release gate. */
  releaseBlocked: boolean;
}

/** The budget level of a remaining share, with the SLO tab's thresholds. */
export function budgetLevel(
  remaining: number,
  thresholds: StatusThresholds,
): BudgetLevel {
  if (remaining <= 0) return 'exhausted';
  if (remaining < thresholds.warningBelow) return 'low';
  return 'ok';
}

/**
 * The state of an evaluated SLO, or undefined when the evaluation cannot be
 * trusted (stale or failed): a source outage must not read as a recovery.
 * `releaseBlocked` comes from the error-budget policy of the SLO's service.
 */
export function sloAlertState(
  result: SloResult,
  options: { thresholds: StatusThresholds; releaseBlocked: boolean },
): SloAlertState | undefined {
  if (result.stale || result.error) return undefined;
  const remaining = result.objectives
    .map(o => o.budget.remaining)
    .filter((r): r is number => r !== undefined);
  return {
    pageFiring: result.objectives.some(o =>
      o.alerts.some(a => a.firing && a.severity === 'page'),
    ),
    ...(remaining.length && {
      budget: budgetLevel(Math.min(...remaining), options.thresholds),
    }),
    releaseBlocked: options.releaseBlocked,
  };
}
