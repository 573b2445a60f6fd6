import { NotFoundError } from '@backstage/errors';
import {
  GroupResponsibilitiesResponse,
  ResponsibilityItem,
} from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '../../ownershipIndex/OwnershipIndex';
import { CanRead } from './shared';

/** What a group, and optionally every group below it, holds per role. */
export function groupResponsibilities(
  index: OwnershipIndex,
  ref: string,
  includeSubTeams: boolean,
  canRead: CanRead,
): GroupResponsibilitiesResponse {
  const group = index.group(ref);
  if (!group || !canRead(ref)) {
    throw new NotFoundError(`No group ${ref} in the ownership index`);
  }
  const teams = (includeSubTeams ? index.subTeams(ref) : [ref]).filter(canRead);
  const holders = new Set(teams);
  // Only entities the teams hold a role for can be in the answer, so only
  // they are checked: asking about every entity would make the permission
  // check page through the whole catalog.
  const entities = index.entitiesHeldBy(teams).filter(e => canRead(e.ref));
  return {
    group: group.summary,
    includeSubTeams,
    teams: teams.map(t => index.group(t)!.summary),
    roles: index.roles.map(role => ({
      role: role.id,
      title: role.title,
      items: entities.flatMap((e): ResponsibilityItem[] => {
        const r = e.roles.find(x => x.role === role.id);
        if (r?.status !== 'covered' || !holders.has(r.owner)) return [];
        return [
          {
            entity: e.summary,
            heldBy: r.owner,
            provenance: {
              source: r.provenance.source,
              path: r.provenance.path.filter(canRead),
            },
          },
        ];
      }),
    })),
    indexedAt: index.indexedAt,
  };
}
