import {
  createServiceFactory,
  PermissionsServiceRequestOptions,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseAllDocuments } from 'yaml';
import request from 'supertest';
import { testCatalog } from './__fixtures__/catalog';
import { ownershipPlugin } from './plugin';
import { poll } from '@triad/test-utils';

const examples = resolve(__dirname, '../../../examples');
/** Every entity of the example files the test backend's catalog reads. */
const exampleRefs = ['entities.yaml', 'org.yaml'].flatMap(file =>
  parseAllDocuments(readFileSync(resolve(examples, file), 'utf8'))
    .map(doc => doc.toJS() as Entity | null)
    .filter((e): e is Entity => Boolean(e?.kind))
    .map(e => stringifyEntityRef(e)),
);
const denied = 'component:default/cart-service';
const guest = 'user:default/guest';
const admin = 'user:default/admin';

/**
 * A permission policy under which the guest may read every entity but
 * cart-service; services and other users may read everything.
 */
function decide(
  permission: Permission,
  options?: PermissionsServiceRequestOptions,
  resourceRef?: string,
) {
  const principal = (options as { credentials?: { principal: any } })
    ?.credentials?.principal;
  if (
    principal?.userEntityRef !== guest ||
    permission.name !== 'catalog.entity.read'
  ) {
    return { result: AuthorizeResult.ALLOW } as const;
  }
  if (resourceRef !== undefined) {
    return {
      result:
        resourceRef === denied ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    } as const;
  }
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: 'catalog-entity',
    conditions: {
      not: {
        rule: 'HAS_METADATA',
        resourceType: 'catalog-entity',
        params: { key: 'name', value: 'cart-service' },
      },
    },
  } as const;
}

describe('ownershipPlugin with a real catalog', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  // Each backend stops when its test ends, before the test databases are
  // dropped: a catalog left running keeps asking a dropped database for
  // connections and holds the test worker open.
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it.each(databases.eachSupportedId())(
    'answers for the example organisation and hides what the caller may not read, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const events = mockServices.events();
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          ownershipPlugin,
          mockServices.database.factory({ knex }),
          mockServices.permissions.mock({
            authorizeConditional: async (queries, options) =>
              queries.map(q => decide(q.permission, options)),
            authorize: async (requests, options) =>
              requests.map(r =>
                decide(
                  r.permission,
                  options,
                  'resourceRef' in r ? r.resourceRef : undefined,
                ),
              ) as any,
          }).factory,
          // One events bus for the test and the plugin.
          createServiceFactory({
            service: eventsServiceRef,
            deps: {},
            factory: () => events,
          }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [
                  {
                    allow: [
                      'Component',
                      'System',
                      'API',
                      'Resource',
                      'Location',
                      'Domain',
                      'User',
                      'Group',
                    ],
                  },
                ],
                locations: ['entities.yaml', 'org.yaml'].map(f => ({
                  type: 'file',
                  target: resolve(examples, f),
                })),
              },
              ownership: {
                index: {
                  events: {
                    topics: ['test.catalog.changed'],
                    delay: { milliseconds: 10 },
                  },
                },
              },
            },
          }),
        ],
      });
      const { server } = backend;
      const get = (path: string, user = admin) =>
        request(server)
          .get(`/api/ownership${path}`)
          .set('Authorization', mockCredentials.user.header(user));

      // The catalog processes the example files in the background, in no
      // particular order and at the machine's pace. Wait until it holds every
      // example entity, then for an index built from a read that began after
      // that: builds run one at a time, so the build after the first one to
      // end later began later.
      await poll('the catalog to hold every example entity', async () => {
        const res = await request(server)
          .get(
            '/api/catalog/entities?fields=kind,metadata.namespace,metadata.name',
          )
          .set('Authorization', mockCredentials.user.header(admin));
        const held = new Set<string>(
          (res.body ?? []).map((e: Entity) => stringifyEntityRef(e)),
        );
        return exampleRefs.every(ref => held.has(ref)) ? true : undefined;
      });
      const indexBuiltAfter = (after: string) =>
        poll(`an ownership index built after ${after}`, async () => {
          await events.publish({
            topic: 'test.catalog.changed',
            eventPayload: {},
          });
          await new Promise(r => setTimeout(r, 100));
          const res = await get(
            '/v1/entities/component/default/ledger-service',
          );
          return res.status === 200 && res.body.indexedAt > after
            ? (res.body.indexedAt as string)
            : undefined;
        });
      await indexBuiltAfter(await indexBuiltAfter(new Date().toISOString()));

      // Each event rebuilds the index, until it holds the stitched
      // organisation (relations in both directions).
      const ledger = await poll('the ownership index', async () => {
        await events.publish({
          topic: 'test.catalog.changed',
          eventPayload: {},
        });
        await new Promise(r => setTimeout(r, 100));
        const res = await get('/v1/entities/component/default/ledger-service');
        const sre = res.body.roles?.find((r: any) => r.role === 'sre');
        const teams = await get('/v1/topology');
        // The catalog stitches users in no particular order: wait for the one
        // the lookup below asks about, with its team.
        const guestLookup = await get('/v1/lookup?q=guest');
        return sre?.status === 'covered' &&
          teams.body.observed?.length &&
          teams.body.teams.every((t: any) => t.memberCount > 0) &&
          guestLookup.body.results?.[0]?.teams?.length
          ? res.body
          : undefined;
      });

      // Inherited along partOf: component → system → domain.
      expect(ledger.roles[1]).toEqual({
        role: 'sre',
        title: 'SRE',
        status: 'covered',
        owner: expect.objectContaining({ ref: 'group:default/sre-core' }),
        provenance: {
          source: 'inherited',
          path: [
            'component:default/ledger-service',
            'system:default/payments-core',
            'domain:default/payments',
          ],
        },
      });
      const rolesOf = async (name: string) =>
        Object.fromEntries(
          (await get(`/v1/entities/component/default/${name}`)).body.roles.map(
            (r: any) => [
              r.role,
              [r.status, r.owner?.name, r.provenance?.source].join(' '),
            ],
          ),
        );
      expect(await rolesOf('checkout-service')).toEqual({
        devops: 'covered checkout-team default',
        sre: 'covered sre-core inherited',
        platform: 'covered runtime-platform derived',
      });
      expect((await rolesOf('payments-gateway')).sre).toBe(
        'covered sre-core explicit',
      );
      expect((await rolesOf('cart-service')).sre).toBe(
        'orphaned checkout-oncall explicit',
      );
      expect((await rolesOf('storefront-web')).sre).toBe('uncovered  ');

      const coverage = (await get('/v1/coverage')).body;
      expect(coverage.multiRoleTeams).toContainEqual({
        team: expect.objectContaining({ ref: 'group:default/growth-lab' }),
        roles: ['devops', 'sre', 'platform'],
      });
      expect(coverage.staleInteractions).toContainEqual(
        expect.objectContaining({
          mode: 'facilitating',
          from: 'group:default/delivery-enablement',
          to: 'group:default/storefront-team',
          until: '2026-03-31',
          stale: true,
        }),
      );
      const topology = (await get('/v1/topology')).body;
      expect(topology.observed).toContainEqual({
        from: 'group:default/checkout-team',
        to: 'group:default/payments-team',
        declared: false,
        evidence: [
          {
            source: 'component:default/checkout-service',
            relation: 'consumesApi',
            target: 'api:default/payments-api',
          },
        ],
      });
      const lookup = (await get('/v1/lookup?q=guest')).body;
      expect(lookup.results[0]).toMatchObject({
        type: 'user',
        teams: [{ ref: 'group:default/checkout-team' }],
      });

      // Every response the admin gets about cart-service, the guest gets without it.
      const paths = [
        '/v1/groups/default/checkout-team/responsibilities',
        '/v1/groups/default/acme/responsibilities',
        '/v1/lookup?q=cart',
        '/v1/lookup?q=checkout',
        '/v1/coverage',
        '/v1/topology',
      ];
      for (const path of paths) {
        const seen = await get(path, admin);
        const hidden = await get(path, guest);
        expect([path, seen.status, hidden.status]).toEqual([path, 200, 200]);
        expect(JSON.stringify(seen.body)).toContain(denied);
        expect(JSON.stringify(hidden.body)).not.toContain(denied);
      }
      expect(
        (await get('/v1/entities/component/default/cart-service', admin))
          .status,
      ).toBe(200);
      const hiddenEntity = await get(
        '/v1/entities/component/default/cart-service',
        guest,
      );
      expect(hiddenEntity.status).toBe(404);
      expect(JSON.stringify(hiddenEntity.body)).not.toContain(
        'checkout-oncall',
      );

      // Coverage counts only what the caller may read.
      const guestCoverage = (await get('/v1/coverage', guest)).body;
      expect(guestCoverage.roles[0].total).toBe(coverage.roles[0].total - 1);
    },
    120_000,
  );
});

