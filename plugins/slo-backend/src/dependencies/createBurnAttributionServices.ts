import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipClient } from '@triad/plugin-ownership-common';
import { SloDefinitions } from '../evaluation/SloDefinitions';
import { SloSources } from '../evaluation/SloSources';
import { BurnAttributionService } from './BurnAttributionService';
import { BurnDependentsService } from './BurnDependentsService';

/** The attribution and its reverse, asking the ownership backend for holders. */
export function createBurnAttributionServices(options: {
  catalog: CatalogService;
  definitions: SloDefinitions;
  sources: SloSources;
  auth: AuthService;
  discovery: DiscoveryService;
  logger: LoggerService;
}) {
  const deps = {
    ...options,
    ownership: new OwnershipClient({ discoveryApi: options.discovery }),
  };
  return {
    attributions: new BurnAttributionService(deps),
    burnDependents: new BurnDependentsService(deps),
  };
}
