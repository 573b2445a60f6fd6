import { IndexedEntity, IndexedGroup, IndexedObservation } from './types';

/**
 * Pairs of teams whose entities depend on each other (`dependsOn`,
 * `consumesApi`), with the edges as evidence. Entities owned by users are
 * left out.
 */
export function collectObservations(
  entities: ReadonlyMap<string, IndexedEntity>,
  groups: ReadonlyMap<string, IndexedGroup>,
): IndexedObservation[] {
  const byPair = new Map<string, IndexedObservation>();
  const teamOf = (ref: string) => {
    const owner = entities.get(ref)?.owner;
    return owner && groups.has(owner) ? owner : undefined;
  };
  for (const entity of entities.values()) {
    const from = teamOf(entity.ref);
    if (!from) continue;
    const edges = [
      ...entity.dependsOn.map(t => ['dependsOn', t] as const),
      ...entity.consumesApis.map(t => ['consumesApi', t] as const),
    ];
    for (const [relation, target] of edges) {
      const to = teamOf(target);
      if (!to || to === from) continue;
      const key = `${from} ${to}`;
      const observation = byPair.get(key) ?? { from, to, evidence: [] };
      observation.evidence.push({ source: entity.ref, relation, target });
      byPair.set(key, observation);
    }
  }
  return [...byPair.values()];
}
