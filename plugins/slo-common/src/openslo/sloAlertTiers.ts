import {
  AlertTier,
  alertTiersForPeriod,
  alertTiersFromConditions,
  BurnRateCondition,
} from '../math/alertTiers';

/**
 * The tiers an SLO alerts on: the burn-rate conditions of its alert policies
 * when it has any (`alertConditions` of resolveSlo), otherwise the default
 * tiers with factors for a period of `periodMs`. The SLO backend and the rule
 * generator both take their tiers from here, so the page and the pager agree.
 */
export function sloAlertTiers(
  alertConditions: readonly BurnRateCondition[] | undefined,
  periodMs: number,
): AlertTier[] {
  return alertConditions
    ? alertTiersFromConditions(alertConditions)
    : alertTiersForPeriod(periodMs);
}
