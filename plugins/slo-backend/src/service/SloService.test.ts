import { CacheService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RELATION_MEASURES } from '@triad/plugin-slo-common';
import { SloDataSource } from '@triad/plugin-slo-node';
import { SloDefinitions } from '../evaluation/SloDefinitions';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { SloSources } from '../evaluation/SloSources';
import { SloService } from './SloService';
import { FleetRun, FleetRunStore } from '../database/FleetRunStore';
import { SnapshotStore } from '../database/SnapshotStore';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team' }],
  },
  {
    apiVersion: 'openslo/v1',
    kind: 'SLI',
    metadata: { name: 'requests', namespace: 'default' },
    spec: {
      ratioMetric: {
        counter: true,
        good: { metricSource: { type: 'test', spec: {} } },
        total: { metricSource: { type: 'test', spec: {} } },
      },
    },
  },
  {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'availability', namespace: 'default' },
    spec: {
      service: 'svc',
      indicatorRef: 'requests',
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.99 }],
    },
    // The OpenSLO catalog module emits this relation; the in-memory catalog
    // holds entities as given.
    relations: [
      { type: RELATION_MEASURES, targetRef: 'component:default/svc' },
    ],
  },
];

/** An SLO of a service the catalog does not hold. */
const orphan: Entity = {
  ...entities[2],
  metadata: { name: 'orphaned', namespace: 'default', uid: 'orphaned-uid' },
  spec: { ...entities[2].spec, service: 'retired-service' },
  relations: [
    {
      type: RELATION_MEASURES,
      targetRef: 'component:default/retired-service',
    },
  ],
};

/** A cache that keeps what it is given, until the test clears it. */
function mapCache(): { cache: CacheService; clear(): void } {
  const values = new Map<string, unknown>();
  return {
    cache: mockServices.cache.mock({
      get: async (key: string) => values.get(key) as any,
      set: async (key: string, value: unknown) => {
        values.set(key, value);
      },
    }),
    clear: () => values.clear(),
  };
}

