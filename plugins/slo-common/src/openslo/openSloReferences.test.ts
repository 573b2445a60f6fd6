import { openSloReferences } from './openSloReferences';
import { OpenSloDocument } from './validateOpenSloDocument';

const metric = (metricSourceRef?: string) => ({
  metricSource: {
    ...(metricSourceRef ? { metricSourceRef } : { type: 'prometheus' }),
    spec: { query: 'q' },
  },
});
const sliSpec = (good?: string, total?: string) => ({
  ratioMetric: { counter: true, good: metric(good), total: metric(total) },
});

describe('openSloReferences', () => {
  it('lists every reference of an SLO with its field, in document order', () => {
    const slo = {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 's' },
      spec: {
        service: 'svc',
        indicator: { metadata: { name: 'i' }, spec: sliSpec('prom') },
        timeWindow: [{ duration: '28d', isRolling: true }],
        budgetingMethod: 'Occurrences',
        objectives: [
          { target: 0.99, indicatorRef: 'sli-a' },
          { target: 0.9 },
          {
            target: 0.95,
            indicator: {
              metadata: { name: 'j' },
              spec: sliSpec(undefined, 'thanos'),
            },
          },
        ],
        alertPolicies: [
          'paging',
          { alertPolicyRef: 'ticketing' },
          {
            kind: 'AlertPolicy',
            metadata: { name: 'inline' },
            spec: {
              conditions: [
                { conditionRef: 'fast' },
                {
                  kind: 'AlertCondition',
                  metadata: { name: 'slow' },
                  spec: {
                    severity: 'ticket',
                    condition: {
                      kind: 'burnrate',
                      op: 'gt',
                      threshold: 1,
                      lookbackWindow: '3d',
                      alertAfter: '0m',
                    },
                  },
                },
              ],
            },
          },
        ],
      },
    } as unknown as OpenSloDocument;
    expect(openSloReferences(slo)).toEqual([
      {
        kind: 'DataSource',
        name: 'prom',
        path: 'spec.indicator.spec.ratioMetric.good.metricSource.metricSourceRef',
      },
      {
        kind: 'SLI',
        name: 'sli-a',
        path: 'spec.objectives[0].indicatorRef',
      },
      {
        kind: 'DataSource',
        name: 'thanos',
        path: 'spec.objectives[2].indicator.spec.ratioMetric.total.metricSource.metricSourceRef',
      },
      { kind: 'AlertPolicy', name: 'paging', path: 'spec.alertPolicies[0]' },
      {
        kind: 'AlertPolicy',
        name: 'ticketing',
        path: 'spec.alertPolicies[1].alertPolicyRef',
      },
      {
        kind: 'AlertCondition',
        name: 'fast',
        path: 'spec.alertPolicies[2].spec.conditions[0].conditionRef',
      },
    ]);
  });

  it('lists the data sources of an SLI and the conditions of a policy', () => {
    expect(
      openSloReferences({
        apiVersion: 'openslo/v1',
        kind: 'SLI',
        metadata: { name: 'x' },
        spec: sliSpec('a', 'a'),
      } as OpenSloDocument),
    ).toEqual([
      {
        kind: 'DataSource',
        name: 'a',
        path: 'spec.ratioMetric.good.metricSource.metricSourceRef',
      },
      {
        kind: 'DataSource',
        name: 'a',
        path: 'spec.ratioMetric.total.metricSource.metricSourceRef',
      },
    ]);
    expect(
      openSloReferences({
        apiVersion: 'openslo/v1',
        kind: 'AlertPolicy',
        metadata: { name: 'p' },
        spec: { conditions: [{ conditionRef: 'c' }] },
      } as OpenSloDocument),
    ).toEqual([
      {
        kind: 'AlertCondition',
        name: 'c',
        path: 'spec.conditions[0].conditionRef',
      },
    ]);
  });
});
