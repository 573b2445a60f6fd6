import { SloResult } from '@triad/plugin-slo-common';

const HOUR = 3_600_000;

const tiers = (burn: number, firing: boolean) => [
  {
    name: 'page-fast',
    severity: 'page',
    budgetFraction: 0.02,
    longWindowMs: HOUR,
    shortWindowMs: 300_000,
    factor: 14.4,
    longBurnRate: burn,
    shortBurnRate: burn,
    firing,
  },
  {
    name: 'ticket-slow',
    severity: 'ticket',
    budgetFraction: 0.1,
    longWindowMs: 72 * HOUR,
    shortWindowMs: 6 * HOUR,
    factor: 1,
    longBurnRate: 0.2,
    shortBurnRate: 0.2,
    firing: false,
  },
];

/** An evaluated SLO as the backend returns it. */
export function makeSlo(
  name: string,
  overrides: Partial<SloResult> = {},
  objective: Record<string, unknown> = {},
): SloResult {
  return {
    ref: `slo:default/${name}`,
    namespace: 'default',
    name,
    title: name,
    serviceRef: 'component:default/checkout-service',
    ownerRef: 'group:default/checkout-team',
    systemRef: 'system:default/checkout',
    budgetingMethod: 'Occurrences',
    timeWindow: { type: 'rolling', duration: '30d' },
    period: {
      start: '2026-10-29T12:00:00.000Z',
      end: '2026-11-28T12:00:00.000Z',
      lengthMs: 30 * 24 * HOUR,
      elapsedFraction: 1,
    },
    dataSource: { name: 'builtin', type: 'builtin' },
    evaluatedAt: '2026-11-28T12:00:00.000Z',
    stale: false,
    status: 'healthy',
    objectives: [
      {
        index: 0,
        displayName: 'Requests without a server error',
        target: 0.999,
        budgetingMethod: 'Occurrences',
        sli: 0.9995,
        errorRatio: 0.0005,
        budget: {
          remaining: 0.5,
          consumed: 0.5,
          totalTimeMs: 43.2 * 60_000,
          remainingTimeMs: 21.6 * 60_000,
          totalEvents: 1000,
          remainingEvents: 500,
        },
        burnRate: 0.5,
        burnRateWindowMs: HOUR,
        alerts: tiers(0.5, false),
        timeToExhaustionMs: 30 * 24 * HOUR,
        exhaustedWithinPeriod: true,
        status: 'healthy',
        ...objective,
      } as any,
    ],
    ...overrides,
  };
}

export const healthy = makeSlo('checkout-availability');
export const burning = makeSlo(
  'payments-availability',
  {
    status: 'warning',
    ownerRef: 'group:default/payments-team',
    systemRef: 'system:default/payments-core',
    serviceRef: 'component:default/payments-gateway',
  },
  {
    burnRate: 100,
    alerts: tiers(100, true),
    budget: { remaining: 0.69, totalTimeMs: 1_296_000 },
    timeToExhaustionMs: 5 * HOUR,
    exhaustedWithinPeriod: true,
    status: 'warning',
  },
);
export const quiet = makeSlo(
  'recommendations-availability',
  {
    status: 'no-data',
    ownerRef: 'group:default/growth-lab',
    systemRef: undefined,
  },
  {
    sli: undefined,
    errorRatio: undefined,
    burnRate: undefined,
    timeToExhaustionMs: undefined,
    exhaustedWithinPeriod: undefined,
    budget: { totalTimeMs: 6_048_000 },
    alerts: tiers(0, false).map(t => ({
      ...t,
      longBurnRate: undefined,
      shortBurnRate: undefined,
    })),
    status: 'no-data',
  },
);
export const stale = makeSlo('stale-slo', {
  stale: true,
  staleReason: 'data source "prometheus" did not answer within 10s',
});
