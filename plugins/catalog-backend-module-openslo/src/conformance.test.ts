import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { readdirSync, readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { catalogModuleOpenSlo } from './module';
import { OPENSLO_LABELS_ANNOTATION } from './processor/OpenSloEntitiesProcessor';
import { poll } from '@triad/test-utils';
import { OPENSLO_KINDS } from '@triad/plugin-slo-common';

/*
 * The OpenSLO v1 corpus (documents of every kind written from the
 * specification's field list) loads into a real catalog with no processing
 * error, with the relations of the new kinds.
 */

const corpus = resolve(__dirname, '../../../examples/openslo-v1-corpus');
const files = readdirSync(corpus).filter(f => f.endsWith('.yaml'));
const documents = files.flatMap(f =>
  parseAllDocuments(readFileSync(resolve(corpus, f), 'utf8')).map(d =>
    d.toJS(),
  ),
);

describe('the OpenSLO v1 corpus in a real catalog', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it.each(databases.eachSupportedId())(
    'loads every kind without a processing error on %p',
    async databaseId => {
      expect(new Set(documents.map(d => d.kind))).toEqual(
        new Set([
          'Service',
          'DataSource',
          'SLI',
          'AlertNotificationTarget',
          'AlertCondition',
          'AlertPolicy',
          'SLO',
        ]),
      );
      const knex = await databases.init(databaseId);
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
                    allow: ['Location', ...OPENSLO_KINDS],
                  },
                ],
                locations: files.map(f => ({
                  type: 'file',
                  target: resolve(corpus, f),
                })),
              },
            },
          }),
        ],
      });
      const get = (path: string) =>
        request(backend!.server)
          .get(path)
          .set('Authorization', mockCredentials.user.header());
      const byName = (kind: string, name: string) =>
        get(
          `/api/catalog/entities/by-name/${kind.toLowerCase()}/default/${name}`,
        );

      // Every document becomes an entity, and none has a processing error.
      for (const d of documents) {
        await poll('the catalog', async () =>
          (await byName(d.kind, d.metadata.name)).status === 200
            ? true
            : undefined,
        );
      }
      const errors = await knex('refresh_state')
        .whereNotNull('errors')
        .andWhereNot('errors', '[]')
        .select('entity_ref', 'errors');
      expect(errors).toEqual([]);

      type Relation = { type: string; targetRef: string };
      const relationsOf = async (
        kind: string,
        name: string,
        type: string,
      ): Promise<Relation[]> =>
        poll('the catalog', async () => {
          const rel: Relation[] =
            (await byName(kind, name)).body?.relations ?? [];
          return rel.some(r => r.type === type) ? rel : undefined;
        });

      // A Service is the component of its name, which its SLOs measure.
      expect(await relationsOf('Service', 'storefront', 'describes')).toEqual([
        { type: 'describes', targetRef: 'component:default/storefront' },
      ]);
      expect(
        await relationsOf('SLO', 'storefront-requests-slo', 'measures'),
      ).toContainEqual({
        type: 'measures',
        targetRef: 'component:default/storefront',
      });
      // A policy notifies its targets, and they know it.
      expect(
        await relationsOf('AlertPolicy', 'storefront-paging', 'notifies'),
      ).toEqual(
        expect.arrayContaining([
          {
            type: 'notifies',
            targetRef: 'alertnotificationtarget:default/storefront-oncall',
          },
          {
            type: 'notifies',
            targetRef: 'alertnotificationtarget:default/storefront-channel',
          },
          {
            type: 'hasAlertCondition',
            targetRef: 'alertcondition:default/storefront-fast-burn',
          },
        ]),
      );
      expect(
        await relationsOf(
          'AlertNotificationTarget',
          'storefront-oncall',
          'notifiedBy',
        ),
      ).toEqual([
        {
          type: 'notifiedBy',
          targetRef: 'alertpolicy:default/storefront-paging',
        },
      ]);

      // A label with a list of values, which a catalog label cannot hold,
      // is kept in an annotation; the others stay labels.
      const service = (await byName('Service', 'storefront')).body;
      expect(service.metadata.labels).toEqual({
        organization: 'acme',
        serviceTier: 'tier-1',
      });
      expect(
        JSON.parse(service.metadata.annotations[OPENSLO_LABELS_ANNOTATION]),
      ).toEqual({
        organization: 'acme',
        team: ['web', 'checkout'],
        serviceTier: 'tier-1',
      });
    },
    90_000,
  );
});
