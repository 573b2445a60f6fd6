import { SloStatus, sloStatus, StatusThresholds } from '../math/status';

/*
 * The one definition of a composite SLO's figures.
 *
 * A composite SLO is judged by weighted error-budget consumption: each part
 * contributes the share of its own budget it has consumed (`consumedᵢ`, as
 * its own evaluation reports it), weighted by its objective's
 * `compositeWeight` (`wᵢ`, default 1):
 *
 *   consumed  = Σ wᵢ · consumedᵢ / Σ wᵢ      (over parts with data)
 *   remaining = 1 − consumed
 *   contributionᵢ = wᵢ · consumedᵢ / Σ wᵢ    (the contributions add up to consumed)
 *
 * Consumption rather than a weighted good ratio, because parts keep their own
 * targets: averaging SLIs of a 99 % and a 99.99 % part lets the strict part
 * spend ten times its budget while the average barely moves. Consumption puts
 * every part on the same scale, "share of its own promise spent".
 *
 * A part without data is left out of both sums (no data is never 0 % or
 * 100 %) and reported; with no part measured the composite has no data.
 */

/** One part as the composite sees it. */
export interface CompositePartInput {
  /** The part SLO's entity reference, e.g. `slo:default/payments-api-availability`. */
  ref: string;
  weight: number;
  /** The part's budget consumed; undefined without data. */
  consumed?: number;
}

/** One part's share of the composite. */
export interface CompositePartResult extends CompositePartInput {
  /** `wᵢ / Σ wᵢ` over the parts with data; 0 without data. */
  weightShare: number;
  /** `wᵢ · consumedᵢ / Σ wᵢ`; undefined without data. */
  contribution?: number;
}

export interface CompositeEvaluation {
  /** Weighted budget consumed; undefined when no part has data. */
  consumed?: number;
  remaining?: number;
  status: SloStatus;
  parts: CompositePartResult[];
  /** Refs of the parts without data, left out of the sums. */
  noData: string[];
}

/** Evaluates a composite SLO from its parts' consumed budgets. Pure. */
export function evaluateComposite(
  parts: CompositePartInput[],
  options: { thresholds?: StatusThresholds } = {},
): CompositeEvaluation {
  for (const p of parts) {
    if (!(p.weight > 0 && Number.isFinite(p.weight))) {
      throw new RangeError(
        `weight of ${p.ref} must be above 0, got ${p.weight}`,
      );
    }
  }
  const measured = parts.filter(p => p.consumed !== undefined);
  const totalWeight = measured.reduce((sum, p) => sum + p.weight, 0);
  const results = parts.map(p =>
    p.consumed === undefined
      ? { ...p, weightShare: 0, contribution: undefined }
      : {
          ...p,
          weightShare: p.weight / totalWeight,
          contribution: (p.weight * p.consumed) / totalWeight,
        },
  );
  const consumed = measured.length
    ? results.reduce((sum, p) => sum + (p.contribution ?? 0), 0)
    : undefined;
  const remaining = consumed === undefined ? undefined : 1 - consumed;
  return {
    consumed,
    remaining,
    status: sloStatus(remaining, { thresholds: options.thresholds }),
    parts: results,
    noData: parts.filter(p => p.consumed === undefined).map(p => p.ref),
  };
}
