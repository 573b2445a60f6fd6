import { durationToMs } from './duration';

/**
 * One tier of multi-window, multi-burn-rate alerting: fire when both windows
 * burn faster than `factor`.
 */
export interface AlertTier {
  name: string;
  severity: 'page' | 'ticket' | string;
  /** Share of the period's budget the tier protects (e.g. 0.02). */
  budgetFraction?: number;
  longWindowMs: number;
  shortWindowMs: number;
  /** Burn-rate threshold. */
  factor: number;
  /** `gte` fires at the factor too; otherwise only above it. */
  op?: 'gt' | 'gte';
  /** How long both windows must burn before the alert fires (`alertAfter`). */
  for?: string;
  /** Where its alerts go: the notification targets of its alert policies. */
  notificationTargets?: NotificationTarget[];
}

/** An OpenSLO AlertNotificationTarget as a tier carries it. */
export interface NotificationTarget {
  name: string;
  /** e.g. `email`, `slack`, `pagerduty`. */
  target: string;
  displayName?: string;
  description?: string;
}

/** A tier before it is tied to an SLO period. */
export interface AlertTierSpec {
  name: string;
  severity: string;
  budgetFraction: number;
  longWindow: string;
  shortWindow: string;
}

/**
 * The classic four tiers: 2 % of the budget in 1 h and 5 % in 6 h page; 10 % in
 * 1 d and 10 % in 3 d open tickets. Short windows are a twelfth of the long one.
 */
export const DEFAULT_ALERT_TIERS: readonly AlertTierSpec[] = [
  {
    name: 'page-fast',
    severity: 'page',
    budgetFraction: 0.02,
    longWindow: '1h',
    shortWindow: '5m',
  },
  {
    name: 'page-slow',
    severity: 'page',
    budgetFraction: 0.05,
    longWindow: '6h',
    shortWindow: '30m',
  },
  {
    name: 'ticket-fast',
    severity: 'ticket',
    budgetFraction: 0.1,
    longWindow: '1d',
    shortWindow: '2h',
  },
  {
    name: 'ticket-slow',
    severity: 'ticket',
    budgetFraction: 0.1,
    longWindow: '3d',
    shortWindow: '6h',
  },
];

/**
 * Burn-rate factor that spends `budgetFraction` of a period's budget within
 * the long window: `k = p × T / w_L`.
 */
export function burnRateFactor(
  budgetFraction: number,
  periodMs: number,
  longWindowMs: number,
): number {
  return (budgetFraction * periodMs) / longWindowMs;
}

/** Tiers with their factors worked out for a period of `periodMs`. */
export function alertTiersForPeriod(
  periodMs: number,
  specs: readonly AlertTierSpec[] = DEFAULT_ALERT_TIERS,
): AlertTier[] {
  return specs.map(spec => {
    const longWindowMs = durationToMs(spec.longWindow);
    return {
      name: spec.name,
      severity: spec.severity,
      budgetFraction: spec.budgetFraction,
      longWindowMs,
      shortWindowMs: durationToMs(spec.shortWindow),
      factor: burnRateFactor(spec.budgetFraction, periodMs, longWindowMs),
    };
  });
}

/** An OpenSLO `burnrate` alert condition, as far as tiers need it. */
export interface BurnRateCondition {
  name: string;
  severity: string;
  /** Only the ops that fire above a threshold express a burn-rate alert. */
  op?: 'gt' | 'gte';
  threshold: number;
  lookbackWindow: string;
  /** The short window, when not a twelfth of `lookbackWindow`. */
  shortWindow?: string;
  alertAfter?: string;
  notificationTargets?: NotificationTarget[];
}

/**
 * Tiers from an AlertPolicy's burn-rate conditions: the threshold is the
 * factor, the lookback window the long window, and the short window a twelfth
 * of it (the same ratio as the default tiers) unless the condition gives its
 * own; `alertAfter` becomes `for`.
 */
export function alertTiersFromConditions(
  conditions: readonly BurnRateCondition[],
): AlertTier[] {
  return conditions.map(c => {
    const longWindowMs = durationToMs(c.lookbackWindow);
    return {
      name: c.name,
      severity: c.severity,
      longWindowMs,
      shortWindowMs: c.shortWindow
        ? durationToMs(c.shortWindow)
        : Math.round(longWindowMs / 12),
      factor: c.threshold,
      ...(c.op && { op: c.op }),
      ...(c.alertAfter && { for: c.alertAfter }),
      ...(c.notificationTargets?.length && {
        notificationTargets: c.notificationTargets.map(t => ({ ...t })),
      }),
    };
  });
}

/** A tier's state given the burn rates of its two windows. */
export interface AlertTierState extends AlertTier {
  longBurnRate?: number;
  shortBurnRate?: number;
  firing: boolean;
}

/**
 * Fires only when both windows exceed the factor: the long window shows the
 * burn is significant, the short one that it is still going on. A window with
 * no data never fires.
 */
export function evaluateAlertTier(
  tier: AlertTier,
  longBurnRate: number | undefined,
  shortBurnRate: number | undefined,
): AlertTierState {
  const burns = (rate: number | undefined) =>
    rate !== undefined &&
    (tier.op === 'gte' ? rate >= tier.factor : rate > tier.factor);
  const firing = burns(longBurnRate) && burns(shortBurnRate);
  return { ...tier, longBurnRate, shortBurnRate, firing };
}
