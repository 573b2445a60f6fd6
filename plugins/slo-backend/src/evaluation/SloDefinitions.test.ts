import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readSloBackendConfig } from '../config';
import { SloDefinitions } from './SloDefinitions';

const metric = (source: object) => ({
  metricSource: { ...source, spec: { query: 'q' } },
});
const sli = (name: string, good: object, total: object = good): Entity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLI',
  metadata: { name, namespace: 'default' },
  spec: {
    ratioMetric: { counter: true, good: metric(good), total: metric(total) },
  },
});
const slo = (name: string, spec: object): Entity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name, namespace: 'default' },
  spec: {
    service: 'svc',
    timeWindow: [{ duration: '28d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
    ...spec,
  },
});

const entities: Entity[] = [
  sli('from-config', { metricSourceRef: 'prom' }),
  sli('from-entity', { metricSourceRef: 'thanos' }),
  sli('from-nowhere', { metricSourceRef: 'nowhere' }),
  sli('mixed', { metricSourceRef: 'prom' }, { metricSourceRef: 'thanos' }),
  {
    apiVersion: 'openslo/v1',
    kind: 'DataSource',
    metadata: { name: 'thanos', namespace: 'default' },
    spec: {
      type: 'Prometheus',
      connectionDetails: { url: 'http://thanos:9090' },
    },
  },
  {
    apiVersion: 'openslo/v1',
    kind: 'AlertPolicy',
    metadata: { name: 'paging', namespace: 'default' },
    spec: {
      conditions: [
        { conditionRef: 'fast' },
        {
          kind: 'AlertCondition',
          metadata: { name: 'inline-slow' },
          spec: {
            severity: 'ticket',
            condition: {
              kind: 'burnrate',
              op: 'gt',
              threshold: 2.8,
              lookbackWindow: '1d',
              alertAfter: '1h',
            },
          },
        },
      ],
    },
  },
  {
    apiVersion: 'openslo/v1',
    kind: 'AlertCondition',
    metadata: { name: 'fast', namespace: 'default' },
    spec: {
      severity: 'page',
      condition: {
        kind: 'burnrate',
        op: 'gt',
        threshold: 13.44,
        lookbackWindow: '1h',
        alertAfter: '5m',
      },
    },
  },
];

describe('SloDefinitions', () => {
  const catalog = catalogServiceMock({ entities });
  const definitions = new SloDefinitions(
    catalog,
    mockServices.auth(),
    readSloBackendConfig(
      new ConfigReader({
        slo: {
          dataSources: [
            {
              name: 'prom',
              type: 'Prometheus',
              baseUrl: 'http://prom:9090',
              bearerToken: 'secret',
            },
          ],
        },
      }),
    ).dataSources,
  );

  it('prefers a configured data source, and falls back to a DataSource entity', async () => {
    const [a, b] = await definitions.resolve([
      slo('a', { indicatorRef: 'from-config' }),
      slo('b', { indicatorRef: 'from-entity' }),
    ]);
    expect(a.serviceRef).toBe('component:default/svc');
    expect(a.objectives[0].source).toEqual({
      name: 'prom',
      type: 'prometheus',
      config: {
        name: 'prom',
        type: 'Prometheus',
        baseUrl: 'http://prom:9090',
        bearerToken: 'secret',
      },
    });
    expect(b.objectives[0].source).toEqual({
      name: 'thanos',
      type: 'prometheus',
      config: { url: 'http://thanos:9090' },
    });
  });

  it('names what is missing instead of failing', async () => {
    const defs = await definitions.resolve([
      slo('c', { indicatorRef: 'from-nowhere' }),
      slo('d', { indicatorRef: 'no-such-sli' }),
      slo('e', { indicatorRef: 'mixed' }),
    ]);
    expect(defs.map(d => d.objectives[0].problem)).toEqual([
      'spec.indicatorRef: SLI "from-nowhere" spec.ratioMetric.good.metricSource.metricSourceRef: data source "nowhere" is neither configured in slo.dataSources nor a DataSource entity in the catalog',
      'spec.indicatorRef: SLI "no-such-sli" was not found in the catalog',
      'spec.indicatorRef: SLI "mixed" spec.ratioMetric.total.metricSource: uses DataSource "thanos" but spec.ratioMetric.good.metricSource uses DataSource "prom"; all metrics of one SLI must use the same data source',
    ]);
    expect(defs.map(d => d.problem)).toEqual([undefined, undefined, undefined]);
  });

  it('names an unusable alert policy on the SLO as a whole', async () => {
    const [def] = await definitions.resolve([
      slo('h', {
        indicatorRef: 'from-config',
        alertPolicies: ['paging', { alertPolicyRef: 'gone' }],
      }),
    ]);
    expect(def.objectives[0].problem).toBeUndefined();
    expect(def.problem).toBe(
      'spec.alertPolicies[1].alertPolicyRef: AlertPolicy "gone" was not found in the catalog',
    );
  });

  it("measures an objective's own SLI, not the SLO's inline one", async () => {
    const [def] = await definitions.resolve([
      slo('i', {
        indicator: {
          metadata: { name: 'inline' },
          spec: sli('inline', { type: 'builtin' }).spec,
        },
        objectives: [
          { target: 0.999, indicatorRef: 'from-entity' },
          { target: 0.99 },
        ],
      }),
    ]);
    expect(def.objectives.map(o => o.source?.name)).toEqual([
      'thanos',
      'builtin',
    ]);
  });

  it('reads the catalog in one batch per level of reference', async () => {
    const spy = jest.spyOn(catalog, 'getEntitiesByRefs');
    spy.mockClear();
    const defs = await definitions.resolve([
      slo('j', { indicatorRef: 'from-entity', alertPolicies: ['paging'] }),
      slo('k', { indicatorRef: 'from-config', alertPolicies: ['paging'] }),
      slo('l', { indicatorRef: 'no-such-sli' }),
    ]);
    expect(defs.map(d => d.problem ?? d.objectives[0].problem)).toEqual([
      undefined,
      undefined,
      'spec.indicatorRef: SLI "no-such-sli" was not found in the catalog',
    ]);
    // SLIs and the policy; then the DataSource entity and the condition.
    // The configured data source is never asked for.
    expect(spy.mock.calls.map(([request]) => request.entityRefs)).toEqual([
      [
        'sli:default/from-entity',
        'alertpolicy:default/paging',
        'sli:default/from-config',
        'sli:default/no-such-sli',
      ],
      ['datasource:default/thanos', 'alertcondition:default/fast'],
    ]);
  });

  it('takes burn-rate conditions from referenced and inline alert conditions', async () => {
    const [def] = await definitions.resolve([
      slo('f', { indicatorRef: 'from-config', alertPolicies: ['paging'] }),
    ]);
    expect(def.conditions).toEqual([
      {
        name: 'fast',
        severity: 'page',
        op: 'gt',
        threshold: 13.44,
        lookbackWindow: '1h',
        alertAfter: '5m',
        path: 'spec.alertPolicies[0]',
      },
      {
        name: 'inline-slow',
        severity: 'ticket',
        op: 'gt',
        threshold: 2.8,
        lookbackWindow: '1d',
        alertAfter: '1h',
        path: 'spec.alertPolicies[0]',
      },
    ]);
  });

  it('uses the default tiers when an SLO has no policy, and skips invalid documents', async () => {
    const defs = await definitions.resolve([
      slo('g', { indicatorRef: 'from-config' }),
      slo('broken', { objectives: [] }),
    ]);
    expect(defs).toHaveLength(1);
    expect(defs[0].conditions).toBeUndefined();
  });
});
