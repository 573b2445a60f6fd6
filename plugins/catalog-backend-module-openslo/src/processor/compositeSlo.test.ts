import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { OpenSloEntitiesProcessor } from './OpenSloEntitiesProcessor';

const location = { type: 'file', target: '/catalog/slos.yaml' };

const composite = (
  objectives: Array<Record<string, string | number>>,
): Entity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'payments-core-availability', namespace: 'shop' },
  spec: {
    service: 'system:payments-core',
    budgetingMethod: 'Occurrences',
    objectives,
  },
});

describe('OpenSloEntitiesProcessor with a composite SLO', () => {
  const processor = new OpenSloEntitiesProcessor();

  it('relates the composite to the system it measures and to each part, both ways', async () => {
    const emitted: CatalogProcessorResult[] = [];
    const entity = composite([
      { sloRef: 'payments-gateway-availability', compositeWeight: 3 },
      { sloRef: 'ledger-availability' },
    ]);
    await expect(processor.validateEntityKind(entity)).resolves.toBe(true);
    await processor.postProcessEntity(entity, location, r => emitted.push(r));
    expect(
      emitted.map(r =>
        r.type === 'relation'
          ? `${r.relation.source.kind}:${r.relation.source.name} ${r.relation.type} ${r.relation.target.kind}:${r.relation.target.namespace}/${r.relation.target.name}`
          : r.type,
      ),
    ).toEqual([
      'SLO:payments-core-availability measures system:shop/payments-core',
      'system:payments-core measuredBy SLO:shop/payments-core-availability',
      'SLO:payments-core-availability hasSloPart slo:shop/payments-gateway-availability',
      'slo:payments-gateway-availability sloPartOf SLO:shop/payments-core-availability',
      'SLO:payments-core-availability hasSloPart slo:shop/ledger-availability',
      'slo:ledger-availability sloPartOf SLO:shop/payments-core-availability',
    ]);
  });

  it('refuses a weight of 0 as a processing error naming the field', async () => {
    await expect(
      processor.validateEntityKind(
        composite([{ sloRef: 'ledger-availability', compositeWeight: 0 }]),
      ),
    ).rejects.toThrow(
      'OpenSLO SLO "payments-core-availability" is invalid: spec.objectives[0].compositeWeight: must be above 0',
    );
  });
});
