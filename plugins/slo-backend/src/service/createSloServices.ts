import {
  AuthService,
  CacheService,
  DatabaseService,
  DiscoveryService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CatalogMemory } from '@triad/backend-utils';
import { builtinDataSource } from '../builtin/builtinDataSource';
import { CompositeService } from '../composite/CompositeService';
import { createBurnAttributionServices } from '../dependencies/createBurnAttributionServices';
import { createDependencyCeilingService } from '../dependencies/createDependencyCeilingService';
import { readSloBackendConfig } from '../config';
import { openSloDatabase } from '../database/openSloDatabase';
import { createSloEvaluation } from '../evaluation/createSloEvaluation';
import { DataSourceRegistry } from '../evaluation/DataSourceRegistry';
import { guardedCache } from '../evaluation/guardedCache';
import { EventService } from '../events/EventService';
import { createSloTransitionNotifier } from '../notifications/createSloTransitionNotifier';
import { FleetEvaluation } from './FleetEvaluation';
import { FleetList } from './FleetList';
import { SloService } from './SloService';

/**
 * The SLO backend's parts, built from its configuration and services: the
 * stores, the fleet evaluation, and the services behind the REST API.
 */
export async function createSloServices(options: {
  rootConfig: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  cache: CacheService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  discovery: DiscoveryService;
  notifications: NotificationService;
  /** The data sources that modules added. */
  dataSources: DataSourceRegistry;
}) {
  const config = readSloBackendConfig(options.rootConfig);
  const stores = await openSloDatabase(options.database);
  // One memory of the catalog's answers, so that pages keep answering
  // while the catalog is slow or failing (see CatalogMemory).
  const catalogMemory = new CatalogMemory();
  const { definitions, evaluator, sources } = createSloEvaluation({
    ...options,
    ...stores,
    catalogMemory,
    // A cache server that is gone or frozen costs an answer half a
    // second at most, then is left alone for a few seconds.
    cache: guardedCache(options.cache, {
      waitMs: 500,
      backOffMs: 5000,
      logger: options.logger,
    }),
    dataSources: options.dataSources.withBuiltin(
      builtinDataSource(stores.store),
    ),
    config,
  });
  const fleet = new FleetEvaluation({
    ...options,
    ...stores,
    definitions,
    evaluator,
    concurrency: config.evaluation.concurrency,
    notifier: createSloTransitionNotifier({ ...options, ...stores, config }),
  });
  const slos = new SloService({
    ...options,
    ...stores,
    catalogMemory,
    evaluator,
    policy: config.policy,
  });
  const fleetList = new FleetList({
    ...options,
    ...stores,
    catalogMemory,
    retryAfterSeconds: Math.ceil(config.evaluation.changeCheckMs / 1000),
  });
  const events = new EventService({
    ...options,
    ...stores,
    snapshotRetentionMs: config.snapshotRetentionMs,
    catalogMemory,
  });
  const composites = new CompositeService({ ...options, evaluator });
  const ceilings = createDependencyCeilingService({ ...options, evaluator });
  const { attributions, burnDependents } = createBurnAttributionServices({
    ...options,
    definitions,
    sources,
  });
  return {
    config,
    stores,
    fleet,
    slos,
    fleetList,
    events,
    composites,
    ceilings,
    attributions,
    burnDependents,
  };
}
