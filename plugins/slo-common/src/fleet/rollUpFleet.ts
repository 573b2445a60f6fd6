import { SloStatus } from '../math/status';

/** What the fleet's roll-ups read of an SLO's latest evaluation. */
export interface FleetEntry {
  ref: string;
  status: SloStatus;
  /** Least budget left of any objective; undefined without data. */
  remaining?: number;
}

/** SLOs of one team or system, counted by status, with the worst one. */
export interface FleetRollUp {
  /** The owner or system ref; `(none)` for SLOs without one. */
  key: string;
  total: number;
  counts: Record<SloStatus, number>;
  /** The SLO with the least budget left; absent when none has data. */
  worst?: { ref: string; title: string; remaining: number };
}

/** Counts of SLOs per status (every status present, 0 when none). */
export function countByStatus(
  entries: Iterable<{ status: SloStatus }>,
): Record<SloStatus, number> {
  const counts: Record<SloStatus, number> = {
    healthy: 0,
    warning: 0,
    breached: 0,
    'no-data': 0,
  };
  for (const e of entries) counts[e.status]++;
  return counts;
}

/**
 * Groups SLOs by a key (owner, system) and sums each group up: worst groups
 * (least budget left in their worst SLO) first, groups without data last,
 * ties by key. `titleOf` names each group's worst SLO.
 */
export function rollUpFleet<T extends FleetEntry>(
  entries: readonly T[],
  keyOf: (entry: T) => string | undefined,
  titleOf: (entry: T) => string,
): FleetRollUp[] {
  const groups = new Map<string, { members: T[]; worst?: T }>();
  for (const e of entries) {
    const key = keyOf(e) ?? '(none)';
    const group = groups.get(key) ?? { members: [] };
    group.members.push(e);
    if (
      e.remaining !== undefined &&
      (group.worst === undefined || e.remaining < group.worst.remaining!)
    ) {
      group.worst = e;
    }
    groups.set(key, group);
  }
  const rows = [...groups].map(([key, { members, worst }]) => ({
    key,
    total: members.length,
    counts: countByStatus(members),
    ...(worst && {
      worst: {
        ref: worst.ref,
        title: titleOf(worst),
        remaining: worst.remaining!,
      },
    }),
  }));
  const rank = (row: FleetRollUp) => row.worst?.remaining ?? Infinity;
  return rows.sort((a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key));
}
