import { CoverageResponse, RoleCoverage } from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '../../ownershipIndex/OwnershipIndex';
import { CanRead } from './shared';
import { declaredInteractions } from './topology';

/**
 * Per role, how many production components have a holder; which have none or
 * an orphaned one; teams holding several roles; and stale interactions.
 */
export function coverage(
  index: OwnershipIndex,
  today: string,
  canRead: CanRead,
): CoverageResponse {
  const readable = index.entities().filter(e => canRead(e.ref));
  const production = readable.filter(
    e => e.kind === 'component' && e.summary.lifecycle === 'production',
  );

  const roles = index.roles.map((role): RoleCoverage => {
    const result: RoleCoverage = {
      role: role.id,
      title: role.title,
      total: production.length,
      covered: 0,
      share: null,
      uncovered: [],
      orphaned: [],
    };
    for (const entity of production) {
      const r = entity.roles.find(x => x.role === role.id)!;
      if (r.status === 'covered') {
        // Counted even when the holder is hidden from the caller.
        result.covered += 1;
      } else if (r.status === 'uncovered') {
        result.uncovered.push(entity.summary);
      } else {
        result.orphaned.push({
          entity: entity.summary,
          owner: index.ownerSummary(r.owner),
          provenance: {
            source: r.provenance.source,
            path: r.provenance.path.filter(canRead),
          },
        });
      }
    }
    result.share = result.total ? result.covered / result.total : null;
    return result;
  });

  const rolesByTeam = new Map<string, Set<string>>();
  for (const entity of readable) {
    for (const r of entity.roles) {
      if (r.status !== 'covered' || !index.group(r.owner) || !canRead(r.owner))
        continue;
      const held = rolesByTeam.get(r.owner) ?? new Set<string>();
      held.add(r.role);
      rolesByTeam.set(r.owner, held);
    }
  }
  const multiRoleTeams = [...rolesByTeam.entries()]
    .filter(([, held]) => held.size > 1)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([team, held]) => ({
      team: index.group(team)!.summary,
      roles: index.roles.map(r => r.id).filter(id => held.has(id)),
    }));

  return {
    roles,
    multiRoleTeams,
    staleInteractions: declaredInteractions(index, today, canRead).filter(
      i => i.stale,
    ),
    indexedAt: index.indexedAt,
  };
}
