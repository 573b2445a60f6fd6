import { SloResult, SloStatus } from '@triad/plugin-slo-common';

/** What a composite takes of one part: its budget consumed and status. */
export interface PartFigures {
  consumed?: number;
  status: SloStatus;
}

/**
 * A plain SLO as a part of a composite: the budget consumed of its
 * most-consumed objective (undefined without data), and its status.
 */
export function partFigures(result: SloResult): PartFigures {
  const consumed = result.objectives
    .map(o => o.budget.consumed)
    .filter((c): c is number => c !== undefined);
  return {
    consumed: consumed.length ? Math.max(...consumed) : undefined,
    status: result.status,
  };
}
