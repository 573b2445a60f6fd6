import { createBackendModule } from '@backstage/backend-plugin-api';
import { CatalogModelSources } from '@backstage/catalog-model/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { opensloModelLayer } from './model/opensloModelLayer';
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
      deps: {
        catalog: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
      },
      async init({ catalog, model }) {
        catalog.addProcessor(new OpenSloEntitiesProcessor());
        model.addModelSource(CatalogModelSources.static([opensloModelLayer]));
      },
    });
  },
});
