import { SloResult } from '../api/types';

/**
 * An SLO's budget left, as the fleet orders and rolls it up: the least of
 * its objectives' remaining budgets, or a composite's own remaining budget
 * (evaluateComposite over its parts); undefined without data.
 */
export function sloRemaining(
  slo: Pick<SloResult, 'objectives' | 'composite'>,
): number | undefined {
  if (slo.composite) return slo.composite.remaining;
  const values = slo.objectives
    .map(o => o.budget.remaining)
    .filter((r): r is number => r !== undefined);
  return values.length ? Math.min(...values) : undefined;
}
