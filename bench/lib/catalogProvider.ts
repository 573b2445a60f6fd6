import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';

/**
 * A catalog entity provider that hands the catalog a generated set of
 * entities in one full mutation, the way providers for large organisations
 * (LDAP, Microsoft Graph, GitHub org) do. The catalog then processes and
 * stitches them like any other entity.
 */
export function benchEntityProvider(name = 'triad-bench') {
  let connection: EntityProviderConnection | undefined;
  const module = createBackendModule({
    pluginId: 'catalog',
    moduleId: name,
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => name,
            async connect(c) {
              connection = c;
            },
          });
        },
      });
    },
  });
  return {
    module,
    async apply(entities: Entity[]) {
      if (!connection) throw new Error('the provider is not connected yet');
      await connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({
          entity,
          locationKey: name,
        })),
      });
    },
  };
}
