import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { OpenSloEntitiesProcessor } from './processor/OpenSloEntitiesProcessor';

/**
 * Catalog module that accepts OpenSLO v1 documents as entities.
 *
 * @public
 */
export const catalogModuleOpenSlo = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'openslo',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new OpenSloEntitiesProcessor());
      },
    });
  },
});
