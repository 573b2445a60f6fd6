import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { sloDataSourcesExtensionPoint } from '@triad/plugin-slo-node';
import { PrometheusDataSource } from './PrometheusDataSource';

/**
 * Adds the `prometheus` data source to the Triad SLO backend.
 *
 * @public
 */
export const sloModulePrometheus = createBackendModule({
  pluginId: 'slo',
  moduleId: 'prometheus',
  register(env) {
    env.registerInit({
      deps: {
        dataSources: sloDataSourcesExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ dataSources, logger }) {
        dataSources.addDataSource(new PrometheusDataSource({ logger }));
      },
    });
  },
});
