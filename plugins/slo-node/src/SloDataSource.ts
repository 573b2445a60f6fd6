import {
  ObjectiveMeasurements,
  Period,
  SliSpec,
  SloDocument,
  SloObjective,
  TimelineBucket,
} from '@triad/plugin-slo-common';

/**
 * A data source as the SLO backend resolved it for one SLI: from
 * `slo.dataSources` in app-config (which wins, and may hold secrets) or from a
 * catalog `DataSource` entity's `connectionDetails`.
 *
 * @public
 */
export interface ResolvedDataSource {
  /** Name as referenced by `metricSourceRef`, or the type when none was given. */
  name: string;
  /** Type in lower case, e.g. `prometheus` or `builtin`. */
  type: string;
  /** Connection settings: app-config entry or the entity's `connectionDetails`. */
  config: Record<string, unknown>;
}

/**
 * Everything a data source needs to measure one objective of one SLO.
 *
 * @public
 */
export interface SloMeasureRequest {
  slo: SloDocument;
  objective: SloObjective;
  /** The objective's SLI, inline or resolved from `indicatorRef`. */
  indicator: SliSpec;
  source: ResolvedDataSource;
  /** The SLO period at evaluation time. */
  period: Period;
  /** Alert windows to measure the error ratio over, in ms, ending at `at`. */
  windowsMs: number[];
  /** Slice length for Timeslices and RatioTimeslices, in ms. */
  timeSliceMs?: number;
  at: Date;
  /** Aborted when the configured source timeout passes. */
  signal: AbortSignal;
}

/**
 * What a data source answers: the error ratios the arithmetic needs, and
 * optionally where to look at the raw data.
 *
 * @public
 */
export interface SloMeasurement extends ObjectiveMeasurements {
  /** A link to the data in the source's own UI, e.g. a Prometheus graph. */
  sourceUrl?: string;
}

/**
 * A kind of SLO data source. The backend picks it by `type`; one instance
 * serves every configured data source of that type.
 *
 * @public
 */
export interface SloDataSource {
  /** Lower-case type it serves, e.g. `prometheus`. */
  readonly type: string;
  /**
   * Measures one objective. Throw (ideally a `@backstage/errors` error) when
   * the source fails; the backend then serves the last good result as stale.
   * Return `undefined` error ratios for windows without traffic.
   */
  measure(request: SloMeasureRequest): Promise<SloMeasurement>;
  /**
   * Optional: good and total counts (slices for the Timeslices methods) in
   * steps of `stepMs` from the period start to `at`, for the SLI and
   * burn-down charts. Without it the charts use stored snapshots.
   */
  timeline?(
    request: SloMeasureRequest,
    stepMs: number,
  ): Promise<TimelineBucket[]>;
}
