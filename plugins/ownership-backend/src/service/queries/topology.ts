import {
  ObservedInteraction,
  TopologyInteraction,
  TopologyResponse,
  isInteractionExpired,
} from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '../../ownershipIndex/OwnershipIndex';
import { CanRead } from './shared';

const between = (
  a: { from: string; to: string },
  b: { from: string; to: string },
) =>
  (a.from === b.from && a.to === b.to) || (a.from === b.to && a.to === b.from);

/**
 * Observed interactions: dependencies between entities of different teams,
 * keeping only the evidence the caller may read.
 */
export function observedInteractions(
  index: OwnershipIndex,
  canRead: CanRead,
): Omit<ObservedInteraction, 'declared'>[] {
  return index
    .observations()
    .filter(o => canRead(o.from) && canRead(o.to))
    .map(o => ({
      ...o,
      evidence: o.evidence.filter(e => canRead(e.source) && canRead(e.target)),
    }))
    .filter(o => o.evidence.length > 0);
}

/**
 * Declared interactions, flagged as stale when `until` has passed and as
 * observed when some readable dependency between the two teams backs them.
 */
export function declaredInteractions(
  index: OwnershipIndex,
  today: string,
  canRead: CanRead,
): TopologyInteraction[] {
  const observed = observedInteractions(index, canRead);
  return index
    .interactions()
    .filter(i => canRead(i.from) && canRead(i.to))
    .map(i => ({
      ...i,
      declaredBy: i.declaredBy.filter(canRead),
      stale: isInteractionExpired(i.until, today),
      observed: observed.some(o => between(o, i)),
    }));
}

/** Teams, their types and holdings, and declared against observed interactions. */
export function topology(
  index: OwnershipIndex,
  today: string,
  canRead: CanRead,
): TopologyResponse {
  const entities = index.entities().filter(e => canRead(e.ref));
  const teams = index
    .groups()
    .filter(g => (g.topology || g.summary.type === 'team') && canRead(g.ref))
    .map(g => ({
      team: g.summary,
      disciplines: g.topology?.disciplines ?? [],
      memberCount: g.members.filter(canRead).length,
      owns: index.roles.map(role => ({
        role: role.id,
        title: role.title,
        entities: entities
          .filter(e => {
            const r = e.roles.find(x => x.role === role.id);
            return r?.status === 'covered' && r.owner === g.ref;
          })
          .map(e => e.ref),
      })),
    }));
  const declared = declaredInteractions(index, today, canRead);
  const observed = observedInteractions(index, canRead).map(o => ({
    ...o,
    declared: declared.some(d => between(d, o)),
  }));
  return { teams, declared, observed, indexedAt: index.indexedAt };
}
