import {
  AuthService,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogMemory } from '@triad/backend-utils';
import { SloDataSource } from '@triad/plugin-slo-node';
import { SloBackendConfig } from '../config';
import { SnapshotStore } from '../database/SnapshotStore';
import { SloDefinitions } from './SloDefinitions';
import { SloEvaluator } from './SloEvaluator';
import { SloSources } from './SloSources';

/** The evaluation parts, wired: definitions from the catalog, and the evaluator. */
export function createSloEvaluation(options: {
  catalog: CatalogService;
  auth: AuthService;
  cache: CacheService;
  logger: LoggerService;
  snapshots: SnapshotStore;
  dataSources: ReadonlyMap<string, SloDataSource>;
  config: SloBackendConfig;
  catalogMemory?: CatalogMemory;
}): {
  definitions: SloDefinitions;
  evaluator: SloEvaluator;
  sources: SloSources;
} {
  const { catalog, auth, config } = options;
  const definitions = new SloDefinitions(
    catalog,
    auth,
    config.dataSources,
    options.catalogMemory,
  );
  const sources = new SloSources({
    dataSources: options.dataSources,
    timeoutMs: config.evaluation.timeoutMs,
    sourceTimeoutsMs: config.evaluation.sourceTimeoutsMs,
  });
  const evaluator = new SloEvaluator({
    definitions,
    sources,
    snapshots: options.snapshots,
    cache: options.cache,
    logger: options.logger,
    cacheTtlMs: config.evaluation.cacheTtlMs,
    thresholds: config.status,
  });
  return { definitions, evaluator, sources };
}
