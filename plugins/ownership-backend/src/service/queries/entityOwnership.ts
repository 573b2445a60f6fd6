import { NotFoundError } from '@backstage/errors';
import { EntityOwnershipResponse } from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '../../ownershipIndex/OwnershipIndex';
import { CanRead, toRoleOwnership } from './shared';

/** Who holds each role for one entity. */
export function entityOwnership(
  index: OwnershipIndex,
  ref: string,
  canRead: CanRead,
): EntityOwnershipResponse {
  const entity = index.entity(ref);
  // The same answer for "missing" and "not yours to read".
  if (!entity || !canRead(ref)) {
    throw new NotFoundError(`No entity ${ref} in the ownership index`);
  }
  return {
    entity: entity.summary,
    roles: entity.roles.map(r => toRoleOwnership(index, r, canRead)),
    indexedAt: index.indexedAt,
  };
}
