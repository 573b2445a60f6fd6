import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { createCoverageAction } from './actions/createCoverageAction';
import { createLookupAction } from './actions/createLookupAction';
import { createWhoOwnsAction } from './actions/createWhoOwnsAction';
import { readOwnershipBackendConfig } from './config';
import { OwnershipIndexer } from './ownershipIndex/OwnershipIndexer';
import { scheduleIndexRefresh } from './ownershipIndex/scheduleIndexRefresh';
import { CatalogVisibility } from './service/CatalogVisibility';
import { OwnershipService } from './service/OwnershipService';
import { createRouter } from './service/router';

/**
 * The ownership backend plugin: index, resolution, lookup, coverage and
 * topology under /api/ownership.
 *
 * @public
 */
export const ownershipPlugin = createBackendPlugin({
  pluginId: 'ownership',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const settings = readOwnershipBackendConfig(deps.config);
        const indexer = new OwnershipIndexer({
          ...deps,
          roles: settings.roles,
          retryAfterSeconds: settings.changeCheckMs / 1000,
        });
        await scheduleIndexRefresh({ ...deps, indexer, settings });

        const service = new OwnershipService({
          indexer,
          visibility: new CatalogVisibility(deps.catalog, deps.permissions),
        });
        // Actions for AI assistants (MCP); each reads with the caller's credentials.
        createWhoOwnsAction({ ...deps, service });
        createLookupAction({ ...deps, service });
        createCoverageAction({ ...deps, service });
        deps.httpRouter.use(
          await createRouter({ httpAuth: deps.httpAuth, service }),
        );
      },
    });
  },
});
