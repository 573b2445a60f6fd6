import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { SloDataSource } from './SloDataSource';

/**
 * Lets backend modules add SLO data sources to the SLO backend.
 *
 * @public
 */
export interface SloDataSourcesExtensionPoint {
  addDataSource(source: SloDataSource): void;
}

/**
 * Extension point of `@triad/plugin-slo-backend` for data-source modules.
 *
 * @public
 */
export const sloDataSourcesExtensionPoint =
  createExtensionPoint<SloDataSourcesExtensionPoint>({
    id: 'slo.dataSources',
  });
