import {
  BackendFeature,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleOpenSlo from '@triad/plugin-catalog-backend-module-openslo';
import { hideLabelledEntities } from '@triad/test-utils';
import { sloPlugin } from '../plugin';

/**
 * A permission policy that allows everything, except that users do not see
 * entities labelled hidden (the catalog filters them itself); while `deny()`
 * holds, plain (non-conditional) requests are denied.
 */
export function hiddenEntityPermissions(deny: () => boolean = () => false) {
  return mockServices.permissions.mock({
    async authorize(requests) {
      return requests.map(() => ({
        result: deny() ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests, options) {
      const isUser =
        (options.credentials.principal as { type?: string }).type === 'user';
      return requests.map(() =>
        isUser ? hideLabelledEntities() : { result: AuthorizeResult.ALLOW },
      ) as any;
    },
  });
}

/** A database of its own per plugin, as in production, from `databases`. */
export function sqliteDatabasePerPlugin(databases: TestDatabases) {
  return createServiceFactory({
    service: coreServices.database,
    deps: {},
    factory: async () => {
      const knex = await databases.init('SQLITE_3');
      return { getClient: async () => knex };
    },
  });
}

/**
 * A backend with a real catalog reading `catalogFiles`, the OpenSLO catalog
 * module and the SLO plugin, configured with `config` beside the catalog's
 * settings. `features` add what differs per test: the database, the
 * scheduler, a permission policy, more plugins or modules.
 */
export function startSloTestBackend(options: {
  /** Paths of the catalog files, registered as file locations. */
  catalogFiles: string[];
  /** The entity kinds the catalog accepts. */
  kinds: string[];
  config?: JsonObject;
  features: Array<BackendFeature | Promise<{ default: BackendFeature }>>;
}): Promise<TestBackend> {
  return startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleOpenSlo,
      sloPlugin,
      ...options.features,
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          catalog: {
            rules: [{ allow: options.kinds }],
            locations: options.catalogFiles.map(target => ({
              type: 'file',
              target,
            })),
          },
        },
      }),
    ],
  });
}
