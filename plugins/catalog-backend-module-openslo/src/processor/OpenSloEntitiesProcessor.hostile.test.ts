import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { OpenSloEntitiesProcessor } from './OpenSloEntitiesProcessor';

/*
 * References that parse but cannot name an entity (found by the reliability
 * suite in packages/reliability): the catalog used to accept the SLO with a
 * relation to "a:b:c/d" (namespace "b:c"). Each must be a processing error
 * naming the reference, with no relation emitted for it.
 */

const location = { type: 'file', target: '/catalog/slos.yaml' };

const slo = (spec: Record<string, unknown>): Entity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'checkout-availability' },
  spec: {
    service: 'checkout-service',
    indicatorRef: 'checkout-requests',
    timeWindow: [{ duration: '28d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
    ...spec,
  },
});

async function emitted(entity: Entity) {
  const results: CatalogProcessorResult[] = [];
  await new OpenSloEntitiesProcessor().postProcessEntity(entity, location, r =>
    results.push(r),
  );
  return {
    errors: results.flatMap(r => (r.type === 'error' ? [r.error.message] : [])),
    targets: results.flatMap(r =>
      r.type === 'relation'
        ? [
            `${r.relation.target.kind}:${r.relation.target.namespace}/${r.relation.target.name}`,
          ]
        : [],
    ),
  };
}

describe('OpenSloEntitiesProcessor with references that cannot name an entity', () => {
  it.each([
    ['spec.service', { service: 'a:b:c/d' }, 'a:b:c/d'],
    [
      'spec.service',
      { service: 'component:Not A Namespace/x' },
      'component:Not A Namespace/x',
    ],
    ['spec.service', { service: `${'x'.repeat(70)}` }, 'x'.repeat(70)],
    ['spec.indicatorRef', { indicatorRef: 'sli:x:y/z' }, 'sli:x:y/z'],
    ['spec.alertPolicies[0]', { alertPolicies: ['p:q:r/s'] }, 'p:q:r/s'],
  ])('%s %j is a processing error', async (field, spec, ref) => {
    const { errors, targets } = await emitted(slo(spec));
    expect(errors).toEqual([
      `SLO "checkout-availability": ${field} "${ref}" is not a valid entity reference`,
    ]);
    expect(targets.some(t => t.includes(':b:') || t.includes(' '))).toBe(false);
    expect(targets.length % 2).toBe(0);
  });
});
