import {
  BackendFeature,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
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
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { OPENSLO_KINDS, openSloSpecFields } from '@triad/plugin-slo-common';
import { poll } from '@triad/test-utils';
import { readdirSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { catalogModuleOpenSlo } from '../module';
import { OpenSloEntitiesProcessor } from '../processor/OpenSloEntitiesProcessor';
import { opensloModelLayer } from './opensloModelLayer';

const examples = resolve(__dirname, '../../../../examples');
const corpus = resolve(examples, 'openslo-v1-corpus');

describe('opensloModelLayer', () => {
  const model = compileCatalogModel([
    defaultCatalogEntityModel,
    opensloModelLayer,
  ]);

  it('describes every OpenSLO kind with the spec fields of the validator and no relation field', () => {
    for (const kind of OPENSLO_KINDS) {
      const compiled = model.getKind({ kind, apiVersion: 'openslo/v1' })!;
      expect(compiled.apiVersions).toEqual(['openslo/v1']);
      const spec = (compiled.jsonSchema.properties as any).spec;
      expect(Object.keys(spec.properties)).toEqual(openSloSpecFields(kind));
      // Nothing constrained: the module's processor is the validator.
      expect(spec.required).toBeUndefined();
      expect(spec.additionalProperties).toBeUndefined();
      // The processor emits the relations; the catalog must not as well.
      expect(compiled.relationFields).toEqual([]);
    }
  });

  it('declares the relation pairs the processor emits', () => {
    const pairs = (kind: string) =>
      model
        .getRelations({ kind })!
        .map(r => `${r.forward.type}/${r.reverse.type}→${r.toKind}`);
    expect(pairs('SLO').sort()).toEqual([
      'hasAlertCondition/alertConditionOf→AlertCondition',
      'hasAlertPolicy/alertPolicyOf→AlertPolicy',
      'hasIndicator/indicatorOf→SLI',
      'hasSloPart/sloPartOf→SLO',
      'measures/measuredBy→Component',
      'notifies/notifiedBy→AlertNotificationTarget',
      // A composite and its parts are both SLOs: the pair reads both ways.
      'sloPartOf/hasSloPart→SLO',
      'usesDataSource/dataSourceOf→DataSource',
    ]);
    expect(pairs('Service')).toEqual(['describes/describedBy→Component']);
  });

  it('declares the triad.dev annotations', () => {
    expect(
      model
        .getMetadata()
        .annotations.map(a => a.name)
        .filter(n => n.startsWith('triad.dev/'))
        .sort(),
    ).toEqual([
      'triad.dev/imported-from',
      'triad.dev/min-events-per-hour',
      'triad.dev/openslo-labels',
      'triad.dev/release-gate-policy',
      'triad.dev/short-window',
    ]);
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

    it('describes the kinds to its tooling and still loads every example without a processing error', async () => {
      const knex = await databases.init('SQLITE_3');
      const actions = actionsRegistryServiceMock();
      const files = [
        ...[
          'entities.yaml',
          'org.yaml',
          'slos.yaml',
          'composite-slos.yaml',
        ].map(f => resolve(examples, f)),
        ...readdirSync(corpus)
          .filter(f => f.endsWith('.yaml'))
          .map(f => resolve(corpus, f)),
      ];
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleOpenSlo,
          createServiceFactory({
            service: actionsRegistryServiceRef,
            deps: {},
            factory: () => actions,
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [{ allow: ['Location', 'User', 'Group'] }],
                locations: files.map(target => ({
                  type: 'file',
                  target,
                  rules: [
                    {
                      allow: [
                        'Component',
                        'System',
                        'API',
                        'Resource',
                        'Domain',
                        ...OPENSLO_KINDS,
                      ],
                    },
                  ],
                })),
              },
            },
          }),
        ],
      });

      // The catalog's model-description action (served to assistants over
      // MCP) now lists the OpenSLO kinds and relations.
      const { output } = await actions.invoke({
        id: 'test:get-catalog-model-description',
        input: {},
        credentials: mockCredentials.user(),
      });
      const description = (output as { description: string }).description;
      for (const kind of OPENSLO_KINDS) {
        expect(description).toContain(`### Entity Kind "${kind}"`);
      }
      expect(description).toContain('  * apiVersion: "openslo/v1"');
      expect(description).toContain(
        '### Relation "measures": measures\n\n* Reverse type: "measuredBy": measured by',
      );
      expect(description).toContain(
        '### Relation "hasSloPart": has SLO part\n\n* Reverse type: "sloPartOf": SLO part of',
      );
      expect(description).toContain(
        '### Annotation "triad.dev/release-gate-policy": Release-gate policy',
      );
      // The built-in kinds are still there (the default layer comes along).
      expect(description).toContain('### Entity Kind "Component"');

      const get = (path: string) =>
        request(backend!.server)
          .get(path)
          .set('Authorization', mockCredentials.user.header());
      // The last documents of the corpus and of the examples are in, with
      // the relations of both the built-in kinds and the OpenSLO ones.
      type Relation = { type: string; targetRef: string };
      const relations = (ref: string, type: string) =>
        poll('the catalog', async () => {
          const rel: Relation[] =
            (await get(`/api/catalog/entities/by-name/${ref}`)).body
              ?.relations ?? [];
          return rel.some(r => r.type === type) ? rel : undefined;
        });
      expect(
        (
          await relations('component/default/checkout-service', 'measuredBy')
        ).filter(r => r.type === 'ownedBy' || r.type === 'measuredBy'),
      ).toEqual(
        expect.arrayContaining([
          {
            type: 'measuredBy',
            targetRef: 'slo:default/checkout-availability',
          },
          { type: 'ownedBy', targetRef: expect.stringMatching(/^group:/) },
        ]),
      );
      await relations('service/default/storefront', 'describes');
      // A composite's parts, both ways, as the model describes them.
      expect(
        (
          await relations(
            'slo/default/payments-core-availability',
            'hasSloPart',
          )
        )
          .filter(r => r.type === 'hasSloPart')
          .sort((a, b) => a.targetRef.localeCompare(b.targetRef)),
      ).toEqual([
        {
          type: 'hasSloPart',
          targetRef: 'slo:default/ledger-availability',
        },
        {
          type: 'hasSloPart',
          targetRef: 'slo:default/payments-gateway-availability',
        },
      ]);
      expect(
        await relations('slo/default/ledger-availability', 'sloPartOf'),
      ).toContainEqual({
        type: 'sloPartOf',
        targetRef: 'slo:default/payments-core-availability',
      });

      // Once every row is processed (a location's entities are inserted with
      // its result), none has an error.
      await poll('the catalog', async () => {
        const unprocessed = await knex('refresh_state')
          .whereNull('result_hash')
          .orWhere('result_hash', '')
          .first();
        return unprocessed ? undefined : true;
      });
      const errors = await knex('refresh_state')
        .whereNotIn('errors', ['', '[]'])
        .select('entity_ref', 'errors');
      expect(errors).toEqual([]);
    });

    it('leaves every relation of the examples as the built-in processor made it', async () => {
      // With a layer registered the catalog checks and relates the built-in
      // kinds with its model (ModelProcessor) instead of
      // BuiltinKindsEntityProcessor; the examples must not notice.
      const processorOnly = createBackendModule({
        pluginId: 'catalog',
        moduleId: 'openslo-processor-only',
        register(env) {
          env.registerInit({
            deps: { catalog: catalogProcessingExtensionPoint },
            async init({ catalog }) {
              catalog.addProcessor(new OpenSloEntitiesProcessor());
            },
          });
        },
      });
      const files = ['entities.yaml', 'org.yaml', 'slos.yaml'];
      const snapshot = async (module: BackendFeature) => {
        const knex = await databases.init('SQLITE_3');
        backend = await startTestBackend({
          features: [
            catalogPlugin,
            module,
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
                        ...OPENSLO_KINDS,
                      ],
                    },
                  ],
                  locations: files.map(f => ({
                    type: 'file',
                    target: resolve(examples, f),
                  })),
                },
              },
            }),
          ],
        });
        // Stitching follows processing: wait until every processed entity
        // is stitched, then read them all.
        await poll('the catalog', async () => {
          const unprocessed = await knex('refresh_state')
            .whereNull('result_hash')
            .orWhere('result_hash', '')
            .first();
          const unstitched = await knex('final_entities')
            .whereNull('final_entity')
            .first();
          const [{ n }] = await knex('final_entities').count({ n: '*' });
          const [{ m }] = await knex('refresh_state').count({ m: '*' });
          return !unprocessed && !unstitched && Number(n) === Number(m)
            ? true
            : undefined;
        });
        const rows = await knex('relations')
          .select('source_entity_ref', 'type', 'target_entity_ref')
          .orderBy(['source_entity_ref', 'type', 'target_entity_ref']);
        const errors = await knex('refresh_state')
          .whereNotIn('errors', ['', '[]'])
          .select('entity_ref');
        await backend.stop();
        backend = undefined;
        return { rows, errors };
      };
      const before = await snapshot(processorOnly);
      const after = await snapshot(catalogModuleOpenSlo);
      expect(before.rows.length).toBeGreaterThan(100);
      expect(after.errors).toEqual(before.errors);
      expect(after.rows).toEqual(before.rows);
    });
  });
});
