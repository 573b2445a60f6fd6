import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { readOwnershipBackendConfig } from './config';
import { OwnershipIndexer } from './ownershipIndex/OwnershipIndexer';
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
      },
      async init(deps) {
        const { config, logger, auth, httpAuth, httpRouter } = deps;
        const { scheduler, lifecycle, catalog, events } = deps;
        const settings = readOwnershipBackendConfig(config);
        const indexer = new OwnershipIndexer({
          catalog,
          auth,
          logger,
          roles: settings.roles,
          retryAfterSeconds: settings.changeCheckMs / 1000,
        });

        await scheduler.scheduleTask({
          id: 'ownership-index-refresh',
          ...settings.schedule,
          fn: async () => {
            await indexer.refresh();
          },
        });

        // Right after a start the catalog is still loading; a cheap count
        // every few seconds builds the index as soon as it has entities, and
        // rebuilds it soon after entities are added or removed.
        await scheduler.scheduleTask({
          id: 'ownership-index-change-check',
          frequency: { milliseconds: settings.changeCheckMs },
          timeout: settings.schedule.timeout,
          scope: 'local',
          fn: async () => {
            await indexer.checkForChanges();
          },
        });

        if (settings.eventTopics.length) {
          // Best effort: without events the schedule still keeps the index fresh.
          try {
            await events.subscribe({
              id: 'ownership-index',
              topics: settings.eventTopics,
              onEvent: async () => indexer.refreshSoon(settings.eventDelayMs),
            });
          } catch (error) {
            logger.warn(
              `Not refreshing the ownership index on events (${settings.eventTopics.join(
                ', ',
              )}): ${error}`,
            );
          }
        }
        lifecycle.addShutdownHook(() => indexer.stop());

        const service = new OwnershipService({
          indexer,
          visibility: new CatalogVisibility(catalog, deps.permissions),
        });
        httpRouter.use(await createRouter({ httpAuth, service }));
      },
    });
  },
});
