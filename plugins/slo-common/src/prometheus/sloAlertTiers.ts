import {
  AlertTier,
  alertTiersForPeriod,
  alertTiersFromConditions,
} from '../math/alertTiers';
import {
  AlertConditionDocument,
  AlertPolicyDocument,
  SloDocument,
} from '../openslo/validateOpenSloDocument';
import { AlertConditionSpec, AlertPolicySpec } from '../openslo/schema';

/** A burn-rate tier as an alert rule needs it. */
export interface RuleAlertTier extends AlertTier {
  /** `alertAfter` of an OpenSLO AlertCondition, used as the rule's `for`. */
  for?: string;
}

/** A problem with an SLO's alerting, located at one of its fields. */
export class TierError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'TierError';
    this.path = path;
  }
}

/** Finds an OpenSLO document of a kind by name. */
export type OpenSloLookup = <K extends 'AlertPolicy' | 'AlertCondition'>(
  kind: K,
  name: string,
) =>
  | (K extends 'AlertPolicy' ? AlertPolicyDocument : AlertConditionDocument)
  | undefined;

/**
 * The tiers an SLO alerts on: the burn-rate conditions of its alert policies
 * when it has any, otherwise the four default tiers with factors computed
 * from its own period. Throws with the path of the field when a referenced
 * policy or condition is not among the documents.
 */
export function sloAlertTiers(
  slo: SloDocument,
  periodMs: number,
  lookup: OpenSloLookup,
): RuleAlertTier[] {
  const policies = slo.spec.alertPolicies ?? [];
  if (!policies.length) return alertTiersForPeriod(periodMs);

  const tiers: RuleAlertTier[] = [];
  policies.forEach((entry, p) => {
    let spec: AlertPolicySpec;
    if (typeof entry === 'string' || 'alertPolicyRef' in entry) {
      const name = typeof entry === 'string' ? entry : entry.alertPolicyRef;
      const policy = lookup('AlertPolicy', name);
      if (!policy) {
        throw new TierError(
          `spec.alertPolicies[${p}]`,
          `AlertPolicy "${name}" is not in the given files; pass the file that defines it`,
        );
      }
      spec = policy.spec;
    } else {
      spec = entry.spec;
    }
    spec.conditions.forEach((c, i) => {
      let name: string;
      let condition: AlertConditionSpec;
      if ('conditionRef' in c) {
        const found = lookup('AlertCondition', c.conditionRef);
        if (!found) {
          throw new TierError(
            `spec.alertPolicies[${p}]`,
            `AlertCondition "${c.conditionRef}" (condition ${i} of the policy) is not in the given files`,
          );
        }
        name = found.metadata.name;
        condition = found.spec;
      } else {
        name = c.metadata.name;
        condition = c.spec;
      }
      if (condition.condition.op !== 'gt' && condition.condition.op !== 'gte') {
        throw new TierError(
          `spec.alertPolicies[${p}]`,
          `AlertCondition "${name}" uses op ${condition.condition.op}; a burn-rate alert fires above its threshold (gt or gte)`,
        );
      }
      const [tier] = alertTiersFromConditions([
        {
          name,
          severity: condition.severity,
          threshold: condition.condition.threshold,
          lookbackWindow: condition.condition.lookbackWindow,
        },
      ]);
      tiers.push({ ...tier, for: condition.condition.alertAfter });
    });
  });
  return tiers;
}
