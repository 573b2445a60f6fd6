import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockServices } from '@backstage/backend-test-utils';
import {
  catalogServiceRef,
  CatalogService,
} from '@backstage/plugin-catalog-node';
import { randomBytes } from 'crypto';
import knexFactory, { Knex } from 'knex';
import { freePort } from '@triad/plugin-slo-backend-module-prometheus/testUtils';
import { hideLabelledEntities } from '@triad/test-utils';

/**
 * The PostgreSQL server: TRIAD_BENCH_POSTGRES (or the test command's
 * TRIAD_TEST_POSTGRES), by default postgresql://postgres@127.0.0.1:5432. The
 * user must be allowed to create databases; the benchmarks create and drop
 * their own, all named triad_bench_*.
 */
const pgUrl = new URL(
  process.env.TRIAD_BENCH_POSTGRES ??
    process.env.TRIAD_TEST_POSTGRES ??
    'postgresql://postgres@127.0.0.1:5432',
);
export const PG = {
  host: pgUrl.hostname,
  port: Number(pgUrl.port || 5432),
  user: decodeURIComponent(pgUrl.username || 'postgres'),
  password: decodeURIComponent(pgUrl.password),
};

/** A knex connection to the server's maintenance database. */
export function pgAdmin(): Knex {
  return knexFactory({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
    pool: { min: 0, max: 1 },
  });
}

/** Drops every database whose name starts with `prefix`. */
export async function dropDatabases(
  prefix: string,
  keep: readonly string[] = [],
): Promise<void> {
  const admin = pgAdmin();
  try {
    const { rows } = await admin.raw(
      'select datname from pg_database where datname like ?',
      [`${prefix.replace(/_/g, '\\_')}%`],
    );
    for (const { datname } of rows) {
      if (keep.includes(datname)) continue;
      await admin.raw('drop database if exists ?? with (force)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}

/**
 * The permission policy of the benchmarks: everything is allowed, except that
 * catalog reads of the `bench-restricted` principal are conditional (on a
 * label no entity has), so the catalog applies the condition as a filter
 * and callers that check visibility must ask the catalog.
 */
const benchPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => {
    const restricted = (options: any) =>
      String(options?.credentials?.principal?.subject ?? '').includes(
        'bench-restricted',
      );
    return {
      async authorize(requests: any[]) {
        return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
      },
      async authorizeConditional(requests: any[], options: any) {
        return requests.map(r =>
          restricted(options) && r.permission.name === 'catalog.entity.read'
            ? hideLabelledEntities('triad.bench/hidden')
            : { result: AuthorizeResult.ALLOW },
        );
      },
    } as any;
  },
});

export interface PluginServices {
  scheduler: SchedulerService;
  auth: AuthService;
  catalog: CatalogService;
}

export interface BenchBackend {
  baseUrl: string;
  /**
   * A static external-access token (a service principal) that the
   * permission policy lets read the whole catalog.
   */
  token: string;
  /**
   * Another static token, whose principal may read the catalog only under
   * a condition (the catalog filters by it; it happens to hide nothing), as
   * most people are under a real permission policy.
   */
  restrictedToken: string;
  /** Requests that reached /api/catalog since the last reset. */
  catalogRequests(): number;
  resetCatalogRequests(): void;
  /** Services as a plugin (by id) got them, for in-process measurements. */
  services(pluginId: string): PluginServices;
  /** Stops the backend and drops its databases, but those in `keep`. */
  stop(options?: { keep?: string[] }): Promise<void>;
}

/**
 * Starts a real backend (backend-defaults: auth, httpAuth, database, cache,
 * discovery) on a free loopback port with PostgreSQL databases named
 * `<dbPrefix><pluginId>`. The scheduler is Backstage's mock, so that the
 * benchmark triggers scheduled tasks itself and waits for them; tasks run the
 * plugins' own task functions.
 */
export async function startBenchBackend(options: {
  dbPrefix: string;
  features: any[];
  config?: Record<string, unknown>;
  /** Plugin ids whose scheduler the benchmark needs. */
  probe?: string[];
  /** Runs after old databases are dropped, before the backend starts. */
  prepare?: () => Promise<void>;
}): Promise<BenchBackend> {
  await dropDatabases(options.dbPrefix);
  await options.prepare?.();
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const restrictedToken = randomBytes(24).toString('hex');
  let catalogRequests = 0;
  const probed = new Map<string, PluginServices>();

  const backend = createBackend();
  backend.add(
    mockServices.rootConfig.factory({
      data: benchConfig({ ...options, port, token, restrictedToken }),
    }),
  );
  backend.add(
    rootHttpRouterServiceFactory({
      configure({ app, applyDefaults }) {
        app.use((req, _res, next) => {
          if (req.url.startsWith('/api/catalog/')) catalogRequests++;
          next();
        });
        applyDefaults();
      },
    }),
  );
  backend.add(mockServices.scheduler.factory({ skipTaskRunOnStartup: true }));
  backend.add(benchPermissions);
  for (const pluginId of options.probe ?? []) {
    backend.add(
      probeModule(pluginId, services => probed.set(pluginId, services)),
    );
  }
  for (const feature of options.features) backend.add(feature);
  await backend.start();

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    restrictedToken,
    catalogRequests: () => catalogRequests,
    resetCatalogRequests: () => {
      catalogRequests = 0;
    },
    services(pluginId) {
      const s = probed.get(pluginId);
      if (!s) throw new Error(`no probe for plugin ${pluginId}`);
      return s;
    },
    async stop(stopOptions) {
      await backend.stop();
      await dropDatabases(options.dbPrefix, stopOptions?.keep);
    },
  };
}

/** The backend's config: PostgreSQL, the memory cache and two static tokens. */
function benchConfig(options: {
  dbPrefix: string;
  config?: Record<string, unknown>;
  port: number;
  token: string;
  restrictedToken: string;
}) {
  const { port, token, restrictedToken } = options;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: {
        client: 'pg',
        connection: PG,
        prefix: options.dbPrefix,
      },
      cache: { store: 'memory' },
      auth: {
        externalAccess: [
          { type: 'static', options: { token, subject: 'bench' } },
          {
            type: 'static',
            options: {
              token: restrictedToken,
              subject: 'bench-restricted',
            },
          },
        ],
      },
    },
    ...options.config,
  };
}

/** A module of the plugin `pluginId` that hands the services it gets to `onInit`. */
function probeModule(
  pluginId: string,
  onInit: (services: PluginServices) => void,
) {
  return createBackendModule({
    pluginId,
    moduleId: 'bench-probe',
    register(env) {
      env.registerInit({
        deps: {
          scheduler: coreServices.scheduler,
          auth: coreServices.auth,
          catalog: catalogServiceRef,
        },
        async init(services) {
          onInit(services);
        },
      });
    },
  });
}
