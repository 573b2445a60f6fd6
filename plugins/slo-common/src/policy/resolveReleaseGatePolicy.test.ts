import { describeReleaseGatePolicy } from './describeReleaseGatePolicy';
import { resolveReleaseGatePolicy } from './resolveReleaseGatePolicy';

const defaults = { minRemainingBudget: 0, blockOnPageAlert: true };
const teams = new Map([
  ['group:default/payments-team', { minRemainingBudget: 0.2 }],
  [
    'group:default/checkout-team',
    { minRemainingBudget: 0.05, blockOnPageAlert: false },
  ],
]);

describe('resolveReleaseGatePolicy', () => {
  it('falls back to slo.policy when neither the service nor its team sets anything', () => {
    const policy = resolveReleaseGatePolicy({
      ownerRef: 'group:default/search-team',
      teams,
      defaults,
    });
    expect(policy).toEqual({
      minRemainingBudget: 0,
      blockOnPageAlert: true,
      source: 'default',
      sources: { minRemainingBudget: 'default', blockOnPageAlert: 'default' },
      problems: [],
    });
    expect(describeReleaseGatePolicy(policy)).toBe(
      'blocks when the error budget is overspent and while a page alert fires, from the default policy (slo.policy)',
    );
  });

  it("takes the owning team's settings over the defaults, setting by setting", () => {
    const policy = resolveReleaseGatePolicy({
      ownerRef: 'group:default/payments-team',
      teams,
      defaults,
    });
    expect(policy).toEqual({
      minRemainingBudget: 0.2,
      blockOnPageAlert: true,
      source: 'team',
      sources: { minRemainingBudget: 'team', blockOnPageAlert: 'default' },
      teamRef: 'group:default/payments-team',
      problems: [],
    });
    expect(describeReleaseGatePolicy(policy)).toBe(
      'blocks below 20 % of error budget left (from the config of the owning team group:default/payments-team (slo.policy.teams)) and while a page alert fires (from the default policy (slo.policy))',
    );
  });

  it("takes the service's annotation over its team's config", () => {
    const policy = resolveReleaseGatePolicy({
      annotation: 'blockOnPageAlert=true',
      ownerRef: 'group:default/checkout-team',
      teams,
      defaults,
    });
    expect(policy).toMatchObject({
      minRemainingBudget: 0.05,
      blockOnPageAlert: true,
      source: 'service',
      sources: { minRemainingBudget: 'team', blockOnPageAlert: 'service' },
      teamRef: 'group:default/checkout-team',
    });

    const all = resolveReleaseGatePolicy({
      annotation: 'minRemainingBudget=12.5%, blockOnPageAlert=false',
      ownerRef: 'group:default/checkout-team',
      teams,
      defaults,
    });
    // The team's config is not used at all, so it is not named.
    expect(all).toEqual({
      minRemainingBudget: 0.125,
      blockOnPageAlert: false,
      source: 'service',
      sources: { minRemainingBudget: 'service', blockOnPageAlert: 'service' },
      problems: [],
    });
    expect(describeReleaseGatePolicy(all)).toBe(
      "blocks below 12.5 % of error budget left but not for page alerts, from the service's annotation triad.dev/release-gate-policy",
    );
  });

  it('lets a setting the annotation gets wrong fall through, reporting it', () => {
    const policy = resolveReleaseGatePolicy({
      annotation: 'minRemainingBudget=lots',
      ownerRef: 'group:default/payments-team',
      teams,
      defaults,
    });
    expect(policy).toMatchObject({
      minRemainingBudget: 0.2,
      source: 'team',
      problems: [
        'annotation triad.dev/release-gate-policy: minRemainingBudget: "lots" is not a share of the budget between 0 and 1 (e.g. 0.1 or 10%)',
      ],
    });
  });

  it('uses no team config for a service without an owner', () => {
    expect(resolveReleaseGatePolicy({ teams, defaults }).source).toBe(
      'default',
    );
  });
});
