import { SloResult } from '../api/types';

/**
 * An SLO's budget left, as the fleet orders and rolls it up: the least of
 * its objectives' remaining budgets; undefined when no objective has data.
 */
export function sloRemaining(
  slo: Pick<SloResult, 'objectives'>,
): number | undefined {
  const values = slo.objectives
    .map(o => o.budget.remaining)
    .filter((r): r is number => r !== undefined);
  return values.length ? Math.min(...values) : undefined;
}