describe('ownershipPlugin right after a start', () => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it('answers 503 with Retry-After while the catalog loads, and 200 from the next change check on', async () => {
    // The catalog as it is at start (empty) and once it has loaded; the
    // scheduler is a mock, so the test runs each task when it chooses.
    let loaded = catalogServiceMock({ entities: [] });
    const catalog = new Proxy({} as CatalogService, {
      get: (_, key) => {
        const value = (loaded as any)[key];
        return typeof value === 'function' ? value.bind(loaded) : value;
      },
    });
    const scheduler = mockServices.scheduler.mock();
    backend = await startTestBackend({
      features: [
        ownershipPlugin,
        scheduler.factory,
        mockServices.events.factory(),
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
      ],
    });
    const { server } = backend;
    const tasks = new Map(
      scheduler.scheduleTask.mock.calls.map(([task]) => [task.id, task]),
    );
    const run = (id: string) =>
      (tasks.get(id) as SchedulerServiceTaskInvocationDefinition).fn(
        new AbortController().signal,
      );
    // With default settings every instance counts the catalog's entities
    // every 10 seconds, so the index is ready within 10 s of the catalog.
    expect(tasks.get('ownership-index-change-check')).toMatchObject({
      frequency: { milliseconds: 10_000 },
      scope: 'local',
    });
    const get = () =>
      request(server)
        .get('/api/ownership/v1/entities/component/default/ledger')
        .set('Authorization', mockCredentials.user.header());

    await run('ownership-index-refresh');
    const warming = await get();
    expect(warming.status).toBe(503);
    expect(warming.headers['retry-after']).toBe('10');
    expect(warming.body.error.message).toMatch(
      /^The ownership index is warming up: the catalog holds no components/,
    );

    loaded = catalogServiceMock({ entities: testCatalog() });
    await run('ownership-index-change-check');
    const ready = await get();
    expect(ready.status).toBe(200);
    expect(ready.body.entity.ref).toBe('component:default/ledger');
  });
});
