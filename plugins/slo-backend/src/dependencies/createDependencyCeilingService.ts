import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipClient } from '@triad/plugin-ownership-common';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { DependencyCeilingService } from './DependencyCeilingService';

/** The ceiling service, asking the ownership backend for holders. */
export function createDependencyCeilingService(options: {
  catalog: CatalogService;
  evaluator: SloEvaluator;
  auth: AuthService;
  discovery: DiscoveryService;
  logger: LoggerService;
}): DependencyCeilingService {
  return new DependencyCeilingService({
    ...options,
    ownership: new OwnershipClient({ discoveryApi: options.discovery }),
  });
}
