import { DependencyHolder } from './dependencyCeilingTypes';

/** The SLO a share is about, by its ref and title. */
export interface AttributedSlo {
  ref: string;
  title?: string;
  target: number;
}

/** A dependency of the SLO's service, and the SLO's burn that coincided with its own. */
export interface BurnAttributionDependency {
  ref: string;
  /** From the SLO's service (first) to the dependency (last). */
  path: string[];
  soft: boolean;
  /** The dependency's SLOs of the kind; a bucket counts when one of them burned faster than 1×. */
  slos: AttributedSlo[];
  owner?: string;
  holders?: DependencyHolder[];
  /** The SLO's bad events (bad slices for Timeslices) in those buckets. */
  burned: number;
  /** `burned` over all the SLO burned; absent when it burned nothing. */
  share?: number;
  /** Buckets in which the dependency burned faster than 1×. */
  buckets: number;
}

/** `GET /v1/slos/:namespace/:name/burn-attribution` */
export interface BurnAttributionResponse {
  slo: AttributedSlo;
  entityRef: string;
  kind?: string;
  /** Start of the window read and its end (the instant of the answer). */
  from: string;
  to: string;
  stepMs: number;
  /** The SLO's bad events (bad slices) over the window; absent with `problem`. */
  burned?: number;
  /** Why nothing is attributed although dependencies have SLOs: the SLO's own counts could not be read. */
  problem?: string;
  /** Sorted by share, largest first. Shares overlap: they need not add up to 1. */
  dependencies: BurnAttributionDependency[];
  /** Dependencies the caller may not read: left out with all behind them. */
  hiddenDependencies: number;
}

/** A service that depends on a team's SLO, and its burn while that SLO burned. */
export interface BurnDependent {
  /** The dependent entity, its path up to the team's entity, and its owner. */
  entityRef: string;
  path: string[];
  owner?: string;
  slo: AttributedSlo;
  burned: number;
  share?: number;
}

/** One SLO of the team's entities with the dependents that burned while it did. */
export interface TeamSloDependents {
  slo: AttributedSlo;
  entityRef: string;
  kind: string;
  /** The team SLO's window, read for its dependents too. */
  from: string;
  to: string;
  /** Buckets in which the team's SLO burned faster than 1×. */
  buckets: number;
  /** Why no dependent is listed: the team SLO's counts could not be read. */
  problem?: string;
  /** Dependents with SLOs of the kind, largest share first. */
  dependents: BurnDependent[];
}

/** `GET /v1/groups/:namespace/:name/burn-dependents` */
export interface BurnDependentsResponse {
  groupRef: string;
  slos: TeamSloDependents[];
  /** True when SLOs or dependents past the caps were left out. */
  truncated: boolean;
  evaluatedAt: string;
}
