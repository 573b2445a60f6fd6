import { orientInteraction } from '@triad/plugin-ownership-common';
import { IndexedGroup, IndexedInteraction } from './types';

/**
 * The interactions the teams declare, oriented by the declaring team's type
 * and merged when both teams declare one.
 */
export function collectInteractions(
  groups: Iterable<IndexedGroup>,
): IndexedInteraction[] {
  const byKey = new Map<string, IndexedInteraction & { open: boolean }>();
  for (const group of groups) {
    if (!group.topology) continue;
    for (const declared of group.topology.interactions) {
      const oriented = orientInteraction(
        group.ref,
        group.topology.type,
        declared,
      );
      // Collaboration has no direction, so either team may declare it.
      const key =
        oriented.mode === 'collaboration'
          ? `${oriented.mode} ${[oriented.from, oriented.to].sort().join(' ')}`
          : `${oriented.mode} ${oriented.from} ${oriented.to}`;
      const existing = byKey.get(key);
      if (!existing) {
        byKey.set(key, {
          ...oriented,
          declaredBy: [group.ref],
          open: oriented.until === undefined,
        });
        continue;
      }
      existing.declaredBy.push(group.ref);
      // Open-ended on either side stays open-ended; otherwise the later end.
      existing.open ||= oriented.until === undefined;
      if (
        oriented.until &&
        (!existing.until || oriented.until > existing.until)
      ) {
        existing.until = oriented.until;
      }
    }
  }
  return [...byKey.values()].map(({ open, ...interaction }) => {
    if (open) delete interaction.until;
    return interaction;
  });
}
