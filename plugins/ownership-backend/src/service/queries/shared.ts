import {
  RoleEntities,
  RoleOwnership,
  RoleResolution,
} from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '../../ownershipIndex/OwnershipIndex';

/**
 * Whether the caller may read the entity with this reference. Queries call it
 * for every reference they put in a response.
 */
export type CanRead = (ref: string) => boolean;

function roleTitle(index: OwnershipIndex, role: string): string {
  return index.roles.find(r => r.id === role)?.title ?? role;
}

/** A resolution as the caller may see it. */
export function toRoleOwnership(
  index: OwnershipIndex,
  resolution: RoleResolution,
  canRead: CanRead,
): RoleOwnership {
  const { role } = resolution;
  const title = roleTitle(index, role);
  if (resolution.status === 'uncovered') {
    return {
      role,
      title,
      status: 'uncovered',
      searched: resolution.searched.filter(canRead),
    };
  }
  if (!canRead(resolution.owner)) {
    return { role, title, status: 'restricted' };
  }
  return {
    role,
    title,
    status: resolution.status,
    owner: index.ownerSummary(resolution.owner),
    provenance: {
      source: resolution.provenance.source,
      path: resolution.provenance.path.filter(canRead),
    },
  };
}

/** For each role, the readable entities one of `teams` holds it for. */
export function heldBy(
  index: OwnershipIndex,
  teams: string[],
  canRead: CanRead,
): RoleEntities[] {
  const holders = new Set(teams);
  // Check only what the teams hold (see groupResponsibilities).
  const entities = index.entitiesHeldBy(teams).filter(e => canRead(e.ref));
  return index.roles.map(role => ({
    role: role.id,
    title: role.title,
    entities: entities
      .filter(e => {
        const r = e.roles.find(x => x.role === role.id);
        return r?.status === 'covered' && holders.has(r.owner);
      })
      .map(e => e.summary),
  }));
}
