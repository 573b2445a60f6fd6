import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import {
  compileCatalogModel,
  defaultCatalogEntityModel,
} from '@backstage/catalog-model/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { poll } from '@triad/test-utils';
import { resolve } from 'path';
import request from 'supertest';
import { catalogModuleOwnership } from '../module';
import { ownershipModelLayer } from './ownershipModelLayer';

const examples = resolve(__dirname, '../../../../examples');

describe('ownershipModelLayer', () => {
  it('declares a relation pair per configured role and the team interactions, with no relation field', () => {
    const model = compileCatalogModel([
      defaultCatalogEntityModel,
      ownershipModelLayer([{ id: 'security', title: 'Security' }]),
    ]);
    const api = model.getRelations({ kind: 'API' })!;
    expect(api.map(r => `${r.forward.type}/${r.reverse.type}`)).toContain(
      'securityOwnedBy/securityOwnerOf',
    );
    expect(api.find(r => r.forward.type === 'securityOwnedBy')).toMatchObject({
      toKind: ['Group', 'User'],
      forward: { title: 'Security owned by' },
      description:
        'The holder of the Security role for an entity (spec.responsibilities, role security).',
    });
    expect(
      model
        .getRelations({ kind: 'Group' })!
        .map(r => `${r.forward.type}/${r.reverse.type}`),
    ).toEqual(
      expect.arrayContaining([
        'collaboratesWith/collaboratesWith',
        'providesServiceTo/consumesServiceOf',
        'facilitates/facilitatedBy',
      ]),
    );
    // The processor emits these relations; the catalog must not as well.
    expect(
      model
        .getKind({ kind: 'Component', apiVersion: 'backstage.io/v1alpha1' })!
        .relationFields.map(f => f.relation),
    ).not.toContain('securityOwnedBy');
  });

  describe('in a real catalog', () => {
    // The model is independent of the database; the module's own tests cover
    // both databases.
    const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
    let backend: TestBackend | undefined;
    afterEach(async () => {
      await backend?.stop();
      backend = undefined;
    });

    it('describes the role relations to its tooling and still loads the examples without a processing error', async () => {
      const knex = await databases.init('SQLITE_3');
      const actions = actionsRegistryServiceMock();
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleOwnership,
          createServiceFactory({
            service: actionsRegistryServiceRef,
            deps: {},
            factory: () => actions,
          }),
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
                locations: ['entities.yaml', 'org.yaml'].map(f => ({
                  type: 'file',
                  target: resolve(examples, f),
                })),
              },
            },
          }),
        ],
      });

      const { output } = await actions.invoke({
        id: 'test:get-catalog-model-description',
        input: {},
        credentials: mockCredentials.user(),
      });
      const description = (output as { description: string }).description;
      expect(description).toContain(
        '### Relation "sreOwnedBy": SRE owned by\n\n* Reverse type: "sreOwnerOf": SRE owner of',
      );
      expect(description).toContain('### Relation "devopsOwnedBy"');
      expect(description).toContain('### Relation "platformOwnedBy"');
      expect(description).toContain('### Relation "facilitates": facilitates');

      // Built-in and role relations both still come out.
      type Relation = { type: string; targetRef: string };
      const relations = await poll('the catalog', async () => {
        const rel: Relation[] =
          (
            await request(backend!.server)
              .get('/api/catalog/entities/by-name/domain/default/payments')
              .set('Authorization', mockCredentials.user.header())
          ).body?.relations ?? [];
        return rel.some(r => r.type === 'sreOwnedBy') ? rel : undefined;
      });
      expect(relations).toEqual(
        expect.arrayContaining([
          { type: 'ownedBy', targetRef: 'group:default/payments-team' },
          { type: 'sreOwnedBy', targetRef: 'group:default/sre-core' },
        ]),
      );

      await poll('the catalog', async () => {
        const unprocessed = await knex('refresh_state')
          .whereNull('result_hash')
          .orWhere('result_hash', '')
          .first();
        return unprocessed ? undefined : true;
      });
      // The examples' deliberate gaps (a responsibility naming a team that
      // does not exist) are not processing errors: there is none.
      const errors = await knex('refresh_state')
        .whereNotIn('errors', ['', '[]'])
        .select('entity_ref', 'errors');
      expect(errors).toEqual([]);
    });
  });
});
