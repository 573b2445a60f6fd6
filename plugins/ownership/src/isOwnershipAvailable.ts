import { Entity } from '@backstage/catalog-model';
import { RESPONSIBILITY_KINDS } from '@triad/plugin-ownership-common';

/**
 * Whether the entity is of a kind that has role holders (Component, System,
 * Domain, Resource, API), so the ownership card applies.
 *
 * @public
 */
export function isOwnershipAvailable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return RESPONSIBILITY_KINDS.some(k => k.toLocaleLowerCase('en-US') === kind);
}
