import { RELEASE_GATE_POLICY_ANNOTATION } from './parseReleaseGatePolicyAnnotation';
import { AppliedReleaseGatePolicy, ReleaseGatePolicySource } from './types';

/** Where a setting came from, in words. */
export function describeReleaseGatePolicySource(
  policy: AppliedReleaseGatePolicy,
  source: ReleaseGatePolicySource = policy.source,
): string {
  if (source === 'service') {
    return `the service's annotation ${RELEASE_GATE_POLICY_ANNOTATION}`;
  }
  if (source === 'team') {
    return `the config of the owning team ${policy.teamRef} (slo.policy.teams)`;
  }
  return 'the default policy (slo.policy)';
}

const percent = (share: number) =>
  `${Number((share * 100).toFixed(2)).toString()} %`;

/**
 * The policy in one sentence with the origin of each setting, e.g. "blocks
 * below 10 % of error budget left (from the service's annotation …) and
 * while a page alert fires (from the default policy (slo.policy))".
 */
export function describeReleaseGatePolicy(
  policy: AppliedReleaseGatePolicy,
): string {
  const budget =
    policy.minRemainingBudget > 0
      ? `blocks below ${percent(
          policy.minRemainingBudget,
        )} of error budget left`
      : 'blocks when the error budget is overspent';
  const page = policy.blockOnPageAlert
    ? 'and while a page alert fires'
    : 'but not for page alerts';
  const from = (key: keyof AppliedReleaseGatePolicy['sources']) =>
    describeReleaseGatePolicySource(policy, policy.sources[key]);
  return policy.sources.minRemainingBudget === policy.sources.blockOnPageAlert
    ? `${budget} ${page}, from ${from('minRemainingBudget')}`
    : `${budget} (from ${from('minRemainingBudget')}) ${page} (from ${from(
        'blockOnPageAlert',
      )})`;
}
