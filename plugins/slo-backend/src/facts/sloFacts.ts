import { SloResult } from '@triad/plugin-slo-common';

/**
 * What a scorecard asks about an entity's SLOs, as flat facts (the shape
 * Tech Insights fact retrievers return): read from the same evaluations as
 * the SLO tab, never computed a second way.
 */
export interface SloFacts {
  hasSlo: boolean;
  sloCount: number;
  /** The least budget left by any objective; null without data. */
  minBudgetRemaining: number | null;
  /** A page-severity burn-rate tier fires for some objective. */
  pageTierFiring: boolean;
  /** SLOs whose status is breached. */
  breachedCount: number;
}

/** The facts of an entity from the evaluations of the SLOs that measure it. */
export function sloFacts(slos: SloResult[]): SloFacts {
  const objectives = slos.flatMap(s => s.objectives);
  const remaining = objectives.flatMap(o =>
    o.budget.remaining === undefined ? [] : [o.budget.remaining],
  );
  return {
    hasSlo: slos.length > 0,
    sloCount: slos.length,
    minBudgetRemaining: remaining.length ? Math.min(...remaining) : null,
    pageTierFiring: objectives.some(o =>
      o.alerts.some(a => a.firing && a.severity === 'page'),
    ),
    breachedCount: slos.filter(s => s.status === 'breached').length,
  };
}
