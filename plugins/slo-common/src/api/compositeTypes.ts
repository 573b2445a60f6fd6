import { SloStatus } from '../math/status';

/** One part of an evaluated composite SLO. */
export interface CompositeSloPartResult {
  /** The objective that names the part, e.g. `spec.objectives[0].sloRef`. */
  path: string;
  displayName?: string;
  /**
   * The part SLO's entity reference and title; absent when the caller may not
   * read the part (it still counts: the composite is one number for all).
   */
  ref?: string;
  title?: string;
  hidden?: boolean;
  weight: number;
  /** `wᵢ / Σ wᵢ` over the parts with data. */
  weightShare: number;
  /** The part's budget consumed (its most-consumed objective); absent without data. */
  consumed?: number;
  /** `wᵢ · consumedᵢ / Σ wᵢ`: its share of the composite's consumption. */
  contribution?: number;
  status: SloStatus;
}

/** `GET /v1/slos/:namespace/:name/composite` */
export interface CompositeSloResult {
  ref: string;
  namespace: string;
  name: string;
  title: string;
  /** The entity the composite measures, usually a system or a domain. */
  serviceRef: string;
  evaluatedAt: string;
  /** `Σ wᵢ · consumedᵢ / Σ wᵢ` (see evaluateComposite); absent without data. */
  consumed?: number;
  remaining?: number;
  status: SloStatus;
  parts: CompositeSloPartResult[];
  /**
   * What stops the composite from being evaluated: a part that names no SLO,
   * or one that leads back to it. With problems there are no figures.
   */
  problems: Array<{ path: string; message: string }>;
}
