import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { CatalogModelSources } from '@backstage/catalog-model/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { parseOwnershipRoles } from '@triad/plugin-ownership-common';
import { ownershipModelLayer } from './model/ownershipModelLayer';
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
        model: catalogModelExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, model, config }) {
        const roles = parseOwnershipRoles(
          config.getOptional('ownership.roles'),
        );
        catalog.addProcessor(new OwnershipEntitiesProcessor({ roles }));
        model.addModelSource(
          CatalogModelSources.static([ownershipModelLayer(roles)]),
        );
      },
    });
  },
});
