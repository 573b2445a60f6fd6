import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { OpenSloEntitiesProcessor } from './OpenSloEntitiesProcessor';

const location = { type: 'file', target: '/catalog/slos.yaml' };

const slo = (spec: Record<string, unknown> = {}): Entity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'checkout-availability', namespace: 'shop' },
  spec: {
    service: 'checkout-service',
    indicatorRef: 'checkout-requests',
    timeWindow: [{ duration: '28d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
    alertPolicies: ['checkout-paging', { alertPolicyRef: 'group:shop/x' }],
    ...spec,
  },
});

async function relationsOf(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  await new OpenSloEntitiesProcessor().postProcessEntity(entity, location, r =>
    emitted.push(r),
  );
  return emitted.map(r =>
    r.type === 'relation'
      ? `${r.relation.source.kind}:${r.relation.source.name} ${r.relation.type} ${r.relation.target.kind}:${r.relation.target.namespace}/${r.relation.target.name}`
      : `${r.type}: ${'error' in r ? r.error.message : ''}`,
  );
}

describe('OpenSloEntitiesProcessor', () => {
  const processor = new OpenSloEntitiesProcessor();

  it('claims valid OpenSLO documents and leaves other kinds alone', async () => {
    await expect(processor.validateEntityKind(slo())).resolves.toBe(true);
    await expect(
      processor.validateEntityKind({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
      }),
    ).resolves.toBe(false);
  });

  it('rejects an invalid document with every field named', async () => {
    await expect(
      processor.validateEntityKind(
        slo({ objectives: [{ target: 1.5 }], budgetingMethod: 'Events' }),
      ),
    ).rejects.toThrow(
      'OpenSLO SLO "checkout-availability" is invalid: spec.budgetingMethod: must be one of Occurrences, Timeslices, RatioTimeslices; spec.objectives[0].target: must be below 1; a 100 % objective leaves no error budget',
    );
  });

  it('relates an SLO to its service, SLI and alert policies, both ways', async () => {
    expect(await relationsOf(slo())).toEqual([
      'SLO:checkout-availability measures component:shop/checkout-service',
      'component:checkout-service measuredBy SLO:shop/checkout-availability',
      'SLO:checkout-availability hasIndicator SLI:shop/checkout-requests',
      'SLI:checkout-requests indicatorOf SLO:shop/checkout-availability',
      'SLO:checkout-availability hasAlertPolicy AlertPolicy:shop/checkout-paging',
      'AlertPolicy:checkout-paging alertPolicyOf SLO:shop/checkout-availability',
      'SLO:checkout-availability hasAlertPolicy group:shop/x',
      'group:x alertPolicyOf SLO:shop/checkout-availability',
    ]);
  });

  it('honours an explicit kind and namespace in spec.service', async () => {
    const relations = await relationsOf(
      slo({ service: 'system:payments/payments-core', alertPolicies: [] }),
    );
    expect(relations[0]).toBe(
      'SLO:checkout-availability measures system:payments/payments-core',
    );
  });

  it('relates an SLI and an inline indicator to their data sources once each', async () => {
    const metric = (series: string) => ({
      metricSource: { metricSourceRef: 'builtin', spec: { series } },
    });
    const sli: Entity = {
      apiVersion: 'openslo/v1',
      kind: 'SLI',
      metadata: { name: 'reqs', namespace: 'default' },
      spec: {
        ratioMetric: { counter: true, good: metric('a'), total: metric('a') },
      },
    };
    expect(await relationsOf(sli)).toEqual([
      'SLI:reqs usesDataSource DataSource:default/builtin',
      'DataSource:builtin dataSourceOf SLI:default/reqs',
    ]);
  });

  it('relates an alert policy to its conditions', async () => {
    const policy: Entity = {
      apiVersion: 'openslo/v1',
      kind: 'AlertPolicy',
      metadata: { name: 'paging', namespace: 'default' },
      spec: { conditions: [{ conditionRef: 'fast-burn' }] },
    };
    expect(await relationsOf(policy)).toEqual([
      'AlertPolicy:paging hasAlertCondition AlertCondition:default/fast-burn',
      'AlertCondition:fast-burn alertConditionOf AlertPolicy:default/paging',
    ]);
  });

  it("follows every field the SLO resolver follows: objectives' SLIs, inline SLIs' data sources, inline policies' conditions", async () => {
    const relations = await relationsOf(
      slo({
        indicatorRef: undefined,
        indicator: {
          metadata: { name: 'inline' },
          spec: {
            ratioMetric: {
              counter: true,
              good: { metricSource: { metricSourceRef: 'prom', spec: {} } },
              total: { metricSource: { metricSourceRef: 'prom', spec: {} } },
            },
          },
        },
        objectives: [{ target: 0.99, indicatorRef: 'own' }],
        alertPolicies: [
          {
            kind: 'AlertPolicy',
            metadata: { name: 'inline-policy' },
            spec: { conditions: [{ conditionRef: 'fast-burn' }] },
          },
        ],
      }),
    );
    expect(relations.filter(r => r.startsWith('SLO:'))).toEqual([
      'SLO:checkout-availability measures component:shop/checkout-service',
      'SLO:checkout-availability usesDataSource DataSource:shop/prom',
      'SLO:checkout-availability hasIndicator SLI:shop/own',
      'SLO:checkout-availability hasAlertCondition AlertCondition:shop/fast-burn',
    ]);
  });

  it('reports a malformed reference as a processing error instead of failing', async () => {
    const relations = await relationsOf(
      slo({ indicatorRef: 'sli:/x', alertPolicies: [] }),
    );
    expect(relations).toContain(
      'error: SLO "checkout-availability": spec.indicatorRef "sli:/x" is not a valid entity reference',
    );
  });
});
