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
import { catalogModuleOpenSlo } from './module';
import { poll } from '@triad/test-utils';

const examples = resolve(__dirname, '../../../examples');

const exampleSlos = [
  ['checkout-availability', 'checkout-service'],
  ['checkout-latency', 'checkout-service'],
  ['payments-gateway-availability', 'payments-gateway'],
  ['product-catalog-availability', 'product-catalog'],
  ['recommendations-availability', 'recommendations'],
];

// One valid and one broken SLO in the same file.
const mixedFile = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: fine-slo
spec:
  service: checkout-service
  indicatorRef: checkout-requests
  timeWindow: [{ duration: 7d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.99 }]
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: broken-slo
spec:
  service: checkout-service
  indicatorRef: checkout-requests
  timeWindow: [{ duration: 1M, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ targetPercent: 150 }]
`;

describe('catalogModuleOpenSlo with a real catalog', () => {
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
    'loads the example SLOs with their relations and isolates broken documents on %p',
    async databaseId => {
      dir.setContent({ 'mixed.yaml': mixedFile });
      const knex = await databases.init(databaseId);
      const target = (f: string) => ({ type: 'file', target: f });
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleOpenSlo,
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
                      'SLO',
                      'SLI',
                      'DataSource',
                      'AlertPolicy',
                      'AlertCondition',
                    ],
                  },
                ],
                locations: [
                  target(resolve(examples, 'entities.yaml')),
                  target(resolve(examples, 'org.yaml')),
                  target(resolve(examples, 'slos.yaml')),
                  target(dir.resolve('mixed.yaml')),
                ],
              },
            },
          }),
        ],
      });
      const { server } = backend;
      const get = (path: string) =>
        request(server)
          .get(path)
          .set('Authorization', mockCredentials.user.header());

      type Relation = { type: string; targetRef: string };
      for (const [slo, service] of exampleSlos) {
        const relations = await poll('the catalog', async () => {
          const res = await get(
            `/api/catalog/entities/by-name/slo/default/${slo}`,
          );
          const rel: Relation[] = res.body?.relations ?? [];
          return rel.some(r => r.type === 'measures') ? rel : undefined;
        });
        expect(relations).toContainEqual({
          type: 'measures',
          targetRef: `component:default/${service}`,
        });
        const serviceRelations = await poll('the catalog', async () => {
          const res = await get(
            `/api/catalog/entities/by-name/component/default/${service}`,
          );
          const rel: Relation[] = res.body?.relations ?? [];
          return rel.some(
            r =>
              r.type === 'measuredBy' && r.targetRef === `slo:default/${slo}`,
          )
            ? rel
            : undefined;
        });
        expect(serviceRelations).toBeDefined();
      }

      const availability = await get(
        '/api/catalog/entities/by-name/slo/default/checkout-availability',
      );
      expect(availability.body.relations).toEqual(
        expect.arrayContaining([
          { type: 'hasIndicator', targetRef: 'sli:default/checkout-requests' },
          {
            type: 'hasAlertPolicy',
            targetRef: 'alertpolicy:default/checkout-paging',
          },
        ]),
      );

      // The valid neighbour of the broken document is served.
      await poll('the catalog', async () => {
        const res = await get(
          '/api/catalog/entities/by-name/slo/default/fine-slo',
        );
        return res.status === 200 ? true : undefined;
      });
      // The broken one is not, and its processing error names each bad field.
      const errors = await poll('the catalog', async () => {
        const row = await knex('refresh_state')
          .where('entity_ref', 'slo:default/broken-slo')
          .first();
        const list = row?.errors ? JSON.parse(row.errors) : [];
        return list.length
          ? (list as { name: string; message: string }[])
          : undefined;
      });
      expect(errors[0].name).toBe('InputError');
      expect(errors[0].message).toContain(
        'OpenSLO SLO "broken-slo" is invalid',
      );
      expect(errors[0].message).toContain(
        'spec.timeWindow[0].duration: a rolling window needs a fixed length',
      );
      expect(errors[0].message).toContain(
        'spec.objectives[0].targetPercent: must be below 100',
      );
      expect(
        (await get('/api/catalog/entities/by-name/slo/default/broken-slo'))
          .status,
      ).toBe(404);
    },
    90_000,
  );
});
