import { Entity } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { slosOfKind } from './slosOfKind';

/** An availability SLO (Occurrences over a ratio) measuring `service`. */
const slo = (name: string, service: string): Entity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name, namespace: 'default' },
  spec: {
    service,
    indicator: {
      metadata: { name: `${name}-sli` },
      spec: {
        ratioMetric: {
          counter: true,
          good: { metricSource: { metricSourceRef: 'builtin', spec: {} } },
          total: { metricSource: { metricSourceRef: 'builtin', spec: {} } },
        },
      },
    },
    timeWindow: [{ duration: '28d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
  },
  relations: [{ type: 'measures', targetRef: service }],
});

describe('slosOfKind', () => {
  const credentials = mockCredentials.user();

  it('answers the SLOs of the kind by the entity they measure', async () => {
    const catalog = catalogServiceMock({
      entities: [
        slo('db-availability', 'resource:default/db'),
        slo('api-availability', 'component:default/api'),
      ],
    });
    const found = await slosOfKind(
      catalog,
      ['resource:default/db'],
      'availability',
      credentials,
    );
    expect(
      [...found].map(([ref, list]) => [ref, list.map(e => e.metadata.name)]),
    ).toEqual([['resource:default/db', ['db-availability']]]);
  });

  it('does not ask the catalog for no entities (an empty filter would match every SLO)', async () => {
    const catalog = catalogServiceMock({
      entities: [slo('db-availability', 'resource:default/db')],
    });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const found = await slosOfKind(catalog, [], 'availability', credentials);
    expect(found.size).toBe(0);
    expect(getEntities).not.toHaveBeenCalled();
  });
});
