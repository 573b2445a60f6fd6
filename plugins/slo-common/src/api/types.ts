import { ObjectiveEvaluation } from '../math/evaluateObjective';
import { SloStatus } from '../math/status';
import { TimeWindow } from '../math/timeWindow';
import { AppliedReleaseGatePolicy } from '../policy/types';
import { FleetRollUp } from '../fleet/rollUpFleet';

/** One objective of an evaluated SLO. */
export interface SloObjectiveResult extends ObjectiveEvaluation {
  index: number;
  displayName?: string;
}

/**
 * Set on an answer when the catalog failed or was slow and the entities, and
 * what the caller may see, came from the catalog's earlier answers to the
 * same caller.
 */
export interface CatalogStaleness {
  /** When the oldest earlier answer used was given (ISO 8601). */
  asOf: string;
  /** Its age when this answer was made, in whole seconds. */
  ageSeconds: number;
  /** Why the catalog's answer was not used. */
  reason: string;
}

/** An evaluated SLO, as every SLO endpoint returns it. */
export interface SloResult {
  /** Entity reference of the SLO, e.g. `slo:default/checkout-availability`. */
  ref: string;
  namespace: string;
  name: string;
  title: string;
  description?: string;
  /** The entity the SLO measures (`spec.service`). */
  serviceRef: string;
  /** Owner and system of the service, when the catalog knows them. */
  ownerRef?: string;
  systemRef?: string;
  budgetingMethod: ObjectiveEvaluation['budgetingMethod'];
  timeWindow: TimeWindow;
  period: {
    start: string;
    end: string;
    lengthMs: number;
    elapsedFraction: number;
  };
  dataSource?: { name: string; type: string };
  /** Where to see the raw data, e.g. a Prometheus graph. */
  sourceUrl?: string;
  evaluatedAt: string;
  /** True when served from the last good evaluation because the source failed. */
  stale: boolean;
  staleReason?: string;
  /** Why the SLO could not be evaluated at all (no earlier result either). */
  error?: string;
  /** The worst status of its objectives (a composite's: its own). */
  status: SloStatus;
  /** Empty for a composite SLO, which has no SLI of its own. */
  objectives: SloObjectiveResult[];
  /** Present on a composite SLO in the fleet list: its figures from its parts. */
  composite?: SloCompositeFigures;
  /** Present when entities and visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}

/**
 * A composite SLO's figures as the scheduled evaluation stores them
 * (evaluateComposite over its parts' results of the same run). The parts are
 * counted, not named: the fleet shows the composite to whoever may read it,
 * and `GET /v1/slos/:namespace/:name/composite` names the parts the caller
 * may read.
 */
export interface SloCompositeFigures {
  /** How many parts (objectives naming another SLO) it has. */
  parts: number;
  /** `Σ wᵢ · consumedᵢ / Σ wᵢ` over the parts with data; absent without data. */
  consumed?: number;
  /** `1 − consumed`: what sorts and rolls it up with the other SLOs. */
  remaining?: number;
}

/** `GET /v1/entities/:kind/:namespace/:name/slos` */
export interface EntitySlosResponse {
  entityRef: string;
  items: SloResult[];
  /**
   * Composite SLOs that measure the entity (a system's or domain's); they
   * have no SLI of their own, so they are not in `items`:
   * `GET /v1/slos/:namespace/:name/composite` evaluates each. Absent when none.
   */
  composites?: SloSummaryRef[];
  /** Present when entities and visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}

/** An SLO named by its entity reference and title. */
export interface SloSummaryRef {
  ref: string;
  namespace: string;
  name: string;
  title: string;
}

/** `GET /v1/slos` */
export interface SloListResponse {
  /** One page, least budget left first, SLOs without data last. */
  items: SloResult[];
  /** Every SLO matching the filters that the caller may read. */
  totalItems: number;
  /** Those SLOs counted by status (all of them, not only the page). */
  counts: Record<SloStatus, number>;
  offset: number;
  limit: number;
  /** Present when entities and visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}

/** Filters of `GET /v1/slos` and `GET /v1/slos/rollups`. */
export interface SloFleetFilter {
  /** Owner of the service, e.g. `group:default/checkout-team`. */
  owner?: string;
  /**
   * A group: SLOs of services owned by it or by any group below it
   * (the catalog's `parentOf`, transitively).
   */
  team?: string;
  system?: string;
  status?: SloStatus;
  /** Found in the SLO's title, its ref or its service's ref, in any case. */
  text?: string;
}

/** Filters and page of `GET /v1/slos`. */
export interface SloListQuery extends SloFleetFilter {
  offset?: number;
  limit?: number;
}

/** `GET /v1/slos/rollups?by=owner|system` */
export interface SloRollUpsResponse {
  by: 'owner' | 'system';
  /** Worst groups first (see rollUpFleet). */
  rows: FleetRollUp[];
  /** Present when entities and visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}

/** One point of `GET /v1/slos/:namespace/:name/history`. */
export interface SloHistoryPoint {
  evaluatedAt: string;
  status: SloStatus;
  /** Every objective evaluated, by its index in `spec.objectives`. */
  objectives: {
    index: number;
    displayName?: string;
    target: number;
    sli?: number;
    remaining?: number;
    burnRate?: number;
  }[];
}

/** `GET /v1/slos/:namespace/:name/history` */
export interface SloHistoryResponse {
  ref: string;
  from: string;
  to: string;
  points: SloHistoryPoint[];
  /** Present when entities and visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}

/** One reason behind a release decision. */
export interface PolicyReason {
  sloRef: string;
  objective?: string;
  blocking: boolean;
  message: string;
}

/** `GET /v1/entities/:kind/:namespace/:name/policy` */
export interface PolicyDecision {
  entityRef: string;
  releaseAllowed: boolean;
  /** One sentence that sums the reasons up. */
  summary: string;
  reasons: PolicyReason[];
  evaluatedAt: string;
  /**
   * The policy the decision was made with and where it came from (absent
   * from backends older than per-service and per-team policies).
   */
  policy?: AppliedReleaseGatePolicy;
  /** Present when entities and visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}

/** One per-minute sample for the built-in store. */
export interface SloSample {
  series: string;
  /** ISO 8601 time or epoch milliseconds, inside the minute it counts for. */
  timestamp: string | number;
  good: number;
  total: number;
}

/** `POST /v1/samples` */
export interface IngestResponse {
  accepted: number;
}

/** `GET /v1/slos/:namespace/:name/timeline`: cumulative SLI and budget over the current period. */
export interface SloTimelineResponse {
  ref: string;
  stepMs: number;
  period: {
    start: string;
    end: string;
    lengthMs: number;
    elapsedFraction: number;
  };
  objectives: {
    index: number;
    displayName?: string;
    target: number;
    points: {
      t: number;
      sli?: number;
      remaining?: number;
      idealRemaining: number;
    }[];
  }[];
  /** Present when entities and visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}