describe('SloService', () => {
  const credentials = mockCredentials.user();

  function setup() {
    const catalog = catalogServiceMock({ entities: [...entities, orphan] });
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const source: SloDataSource = {
      type: 'test',
      measure: jest.fn(async () => ({
        periodErrorRatio: 0.002,
        periodTotalEvents: 1000,
        windowErrorRatios: {},
      })),
    };
    const { cache, clear } = mapCache();
    const snapshots = {
      save: jest.fn(),
      saveLatest: jest.fn(),
      latest: jest.fn(async () => undefined),
      retainOnly: jest.fn(),
      list: jest.fn(async () => []),
    };
    const fleetRuns = {
      lastRun: jest.fn(async (): Promise<FleetRun | undefined> => undefined),
      saveRun: jest.fn(async (run: FleetRun) => {
        fleetRuns.lastRun.mockResolvedValue(run);
      }),
    };
    const logger = mockServices.logger.mock();
    const definitions = new SloDefinitions(catalog, mockServices.auth(), []);
    const service = new SloService({
      catalog,
      auth: mockServices.auth(),
      logger,
      definitions,
      evaluator: new SloEvaluator({
        definitions,
        sources: new SloSources({
          dataSources: new Map([['test', source]]),
          timeoutMs: 1_000,
          sourceTimeoutsMs: new Map(),
        }),
        snapshots: snapshots as unknown as SnapshotStore,
        cache,
        logger: mockServices.logger.mock(),
        cacheTtlMs: 60_000,
      }),
      snapshots: snapshots as unknown as SnapshotStore,
      fleetRuns: fleetRuns as unknown as FleetRunStore,
      policy: { minRemainingBudget: 0, blockOnPageAlert: true },
      concurrency: 1,
    });
    return {
      service,
      catalog,
      fleetRuns,
      byRefs,
      measure: source.measure as jest.Mock,
      cache,
      clear,
      logger,
    };
  }

  it('answers an entity page from the cache without resolving its SLOs again', async () => {
    const { service, byRefs, measure, clear } = setup();

    const first = await service.entitySlos(
      'component:default/svc',
      credentials,
    );
    expect(first.items.map(i => [i.ref, i.ownerRef, i.error])).toEqual([
      ['slo:default/availability', 'group:default/team', undefined],
    ]);
    // Resolving the SLO looked up its SLI by reference.
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(byRefs.mock.calls[0][0].entityRefs).toEqual([
      'sli:default/requests',
    ]);
    expect(measure).toHaveBeenCalledTimes(1);

    const second = await service.entitySlos(
      'component:default/svc',
      credentials,
    );
    expect(second).toEqual(first);
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(measure).toHaveBeenCalledTimes(1);

    // Without a cached answer the SLO is resolved and measured again.
    clear();
    await service.entitySlos('component:default/svc', credentials);
    expect(byRefs).toHaveBeenCalledTimes(2);
    expect(measure).toHaveBeenCalledTimes(2);
  });

  it('does not serve a cached answer made for the service an SLO measured before', async () => {
    const { service, measure, cache } = setup();
    const first = await service.getSlo('default', 'availability', credentials);
    // As if the SLO had measured another service when it was last evaluated.
    await cache.set('evaluation:slo:default/availability', {
      ...first,
      serviceRef: 'component:default/old-service',
      ownerRef: 'group:default/old-team',
    } as any);
    const again = await service.entitySlos(
      'component:default/svc',
      credentials,
    );
    expect(measure).toHaveBeenCalledTimes(2);
    expect(again.items.map(i => [i.serviceRef, i.ownerRef])).toEqual([
      ['component:default/svc', 'group:default/team'],
    ]);
  });

  it('answers one SLO from the cache without resolving it again', async () => {
    const { service, byRefs, measure } = setup();

    const first = await service.getSlo('default', 'availability', credentials);
    expect(first.ref).toBe('slo:default/availability');
    const second = await service.getSlo('default', 'availability', credentials);
    expect(second).toEqual(first);
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(measure).toHaveBeenCalledTimes(1);
  });

  it('warns once about an SLO whose service is not in the catalog', async () => {
    const { service, logger } = setup();
    expect(await service.evaluateAll()).toEqual({ evaluated: 2, failed: 0 });
    await service.evaluateAll();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'slo:default/orphaned measures component:default/retired-service, which is not in the catalog; the SLO is hidden until its spec.service names an existing entity',
    );
  });

  it('answers 503 with a retry time for the fleet until an evaluation of every SLO has finished', async () => {
    const { service } = setup();
    const warming = await service.list({}, credentials).catch(e => e);
    expect(warming).toMatchObject({
      name: 'ServiceUnavailableError',
      retryAfterSeconds: 10,
      message: expect.stringMatching(/^The SLO fleet is warming up/),
    });
    await service.evaluateAll();
    await expect(service.list({}, credentials)).resolves.toMatchObject({
      totalItems: 0,
    });
  });

  it('says the fleet changed until it was evaluated, and again when SLOs come or go', async () => {
    const { service, catalog, fleetRuns } = setup();
    expect(await service.fleetChanged()).toBe(true);
    await service.evaluateAll();
    expect(fleetRuns.saveRun).toHaveBeenCalledWith({
      finishedAt: expect.any(Number),
      sloCount: 2,
      sloRefsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await service.fleetChanged()).toBe(false);

    // Only references are read to compare.
    const query = jest.spyOn(catalog, 'queryEntities');
    await catalog.removeEntityByUid('orphaned-uid');
    expect(await service.fleetChanged()).toBe(true);
    expect(query).toHaveBeenLastCalledWith(
      expect.objectContaining({
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      }),
      expect.anything(),
    );
  });

  it('answers not found for an SLO or an entity the catalog does not return', async () => {
    const { service } = setup();
    await expect(
      service.getSlo('default', 'missing', credentials),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      service.entitySlos('component:default/nothing', credentials),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
