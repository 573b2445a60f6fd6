import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { CatalogMemory } from '@triad/backend-utils';
import { sloPermissions } from '@triad/plugin-slo-common';
import { sloDataSourcesExtensionPoint } from '@triad/plugin-slo-node';
import { builtinDataSource } from './builtin/builtinDataSource';
import { ingestLimitsAt } from './builtin/validateSamples';
import { readSloBackendConfig } from './config';
import { openSloDatabase } from './database/openSloDatabase';
import { createSloEvaluation } from './evaluation/createSloEvaluation';
import { DataSourceRegistry } from './evaluation/DataSourceRegistry';
import { guardedCache } from './evaluation/guardedCache';
import { FleetEvaluation } from './service/FleetEvaluation';
import { createRouter } from './service/router';
import { scheduleFleetEvaluation } from './service/scheduleFleetEvaluation';
import { SloService } from './service/SloService';

/**
 * The SLO backend plugin: evaluation, REST API, built-in store, snapshots and
 * error-budget policy.
 *
 * @public
 */
export const sloPlugin = createBackendPlugin({
  pluginId: 'slo',
  register(env) {
    const modules = new DataSourceRegistry();
    env.registerExtensionPoint(sloDataSourcesExtensionPoint, modules);

    env.registerInit({
      deps: {
        rootConfig: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        cache: coreServices.cache,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const config = readSloBackendConfig(deps.rootConfig);
        const stores = await openSloDatabase(deps.database);
        // One memory of the catalog's answers, so that pages keep answering
        // while the catalog is slow or failing (see CatalogMemory).
        const catalogMemory = new CatalogMemory();
        const { definitions, evaluator } = createSloEvaluation({
          ...deps,
          ...stores,
          catalogMemory,
          // A cache server that is gone or frozen costs an answer half a
          // second at most, then is left alone for a few seconds.
          cache: guardedCache(deps.cache, {
            waitMs: 500,
            backOffMs: 5000,
            logger: deps.logger,
          }),
          dataSources: modules.withBuiltin(builtinDataSource(stores.store)),
          config,
        });
        const fleet = new FleetEvaluation({
          ...deps,
          ...stores,
          definitions,
          evaluator,
          concurrency: config.evaluation.concurrency,
        });
        const slos = new SloService({
          ...deps,
          ...stores,
          catalogMemory,
          evaluator,
          policy: config.policy,
          fleetRetryAfterSeconds: Math.ceil(
            config.evaluation.changeCheckMs / 1000,
          ),
        });

        deps.permissionsRegistry.addPermissions(sloPermissions);
        await scheduleFleetEvaluation({ ...deps, ...stores, fleet, config });
        deps.httpRouter.use(
          await createRouter({
            ...deps,
            ...stores,
            slos,
            maxBodyBytes: 4 * 1024 * 1024,
            ingestLimits: () => ingestLimitsAt(Date.now(), config.builtin),
          }),
        );
      },
    });
  },
});
