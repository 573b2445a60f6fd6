import { metric, VALID_OPENSLO } from './openslo';

const slo = VALID_OPENSLO.SLO;
const withSpec = (spec: Record<string, unknown>) => ({
  ...slo,
  spec: { ...slo.spec, ...spec },
});

/** Hand-written malformed documents, each with the field its error must name. */
export const MALFORMED_OPENSLO: Array<{
  name: string;
  doc: unknown;
  names: string;
}> = [
  { name: 'no spec', doc: { ...slo, spec: undefined }, names: 'spec' },
  { name: 'spec is a string', doc: { ...slo, spec: 'x' }, names: 'spec' },
  {
    name: 'no objectives',
    doc: withSpec({ objectives: [] }),
    names: 'objectives',
  },
  {
    name: 'target above 1',
    doc: withSpec({ objectives: [{ target: 1.5 }] }),
    names: 'target',
  },
  {
    name: 'target as text',
    doc: withSpec({ objectives: [{ target: '99.9%' }] }),
    names: 'target',
  },
  {
    name: 'negative target',
    doc: withSpec({ objectives: [{ target: -0.1 }] }),
    names: 'target',
  },
  {
    name: 'unknown duration unit',
    doc: withSpec({ timeWindow: [{ duration: '30x', isRolling: true }] }),
    names: 'duration',
  },
  {
    name: 'zero-length window',
    doc: withSpec({ timeWindow: [{ duration: '0d', isRolling: true }] }),
    names: 'duration',
  },
  {
    // Valid OpenSLO (any whole number of days); the SLO backend reports it on
    // the SLO as too long to evaluate instead.
    name: 'window of 10^30 days',
    doc: withSpec({
      timeWindow: [{ duration: `${'9'.repeat(30)}d`, isRolling: true }],
    }),
    names: '',
  },
  {
    name: 'two time windows',
    doc: withSpec({
      timeWindow: [
        { duration: '7d', isRolling: true },
        { duration: '28d', isRolling: true },
      ],
    }),
    names: 'timeWindow',
  },
  {
    name: 'unknown budgeting method',
    doc: withSpec({ budgetingMethod: 'Vibes' }),
    names: 'budgetingMethod',
  },
  {
    name: 'time slices without a slice',
    doc: withSpec({
      budgetingMethod: 'Timeslices',
      objectives: [{ target: 0.99 }],
    }),
    names: 'timeSlice',
  },
  {
    name: 'no service',
    doc: withSpec({ service: undefined }),
    names: 'service',
  },
  {
    name: 'service not a reference',
    doc: withSpec({ service: 'a:b:c/d' }),
    names: 'spec.service "a:b:c/d" is not a valid entity reference',
  },
  {
    name: 'service an object',
    doc: withSpec({ service: { kind: 'Component' } }),
    names: 'service',
  },
  {
    name: 'indicator and indicatorRef',
    doc: withSpec({ indicatorRef: 'hostile-sli' }),
    names: 'indicator',
  },
  {
    name: 'neither indicator nor indicatorRef',
    doc: withSpec({ indicator: undefined }),
    names: 'indicator',
  },
  {
    name: 'ratio metric without good or bad',
    doc: withSpec({
      indicator: {
        metadata: { name: 'x' },
        spec: { ratioMetric: { counter: true, total: metric('t') } },
      },
    }),
    names: 'ratioMetric',
  },
  {
    name: 'ratio metric with good and bad',
    doc: withSpec({
      indicator: {
        metadata: { name: 'x' },
        spec: {
          ratioMetric: {
            counter: true,
            good: metric('g'),
            bad: metric('b'),
            total: metric('t'),
          },
        },
      },
    }),
    names: 'ratioMetric',
  },
  {
    name: 'alert policy of the wrong type',
    doc: withSpec({ alertPolicies: [42] }),
    names: 'alertPolicies',
  },
  {
    name: 'objectives as an object',
    doc: withSpec({ objectives: { target: 0.99 } }),
    names: 'objectives',
  },
  {
    name: '1,000 objectives, all invalid',
    doc: withSpec({
      objectives: Array.from({ length: 1_000 }, () => ({ target: 2 })),
    }),
    names: 'spec.objectives[999].target',
  },
  {
    // Over the catalog's request limit: refused before any processor runs.
    name: '20,000 objectives',
    doc: withSpec({
      objectives: Array.from({ length: 20_000 }, () => ({ target: 2 })),
    }),
    names: 'too large',
  },
  {
    // Backstage's own placeholder processor refuses it before Triad's runs.
    name: 'indicator nested 2,000 levels deep',
    doc: withSpec({
      indicator: JSON.parse(
        `${'{"spec":'.repeat(2_000)}{}${'}'.repeat(2_000)}`,
      ),
    }),
    names: 'Maximum call stack',
  },
  {
    name: '__proto__ key in spec',
    doc: {
      ...slo,
      spec: JSON.parse(
        `{"__proto__": {"objectives": [{"target": 0.5}]}, "service": "svc-builtin"}`,
      ),
    },
    names: 'objectives',
  },
  {
    name: 'openslo/v2',
    doc: { ...slo, apiVersion: 'openslo/v2' },
    names: 'kind',
  },
  {
    name: 'AlertCondition with an unknown operator',
    doc: {
      ...VALID_OPENSLO.AlertCondition,
      spec: {
        ...VALID_OPENSLO.AlertCondition.spec,
        condition: {
          ...VALID_OPENSLO.AlertCondition.spec.condition,
          op: 'approximately',
        },
      },
    },
    names: 'op',
  },
  {
    name: 'AlertPolicy without conditions',
    doc: {
      ...VALID_OPENSLO.AlertPolicy,
      spec: { ...VALID_OPENSLO.AlertPolicy.spec, conditions: [] },
    },
    names: 'conditions',
  },
  {
    name: 'DataSource without type',
    doc: { ...VALID_OPENSLO.DataSource, spec: { connectionDetails: {} } },
    names: 'type',
  },
  {
    name: 'SLI with two metric kinds',
    doc: {
      ...VALID_OPENSLO.SLI,
      spec: {
        ...VALID_OPENSLO.SLI.spec,
        ratioMetric: { counter: true, good: metric('g'), total: metric('t') },
      },
    },
    names: 'Metric',
  },
];
