import * as fc from 'fast-check';
import { Mutation, mutationOf } from './mutate';

export const metric = (series: string) => ({
  metricSource: { type: 'builtin', spec: { series } },
});

/** An OpenSLO v1 document. */
const openSlo = (
  kind: string,
  name: string,
  spec: Record<string, unknown>,
) => ({
  apiVersion: 'openslo/v1',
  kind,
  metadata: { name },
  spec,
});

/** One valid document of each OpenSLO kind: the starting points of mutations. */
export const VALID_OPENSLO: Record<string, any> = {
  SLO: {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'hostile-slo', displayName: 'Hostile' },
    spec: {
      description: 'Requests succeed.',
      service: 'svc-builtin',
      indicator: {
        metadata: { name: 'hostile-sli' },
        spec: {
          ratioMetric: {
            counter: true,
            good: metric('hostile/good'),
            total: metric('hostile/total'),
          },
        },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ displayName: 'requests', target: 0.999 }],
      alertPolicies: ['hostile-paging'],
    },
  },
  'SLO (calendar, time slices)': {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'hostile-slices' },
    spec: {
      service: 'component:default/svc-builtin',
      indicatorRef: 'hostile-sli',
      timeWindow: [
        {
          duration: '1M',
          isRolling: false,
          calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
        },
      ],
      budgetingMethod: 'Timeslices',
      objectives: [
        { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '1m' },
      ],
    },
  },
  SLI: openSlo('SLI', 'hostile-sli', {
    thresholdMetric: {
      metricSource: {
        metricSourceRef: 'prometheus',
        spec: { query: 'histogram_quantile(0.99, x)' },
      },
    },
  }),
  DataSource: openSlo('DataSource', 'hostile-source', {
    type: 'prometheus',
    connectionDetails: { url: 'http://127.0.0.1:9' },
  }),
  AlertPolicy: openSlo('AlertPolicy', 'hostile-paging', {
    alertWhenBreaching: true,
    conditions: [{ conditionRef: 'hostile-fast-burn' }],
  }),
  AlertCondition: openSlo('AlertCondition', 'hostile-fast-burn', {
    severity: 'page',
    condition: {
      kind: 'burnrate',
      op: 'gt',
      threshold: 14.4,
      lookbackWindow: '1h',
      alertAfter: '5m',
    },
  }),
};

/** Valid documents of every kind, each changed at one random place in its spec. */
export const mutatedOpenSlo: fc.Arbitrary<Mutation<any>> = fc.oneof(
  ...Object.values(VALID_OPENSLO).map(doc => mutationOf(doc, ['spec'])),
);
