import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { CatalogMemory } from '@triad/backend-utils';
import { sloPermissions } from '@triad/plugin-slo-common';
import { sloDataSourcesExtensionPoint } from '@triad/plugin-slo-node';
import { createCheckReleaseGateAction } from './actions/createCheckReleaseGateAction';
import { createGetErrorBudgetAction } from './actions/createGetErrorBudgetAction';
import { createGetSlosAction } from './actions/createGetSlosAction';
import { CompositeService } from './composite/CompositeService';
import { createDependencyCeilingService } from './dependencies/createDependencyCeilingService';
import { builtinDataSource } from './builtin/builtinDataSource';
import { ingestLimitsAt } from './builtin/validateSamples';
import { readSloBackendConfig } from './config';
import { openSloDatabase } from './database/openSloDatabase';
import { createSloEvaluation } from './evaluation/createSloEvaluation';
import { DataSourceRegistry } from './evaluation/DataSourceRegistry';
import { guardedCache } from './evaluation/guardedCache';
import { createSloTransitionNotifier } from './notifications/createSloTransitionNotifier';
import { EventService } from './events/EventService';
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
        discovery: coreServices.discovery,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
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
          notifier: createSloTransitionNotifier({ ...deps, ...stores, config }),
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
        // Actions for AI assistants (MCP); each reads with the caller's credentials.
        createGetSlosAction({ ...deps, slos });
        createGetErrorBudgetAction({ ...deps, slos });
        createCheckReleaseGateAction({ ...deps, slos });
        await scheduleFleetEvaluation({ ...deps, ...stores, fleet, config });
        deps.httpRouter.use(
          await createRouter({
            ...deps,
            ...stores,
            slos,
            composites: new CompositeService({ ...deps, evaluator }),
            ceilings: createDependencyCeilingService({ ...deps, evaluator }),
            events: new EventService({
              ...deps,
              ...stores,
              snapshotRetentionMs: config.snapshotRetentionMs,
              catalogMemory,
            }),
            maxBodyBytes: 4 * 1024 * 1024,
            ingestLimits: () => ingestLimitsAt(Date.now(), config.builtin),
          }),
        );
      },
    });
  },
});
