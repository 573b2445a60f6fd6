import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';

const examplesDir = resolve(__dirname, '../../../examples');
const exampleFiles = ['entities.yaml', 'org.yaml'];

type Doc = { kind: string; metadata: { name: string } };

// What the files declare, read independently of the catalog.
const declared: Doc[] = exampleFiles.flatMap(file =>
  parseAllDocuments(readFileSync(resolve(examplesDir, file), 'utf8'))
    .map(d => d.toJS() as Doc)
    .filter(Boolean),
);
const declaredRefs = declared
  .map(d => `${d.kind.toLocaleLowerCase('en-US')}:default/${d.metadata.name}`)
  .sort();

async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise(r => setTimeout(r, 250));
  }
}

describe('example organisation', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });
  // Each backend stops when its test ends, before the test databases are
  // dropped: a catalog left running keeps asking a dropped database for
  // connections and holds the test worker open.
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it('declares between 40 and 80 entities', () => {
    expect(declared.length).toBeGreaterThanOrEqual(40);
    expect(declared.length).toBeLessThanOrEqual(80);
  });

  it.each(databases.eachSupportedId())(
    'loads completely into the catalog on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          catalogPlugin,
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
                      'Location',
                      'Domain',
                      'User',
                      'Group',
                    ],
                  },
                ],
                locations: exampleFiles.map(f => ({
                  type: 'file',
                  target: resolve(examplesDir, f),
                })),
              },
            },
          }),
        ],
      });
      const { server } = backend;

      const auth = mockCredentials.user.header();
      type Relation = { type: string; targetRef: string };
      type Entity = Doc & { relations?: Relation[] };
      const entities = await waitFor(async () => {
        const res = await request(server)
          .get('/api/catalog/entities')
          .set('Authorization', auth);
        const items = (res.body as Entity[]).filter(e => e.kind !== 'Location');
        return items.length >= declared.length ? items : undefined;
      }, 60_000);

      const refs = entities
        .map(
          e =>
            `${e.kind.toLocaleLowerCase('en-US')}:default/${e.metadata.name}`,
        )
        .sort();
      expect(refs).toEqual(declaredRefs);

      // Relations come from the catalog's own processors once everything is stitched.
      const relationsOf = (ref: string) =>
        waitFor(async () => {
          const [kind, name] = ref.split(':default/');
          const res = await request(server)
            .get(`/api/catalog/entities/by-name/${kind}/default/${name}`)
            .set('Authorization', auth);
          const relations: Relation[] = res.body.relations ?? [];
          return relations.length ? relations : undefined;
        }, 30_000);

      expect(await relationsOf('component:default/checkout-service')).toEqual(
        expect.arrayContaining([
          { type: 'partOf', targetRef: 'system:default/checkout' },
          { type: 'ownedBy', targetRef: 'group:default/checkout-team' },
          { type: 'consumesApi', targetRef: 'api:default/payments-api' },
          { type: 'dependsOn', targetRef: 'resource:default/checkout-db' },
        ]),
      );
      expect(await relationsOf('group:default/checkout-team')).toEqual(
        expect.arrayContaining([
          { type: 'childOf', targetRef: 'group:default/commerce' },
          { type: 'hasMember', targetRef: 'user:default/guest' },
        ]),
      );
    },
    90_000,
  );
});
