import {
  CacheService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogMemory } from '@triad/backend-utils';
import { RELATION_MEASURES, SloResult } from '@triad/plugin-slo-common';
import { SloDataSource } from '@triad/plugin-slo-node';
import { FleetRun, FleetRunStore } from '../database/FleetRunStore';
import { LatestRef, SnapshotStore } from '../database/SnapshotStore';
import { SloDefinitions } from '../evaluation/SloDefinitions';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { SloSources } from '../evaluation/SloSources';
import { FleetEvaluation } from '../service/FleetEvaluation';
import { FleetList } from '../service/FleetList';
import { SloService } from '../service/SloService';

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

/**
 * SloService and FleetEvaluation over an in-memory catalog of one service
 * with one SLO, and an SLO of a service the catalog does not hold; a test
 * data source; stores and cache faked in memory.
 */
export function setupSloServices(
  options: {
    catalogMemory?: CatalogMemory;
    permissions?: PermissionsService;
    /** More SLOs of the service, `availability-1` to `-n`, alike but for the name. */
    moreSlos?: number;
    /** The fleet evaluation's batch size. */
    batchSize?: number;
    notifier?: ConstructorParameters<typeof FleetEvaluation>[0]['notifier'];
  } = {},
) {
  const more = Array.from({ length: options.moreSlos ?? 0 }, (_, i) => ({
    ...entities[2],
    metadata: { name: `availability-${i + 1}`, namespace: 'default' },
  }));
  const catalog = catalogServiceMock({
    entities: [...entities, orphan, ...more],
  });
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
    listRefs: jest.fn(async (): Promise<LatestRef[]> => []),
    results: jest.fn(async (refs: readonly string[]) =>
      refs.map(ref => ({ ref } as SloResult)),
    ),
  };
  const fleetRuns = {
    lastRun: jest.fn(async (): Promise<FleetRun | undefined> => undefined),
    saveRun: jest.fn(async (run: FleetRun) => {
      fleetRuns.lastRun.mockResolvedValue(run);
    }),
  };
  const logger = mockServices.logger.mock();
  const definitions = new SloDefinitions(
    catalog,
    mockServices.auth(),
    [],
    options.catalogMemory,
  );
  const evaluator = new SloEvaluator({
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
  });
  const service = new SloService({
    catalog,
    evaluator,
    snapshots: snapshots as unknown as SnapshotStore,
    policy: {
      defaults: { minRemainingBudget: 0, blockOnPageAlert: true },
      teams: new Map(),
    },
    catalogMemory: options.catalogMemory,
  });
  const fleetList = new FleetList({
    catalog,
    snapshots,
    fleetRuns,
    catalogMemory: options.catalogMemory,
    permissions: options.permissions,
  });
  const fleet = new FleetEvaluation({
    catalog,
    auth: mockServices.auth(),
    logger,
    definitions,
    evaluator,
    snapshots: snapshots as unknown as SnapshotStore,
    fleetRuns: fleetRuns as unknown as FleetRunStore,
    concurrency: 1,
    batchSize: options.batchSize,
    notifier: options.notifier,
  });
  return {
    snapshots,
    service,
    fleetList,
    fleet,
    catalog,
    fleetRuns,
    byRefs,
    measure: source.measure as jest.Mock,
    cache,
    clear,
    logger,
  };
}
