import { Entity } from '@backstage/catalog-model';
import { RELATION_MEASURED_BY } from '@triad/plugin-slo-common';

/**
 * Whether any SLO measures the entity, so the SLO tab is worth showing.
 *
 * @public
 */
export function isSloAvailable(entity: Entity): boolean {
  return !!entity.relations?.some(
    r => r.type === RELATION_MEASURED_BY && r.targetRef.startsWith('slo:'),
  );
}
