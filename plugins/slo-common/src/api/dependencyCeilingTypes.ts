/** One SLO of a dependency (or of the service itself), by its target and SLI. */
export interface DependencySloFigures {
  /** Entity reference of the SLO. */
  ref: string;
  title?: string;
  /** The lowest target among its objectives. */
  target: number;
  /** The SLI of that objective over its window; absent without data. */
  sli?: number;
}

/** Someone who answers for a dependency in a role, e.g. `sre` or `platform`. */
export interface DependencyHolder {
  role: string;
  ref: string;
}

/** A dependency with SLOs of the service's kind. */
export interface CeilingDependency {
  ref: string;
  /** From the service (first) to the dependency (last), entity references. */
  path: string[];
  /** Reached only through a dependency marked soft: listed, not multiplied. */
  soft: boolean;
  slos: DependencySloFigures[];
  /** The entity's owner (its `ownedBy` relation). */
  owner?: string;
  /** Holders of the SRE and platform roles; absent when the ownership backend cannot say. */
  holders?: DependencyHolder[];
}

/** What {@link dependencyCeiling} computes. */
export interface DependencyCeiling {
  /** Π of the hard dependencies' lowest targets; absent without hard dependencies. */
  targetCeiling?: number;
  /** Π of their lowest SLIs; absent when one has no data. */
  measuredCeiling?: number;
  dependencies: CeilingDependency[];
}

/** `GET /v1/entities/:kind/:namespace/:name/dependency-ceiling` */
export interface DependencyCeilingResponse extends DependencyCeiling {
  entityRef: string;
  /** The SLO kind compared (see sloKindOf), `availability` unless asked. */
  kind: string;
  /** The entity's own SLOs of the kind. */
  slos: DependencySloFigures[];
  /**
   * Dependencies the caller may not read (or that do not exist): left out
   * with everything reached only through them.
   */
  hiddenDependencies: number;
  evaluatedAt: string;
}
