import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { OwnershipEntitiesProcessor } from './processor/OwnershipEntitiesProcessor';

/**
 * Catalog module that validates the ownership blocks and emits role and team
 * interaction relations.
 *
 * @public
 */
export const catalogModuleOwnership = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ownership',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        catalog.addProcessor(OwnershipEntitiesProcessor.fromConfig(config));
      },
    });
  },
});
