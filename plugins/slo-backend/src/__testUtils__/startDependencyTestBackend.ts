import {
  mockCredentials,
  mockServices,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogModuleOwnership from '@triad/plugin-catalog-backend-module-ownership';
import ownershipPlugin from '@triad/plugin-ownership-backend';
import { poll } from '@triad/test-utils';
import request from 'supertest';
import {
  hiddenEntityPermissions,
  sqliteDatabasePerPlugin,
  startSloTestBackend,
} from './startSloTestBackend';

/**
 * The SLO backend beside the real ownership backend (holders come from it),
 * over `catalogFiles` of components, resources, groups and SLOs, once the
 * catalog holds all `sloCount` SLOs and the ownership index has resolved the
 * sre holder of `resource:default/db`, which the dependency tests' catalogs
 * all give one.
 */
export async function startDependencyTestBackend(options: {
  catalogFiles: string[];
  databases: TestDatabases;
  sloCount: number;
}): Promise<TestBackend> {
  const backend = await startSloTestBackend({
    catalogFiles: options.catalogFiles,
    kinds: ['Component', 'Resource', 'Group', 'SLO'],
    config: {
      ownership: { index: { changeCheck: { frequency: { seconds: 1 } } } },
      slo: { evaluation: { cacheTtl: '1s', timeout: '5s' } },
    },
    features: [
      catalogModuleOwnership,
      ownershipPlugin,
      sqliteDatabasePerPlugin(options.databases),
      hiddenEntityPermissions().factory,
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    ],
  });
  const get = (path: string) =>
    request(backend.server)
      .get(path)
      .set('Authorization', mockCredentials.service.header());
  // Watchdogs for booting a real catalog and ownership index.
  await poll('the catalog to hold every SLO', async () => {
    const res = await get(
      '/api/catalog/entities/by-query?filter=kind=slo&limit=50',
    );
    return res.body?.items?.length === options.sloCount ? true : undefined;
  });
  await poll('the ownership index to know the db', async () => {
    const res = await get('/api/ownership/v1/entities/resource/default/db');
    return res.body?.roles?.some(
      (r: any) => r.role === 'sre' && r.status === 'covered',
    )
      ? true
      : undefined;
  });
  return backend;
}
