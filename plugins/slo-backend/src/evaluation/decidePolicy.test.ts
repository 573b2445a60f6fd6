import { resolveReleaseGatePolicy, SloResult } from '@triad/plugin-slo-common';
import { decidePolicy } from './decidePolicy';

const now = new Date('2026-11-28T12:00:00Z');
const policy = resolveReleaseGatePolicy({
  teams: new Map(),
  defaults: { minRemainingBudget: 0.1, blockOnPageAlert: true },
});

function slo(
  objectives: Array<{ remaining?: number; firing?: string }>,
  extra: Partial<SloResult> = {},
): SloResult {
  return {
    ref: 'slo:default/a',
    title: 'Checkout availability',
    objectives: objectives.map(o => ({
      displayName: 'requests',
      budget: { remaining: o.remaining },
      alerts: o.firing
        ? [
            {
              name: o.firing,
              severity: 'page',
              firing: true,
              longBurnRate: 20,
              longWindowMs: 3_600_000,
              factor: 14.4,
            },
          ]
        : [],
    })),
    ...extra,
  } as unknown as SloResult;
}

describe('decidePolicy', () => {
  it('allows when nothing measures the entity', () => {
    const d = decidePolicy('component:default/x', [], policy, now);
    expect(d.releaseAllowed).toBe(true);
    // The decision says which policy it was made with.
    expect(d.policy).toBe(policy);
    expect(d.summary).toMatch(/no SLO measures/);
  });

  it('allows with budget left and no page alert', () => {
    const d = decidePolicy(
      'component:default/x',
      [slo([{ remaining: 0.5 }])],
      policy,
      now,
    );
    expect(d.releaseAllowed).toBe(true);
    expect(d.reasons[0].message).toBe(
      'Checkout availability / requests has 50.0 % of its error budget left',
    );
  });

  it('blocks below the minimum remaining budget and says why', () => {
    const d = decidePolicy(
      'component:default/x',
      [slo([{ remaining: 0.05 }])],
      policy,
      now,
    );
    expect(d.releaseAllowed).toBe(false);
    expect(d.summary).toBe(
      'Release blocked: Checkout availability / requests has 5.0 % of its error budget left, below the policy minimum of 10.0 %.',
    );
  });

  it('blocks while a page tier fires, unless configured not to', () => {
    const results = [slo([{ remaining: 0.7, firing: 'page-fast' }])];
    const d = decidePolicy('component:default/x', results, policy, now);
    expect(d.releaseAllowed).toBe(false);
    expect(d.reasons[0].message).toMatch(
      /page-fast alert fires \(20\.0× over 60 min, threshold 14\.4×\)/,
    );
    expect(
      decidePolicy(
        'component:default/x',
        results,
        { ...policy, blockOnPageAlert: false },
        now,
      ).releaseAllowed,
    ).toBe(true);
  });

  it('does not block on missing data or failed evaluations, but lists them', () => {
    const d = decidePolicy(
      'component:default/x',
      [
        slo([{ remaining: undefined }]),
        slo([], { error: 'data source "p" is not configured' }),
      ],
      policy,
      now,
    );
    expect(d.releaseAllowed).toBe(true);
    expect(d.reasons.map(r => r.message)).toEqual([
      'Checkout availability / requests has no data',
      'Checkout availability could not be evaluated: data source "p" is not configured',
    ]);
  });

  it('flags decisions taken on stale data', () => {
    const d = decidePolicy(
      'component:default/x',
      [
        slo([{ remaining: 0.5 }], {
          stale: true,
          evaluatedAt: '2026-11-28T11:00:00.000Z',
          staleReason: 'timeout',
        }),
      ],
      policy,
      now,
    );
    expect(d.reasons[0].message).toMatch(
      /from the evaluation of 2026-11-28T11:00:00.000Z; the source failed: timeout/,
    );
  });
});
