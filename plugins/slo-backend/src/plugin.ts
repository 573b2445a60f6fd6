import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { sloPermissions } from '@triad/plugin-slo-common';
import { sloDataSourcesExtensionPoint } from '@triad/plugin-slo-node';
import { createCheckReleaseGateAction } from './actions/createCheckReleaseGateAction';
import { createGetErrorBudgetAction } from './actions/createGetErrorBudgetAction';
import { createGetSlosAction } from './actions/createGetSlosAction';
import { ingestLimitsAt } from './builtin/validateSamples';
import { DataSourceRegistry } from './evaluation/DataSourceRegistry';
import { createRouter } from './service/router';
import { createSloServices } from './service/createSloServices';
import { scheduleFleetEvaluation } from './service/scheduleFleetEvaluation';

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
        const {
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
        } = await createSloServices({ ...deps, dataSources: modules });
        deps.permissionsRegistry.addPermissions(sloPermissions);
        // Actions for AI assistants (MCP); each reads with the caller's credentials.
        createGetSlosAction({
          ...deps,
          slos,
          ceilings,
          composites,
          attributions,
        });
        createGetErrorBudgetAction({ ...deps, slos });
        createCheckReleaseGateAction({ ...deps, slos });
        await scheduleFleetEvaluation({ ...deps, ...stores, fleet, config });
        deps.httpRouter.use(
          await createRouter({
            ...deps,
            ...stores,
            slos,
            fleetList,
            composites,
            ceilings,
            attributions,
            burnDependents,
            events,
            maxBodyBytes: 4 * 1024 * 1024,
            ingestLimits: () => ingestLimitsAt(Date.now(), config.builtin),
          }),
        );
      },
    });
  },
});
