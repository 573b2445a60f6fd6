import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { resolve } from 'path';
import request from 'supertest';
import { catalogModuleOwnership } from './module';
import { poll } from '@triad/test-utils';

const examples = resolve(__dirname, '../../../examples');

// A valid team and a component whose block names a role that is not configured.
const extraFile = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: fine-service
spec:
  type: service
  lifecycle: production
  owner: group:checkout-team
  responsibilities:
    - role: platform
      ref: group:runtime-platform
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: broken-service
spec:
  type: service
  lifecycle: production
  owner: group:checkout-team
  responsibilities:
    - role: sre
      ref: group:sre-core
    - role: qa
      ref: group:checkout-team
`;

type Relation = { type: string; targetRef: string };

describe('catalogModuleOwnership with a real catalog', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  // Each backend stops when its test ends, before the test databases are
  // dropped: a catalog left running keeps asking a dropped database for
  // connections and holds the test worker open.
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });
  const dir = createMockDirectory();

  it.each(databases.eachSupportedId())(
    'relates roles and interactions and reports bad blocks on %p',
    async databaseId => {
      dir.setContent({ 'extra.yaml': extraFile });
      const knex = await databases.init(databaseId);
      const target = (f: string) => ({ type: 'file', target: f });
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleOwnership,
          mockServices.database.factory({ knex }),
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
                      'Domain',
                      'Location',
                      'User',
                      'Group',
                    ],
                  },
                ],
                locations: [
                  target(resolve(examples, 'entities.yaml')),
                  target(resolve(examples, 'org.yaml')),
                  target(dir.resolve('extra.yaml')),
                ],
              },
            },
          }),
        ],
      });
      const { server } = backend;
      const relationsOf = (kind: string, name: string, until: Relation) =>
        poll('the catalog', async () => {
          const res = await request(server)
            .get(`/api/catalog/entities/by-name/${kind}/default/${name}`)
            .set('Authorization', mockCredentials.user.header());
          const relations: Relation[] = res.body?.relations ?? [];
          return relations.some(
            r => r.type === until.type && r.targetRef === until.targetRef,
          )
            ? relations
            : undefined;
        });

      // Explicit responsibility: both directions.
      await relationsOf('component', 'payments-gateway', {
        type: 'sreOwnedBy',
        targetRef: 'group:default/sre-core',
      });
      const sreCore = await relationsOf('group', 'sre-core', {
        type: 'sreOwnerOf',
        targetRef: 'component:default/payments-gateway',
      });
      expect(sreCore).toEqual(
        expect.arrayContaining([
          { type: 'sreOwnerOf', targetRef: 'system:default/checkout' },
          { type: 'sreOwnerOf', targetRef: 'domain:default/payments' },
          {
            type: 'collaboratesWith',
            targetRef: 'group:default/checkout-team',
          },
        ]),
      );
      // No plain ownedBy from responsibilities: payments-gateway's owner is unchanged.
      const gateway = await relationsOf('component', 'payments-gateway', {
        type: 'sreOwnedBy',
        targetRef: 'group:default/sre-core',
      });
      expect(gateway.filter(r => r.type === 'ownedBy')).toEqual([
        { type: 'ownedBy', targetRef: 'group:default/payments-team' },
      ]);
      await relationsOf('component', 'fine-service', {
        type: 'platformOwnedBy',
        targetRef: 'group:default/runtime-platform',
      });

      // Interactions, oriented by team type and emitted both ways.
      await relationsOf('group', 'runtime-platform', {
        type: 'providesServiceTo',
        targetRef: 'group:default/checkout-team',
      });
      await relationsOf('group', 'storefront-team', {
        type: 'facilitatedBy',
        targetRef: 'group:default/delivery-enablement',
      });
      const payments = await relationsOf('group', 'payments-team', {
        type: 'consumesServiceOf',
        targetRef: 'group:default/fraud-models',
      });
      // Declared on both teams, related once.
      expect(
        payments.filter(r => r.targetRef === 'group:default/fraud-models'),
      ).toEqual([
        { type: 'consumesServiceOf', targetRef: 'group:default/fraud-models' },
      ]);

      // The bad block is a processing error naming the field; the entity is held back.
      const errors = await poll('the catalog', async () => {
        const row = await knex('refresh_state')
          .where('entity_ref', 'component:default/broken-service')
          .first();
        const list = row?.errors ? JSON.parse(row.errors) : [];
        return list.length
          ? (list as { name: string; message: string }[])
          : undefined;
      });
      expect(errors).toEqual([
        expect.objectContaining({
          name: 'InputError',
          message:
            'Invalid ownership block in component:default/broken-service: spec.responsibilities[1].role: "qa" is not a configured role (devops, sre, platform)',
        }),
      ]);
      const broken = await request(server)
        .get('/api/catalog/entities/by-name/component/default/broken-service')
        .set('Authorization', mockCredentials.user.header());
      expect(broken.status).toBe(404);
    },
    90_000,
  );
});
