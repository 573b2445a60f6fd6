import { SloResult, SloStatus } from '@triad/plugin-slo-common';

/** SLOs of one team or system, counted by status, with the worst one. */
export interface RollUpRow {
  key: string;
  total: number;
  counts: Record<SloStatus, number>;
  /** The SLO with the least budget left; undefined when none has data. */
  worst?: SloResult;
}

/** Least remaining budget of any objective; undefined without data. */
export function minRemaining(slo: SloResult): number | undefined {
  const values = slo.objectives
    .map(o => o.budget.remaining)
    .filter((r): r is number => r !== undefined);
  return values.length ? Math.min(...values) : undefined;
}

/** Groups SLOs by a key (owner, system) and sums them up, worst groups first. */
export function rollUp(
  slos: readonly SloResult[],
  keyOf: (slo: SloResult) => string | undefined,
): RollUpRow[] {
  const rows = new Map<string, RollUpRow>();
  for (const slo of slos) {
    const key = keyOf(slo) ?? '(none)';
    const row = rows.get(key) ?? {
      key,
      total: 0,
      counts: { healthy: 0, warning: 0, breached: 0, 'no-data': 0 },
    };
    row.total++;
    row.counts[slo.status]++;
    const r = minRemaining(slo);
    const worst = row.worst && minRemaining(row.worst);
    if (r !== undefined && (worst === undefined || r < worst)) row.worst = slo;
    rows.set(key, row);
  }
  const rank = (row: RollUpRow) =>
    row.worst ? minRemaining(row.worst)! : Infinity;
  return [...rows.values()].sort(
    (a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key),
  );
}
