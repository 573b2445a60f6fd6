import {
  OwnershipRole,
  RoleEntities,
  RoleOwnership,
  RoleResolution,
} from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '../../ownershipIndex/OwnershipIndex';
import { IndexedEntity } from '../../ownershipIndex/types';

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

/** An entity and how one of the asked-about teams came to hold a role for it. */
export interface Holding {
  entity: IndexedEntity;
  resolution: Exclude<RoleResolution, { status: 'uncovered' }>;
}

/**
 * For each role, the readable entities one of `teams` holds it for.
 *
 * @remarks
 * Only entities the teams hold a role for can be in the answer, so only they
 * are checked: asking about every entity would make the permission check page
 * through the whole catalog.
 */
export function holdingsOf(
  index: OwnershipIndex,
  teams: string[],
  canRead: CanRead,
): { role: OwnershipRole; holdings: Holding[] }[] {
  const holders = new Set(teams);
  const entities = index.entitiesHeldBy(teams).filter(e => canRead(e.ref));
  return index.roles.map(role => ({
    role,
    holdings: entities.flatMap((entity): Holding[] => {
      const r = entity.roles.find(x => x.role === role.id);
      return r?.status === 'covered' && holders.has(r.owner)
        ? [{ entity, resolution: r }]
        : [];
    }),
  }));
}

/** For each role, the summaries of the readable entities `teams` hold it for. */
export function heldBy(
  index: OwnershipIndex,
  teams: string[],
  canRead: CanRead,
): RoleEntities[] {
  return holdingsOf(index, teams, canRead).map(({ role, holdings }) => ({
    role: role.id,
    title: role.title,
    entities: holdings.map(h => h.entity.summary),
  }));
}
