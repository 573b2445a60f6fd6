import { NotFoundError } from '@backstage/errors';
import {
  GroupResponsibilitiesResponse,
  ResponsibilityItem,
} from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '../../ownershipIndex/OwnershipIndex';
import { CanRead, holdingsOf } from './shared';

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
  return {
    group: group.summary,
    includeSubTeams,
    teams: teams.map(t => index.group(t)!.summary),
    roles: holdingsOf(index, teams, canRead).map(({ role, holdings }) => ({
      role: role.id,
      title: role.title,
      items: holdings.map(
        ({ entity, resolution }): ResponsibilityItem => ({
          entity: entity.summary,
          heldBy: resolution.owner,
          provenance: {
            source: resolution.provenance.source,
            path: resolution.provenance.path.filter(canRead),
          },
        }),
      ),
    })),
    indexedAt: index.indexedAt,
  };
}
